import HelpCache
import HelpProject
import HelpSystem

/// A server's SQLite test database as it was right after `alembic upgrade head`, kept in
/// `.helpcache/testdb/` so the next run copies it instead of replaying every migration (a project
/// with hundreds of them spends seconds there on each run). Keyed on everything the migration run
/// reads: alembic.ini and the script folder, the variables handed to it (not the throwaway path,
/// not secrets), the interpreter and the installed distributions. The copy is still brought to
/// head by the same Alembic run that checks it, so a stale one can only cost time.
///
/// That run also lists the project files it read (the modules env.py imported, the settings files
/// they opened), kept beside the template with a digest of them, of the `.env` files and of the
/// inherited environment: while all of those are unchanged, Alembic would again find the
/// throwaway database and nothing to migrate, so the next run uses the copy without starting it.
struct TestDatabaseTemplate {
    let path: String
    let folder: String
    /// Without a trailing slash.
    let projectRoot: String
    let componentFolder: String
    let fileSystem = FileSystem()
    /// Larger databases are not kept: a migration that loads data is better replayed than copied.
    static let sizeLimit = 64 << 20

    /// The template for this component and these inputs; nil when the component's migration
    /// files cannot be found (then every run migrates).
    init?(
        projectRoot: String, component: Component, componentFolder: String, python: String,
        environment: [String: String]
    ) {
        let fs = FileSystem()
        guard
            let inputs = ComponentInspection.migrationInputs(
                folder: componentFolder, markers: component.python, fileSystem: fs)
        else { return nil }
        var hasher = SHA256()
        MigrationRunner.hash(inputs, in: componentFolder, into: &hasher, fileSystem: fs)
        let skipped = Set(TestDatabase.handoverNames + ["SECRET_KEY", "PYTHONPATH"])
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) where !skipped.contains(name) {
            hasher.update(name + "=" + value + "\u{0}")
        }
        hasher.update(python + "\u{0}")
        hasher.update(Self.distributions(python: python, fileSystem: fs).joined(separator: "\n"))
        self.projectRoot =
            projectRoot.count > 1 && projectRoot.hasSuffix("/") ? String(projectRoot.dropLast()) : projectRoot
        self.componentFolder = componentFolder
        folder = HelpCacheFolder(projectRoot: projectRoot).path + "/testdb"
        path =
            folder + "/" + DependencyTarget.fileSafe(component.name) + "-" + String(hasher.finalize().hex.prefix(32))
            + ".sqlite"
    }

    /// Puts the template in place of the fresh database; false when there is none yet.
    func restore(into database: String) -> Bool {
        guard let bytes = try? fileSystem.readFileIfExists(path) else { return false }
        return (try? fileSystem.writeAtomically(database, bytes)) != nil
    }

    /// Keeps a just-migrated database as the template, replacing the component's older ones.
    func save(from database: String, component: String) {
        guard let bytes = try? fileSystem.readFile(database), bytes.count <= Self.sizeLimit else { return }
        try? fileSystem.createDirectories(folder)
        let prefix = DependencyTarget.fileSafe(component) + "-"
        for entry in (try? fileSystem.listDirectory(folder)) ?? [] where entry.name.hasPrefix(prefix) {
            try? fileSystem.remove(folder + "/" + entry.name)
        }
        try? fileSystem.writeAtomically(path, bytes)
    }

    /// Forgets the template and what its check read.
    func discard() {
        try? fileSystem.remove(path)
        try? fileSystem.remove(readsPath)
    }

    /// Beside the template: a digest of what the last Alembic check read, then those files.
    var readsPath: String { path + ".reads" }

    /// Records that an Alembic run found the throwaway database and brought this template to head
    /// after reading `reads` (absolute paths), with `inherited` as the environment it inherited.
    func remember(reads: [String], inherited: [String: String], salt: ProjectSalt) {
        let files = reads.filter { $0.hasPrefix(projectRoot + "/") }
        let digest = digest(of: files, inherited: inherited, salt: salt)
        let text = ([Self.readsHeader, digest] + files).joined(separator: "\n") + "\n"
        try? fileSystem.writeAtomically(readsPath, Array(text.utf8))
    }

    /// True when the template's last check read files that are all as they were then, in the same
    /// environment: the Alembic run would find the same database and nothing to do.
    func stillChecked(inherited: [String: String], salt: ProjectSalt) -> Bool {
        guard fileSystem.exists(path), let text = try? fileSystem.readText(readsPath) else { return false }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 2, lines[0] == Self.readsHeader else { return false }
        let files = lines.dropFirst(2).filter { !$0.isEmpty }
        return lines[1] == digest(of: Array(files), inherited: inherited, salt: salt)
    }

    static let readsHeader = "help-testdb-reads 1"

    /// Variables a shell changes between two commands without changing what a program reads.
    static let volatileVariables: Set<String> = ["_", "PWD", "OLDPWD", "SHLVL", "COLUMNS", "LINES"]

    /// The files' contents (a missing one counts as missing), both `.env` files whether read or
    /// not (a new one may change the settings), and the inherited environment (under the project's
    /// salt: it may hold secrets).
    func digest(of files: [String], inherited: [String: String], salt: ProjectSalt) -> String {
        var hasher = SHA256()
        let candidates = Set(files + [componentFolder + "/.env", projectRoot + "/.env"]).sorted()
        for file in candidates {
            hasher.update(file + "\u{0}")
            if let bytes = try? fileSystem.readFileIfExists(file) {
                hasher.update(String(bytes.count) + "\u{0}")
                hasher.update(bytes)
            } else {
                hasher.update("missing\u{0}")
            }
        }
        var environment = ""
        for (name, value) in inherited.sorted(by: { $0.key < $1.key }) where !Self.volatileVariables.contains(name) {
            environment += name + "=" + value + "\u{0}"
        }
        hasher.update(salt.fingerprint(environment)?.hex ?? "")
        return hasher.finalize().hex
    }

    /// The `*.dist-info` names of the environment `python` belongs to (name and version of
    /// everything installed), sorted; empty outside a virtual environment.
    static func distributions(python: String, fileSystem: FileSystem) -> [String] {
        guard let bin = python.lastIndex(of: "/"), let root = python[..<bin].lastIndex(of: "/") else { return [] }
        let env = VirtualEnvironment(root: String(python[..<root]))
        return env.sitePackages(fileSystem: fileSystem).flatMap { site in
            ((try? fileSystem.listDirectory(site)) ?? []).map(\.name).filter { $0.hasSuffix(".dist-info") }
        }.sorted()
    }
}
