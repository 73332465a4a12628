import HelpProject
import HelpSystem

/// Everything an install may change, saved before it changes: each requirement file (backed up
/// under `.helpcache/backups/`, or noted as absent) and the environment's package set. A rollback
/// puts every file back byte for byte (removing those that did not exist) and uninstalls the
/// distributions that appeared, and says what it did.
final class InstallTransaction {
    /// A file as it was before the install.
    struct SavedFile {
        var path: String
        /// The backup copy; nil when the file did not exist.
        var backup: String?
    }

    let fileSystem: FileSystem
    let backupsDirectory: String
    private(set) var saved: [SavedFile] = []
    private(set) var packagesBefore: InstalledPackages?

    init(fileSystem: FileSystem, backupsDirectory: String) {
        self.fileSystem = fileSystem
        self.backupsDirectory = backupsDirectory
    }

    /// Backs up `paths` (each once).
    func save(_ paths: [String]) throws {
        for path in paths where !saved.contains(where: { $0.path == path }) {
            let backup = fileSystem.exists(path) ? try fileSystem.backup(path, into: backupsDirectory) : nil
            saved.append(SavedFile(path: path, backup: backup))
        }
    }

    /// Records the package set before anything is installed.
    func recordPackages(_ packages: InstalledPackages) {
        packagesBefore = packages
    }

    /// Undoes what can be undone and returns one line per action, for the output. Never throws:
    /// a rollback step that fails is reported and the others still run.
    func rollback(
        installer: PythonInstaller, env: VirtualEnvironment?, packagesNow: InstalledPackages?, runner: StepRunner
    ) -> [String] {
        restoreFiles() + uninstallAdded(installer: installer, env: env, packagesNow: packagesNow, runner: runner)
    }

    /// Puts every saved file back (removing those that did not exist); one line per file.
    func restoreFiles() -> [String] {
        var lines: [String] = []
        for file in saved.reversed() {
            do {
                if let backup = file.backup {
                    try fileSystem.restore(backup, to: file.path)
                    lines.append("restored \(file.path)")
                } else if fileSystem.exists(file.path) {
                    try fileSystem.remove(file.path)
                    lines.append("removed \(file.path) (it did not exist before)")
                }
            } catch {
                lines.append("could not restore \(file.path): \(error); its backup is \(file.backup ?? "none")")
            }
        }
        return lines
    }

    /// Uninstalls the distributions that appeared since `recordPackages`.
    private func uninstallAdded(
        installer: PythonInstaller, env: VirtualEnvironment?, packagesNow: InstalledPackages?, runner: StepRunner
    ) -> [String] {
        var lines: [String] = []
        if let env, let before = packagesBefore, let now = packagesNow {
            let added = now.changes(since: before).added.map(\.name)
            if !added.isEmpty {
                var uninstall = installer.uninstall(added, from: env)
                uninstall.runsAfterInterrupt = true  // undoing an install is the point of Ctrl-C here
                uninstall.timeout = uninstall.timeout ?? 300
                let result = try? runner.run(uninstall)
                if result?.succeeded == true {
                    lines.append("uninstalled \(added.joined(separator: ", "))")
                } else {
                    lines.append("could not uninstall \(added.joined(separator: ", ")); remove them with pip uninstall")
                }
            }
        }
        return lines
    }
}
