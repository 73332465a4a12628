import HelpCache
import HelpProject
import HelpSystem

/// A server's SQLite test database as it was right after `alembic upgrade head`, kept in
/// `.helpcache/testdb/` so the next run copies it instead of replaying every migration (a project
/// with hundreds of them spends seconds there on each run). Keyed on everything the migration run
/// reads: alembic.ini and the script folder, the variables handed to it (not the throwaway path,
/// not secrets), the interpreter and the installed distributions. The copy is still brought to
/// head by the same Alembic run that checks it, so a stale one can only cost time.
struct TestDatabaseTemplate {
    let path: String
    let folder: String
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

    /// Forgets the template.
    func discard() { try? fileSystem.remove(path) }

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
