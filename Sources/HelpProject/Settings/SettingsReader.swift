/// Finds a Python component's pydantic-settings classes by reading its source (never importing
/// it): subclasses of `BaseSettings`, directly or through another settings class of the
/// component, with inherited fields resolved. Bounded like the app finder: a few folder levels,
/// a few hundred files, tests, virtualenvs and migrations left out.
public enum SettingsReader {
    static let maximumDepth = 4
    static let maximumFiles = 400
    static let maximumFileSize = 512 << 10
    static let skippedFolders: Set<String> = [
        "tests", "test", "migrations", "alembic", "docs", "node_modules", "venv", "__pycache__",
    ]
    /// Text that shows the code builds a PostgreSQL URL.
    static let postgresMarkers = ["PostgresDsn", "postgresql+", "postgresql://", "scheme=\"postgresql"]

    /// The settings of the component in `folder` (absolute).
    public static func read(folder: String) -> SettingsFacts {
        var classes: [SettingsClass] = []
        var mentionsPostgres = false
        var mentionsSQLite = false
        for file in pythonFiles(in: folder) {
            guard let text = FileProbe.readText(FileProbe.join(folder, file), limit: maximumFileSize) else { continue }
            if postgresMarkers.contains(where: text.contains) { mentionsPostgres = true }
            if text.lowercased().contains("sqlite") { mentionsSQLite = true }
            if text.contains("Settings") { classes += SettingsSourceParser.classes(in: text, file: file) }
        }
        let settings = resolve(classes)
        let splitFields = settings.contains { $0.fields.contains { $0.key == "POSTGRES_SERVER" } }
        return SettingsFacts(classes: settings, postgresOnly: (mentionsPostgres || splitFields) && !mentionsSQLite)
    }

    /// The classes that derive from `BaseSettings`, each with the fields of its settings bases
    /// before its own (an own field of the same name wins), and their `env_file`/`env_prefix`
    /// when it declares none.
    static func resolve(_ classes: [SettingsClass]) -> [SettingsClass] {
        let byName = Dictionary(classes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func resolved(_ name: String, seen: Set<String>) -> SettingsClass? {
            guard let declared = byName[name], !seen.contains(name) else { return nil }
            var result = declared
            var inherited: [SettingsClass.Field] = []
            var isSettings = false
            for base in declared.bases {
                if base == "BaseSettings" {
                    isSettings = true
                } else if let parent = resolved(base, seen: seen.union([name])) {
                    isSettings = true
                    inherited += parent.fields.filter { field in !inherited.contains { $0.name == field.name } }
                    if result.envFiles.isEmpty { result.envFiles = parent.envFiles }
                    if result.envPrefix.isEmpty { result.envPrefix = parent.envPrefix }
                    result.caseSensitive = result.caseSensitive || parent.caseSensitive
                }
            }
            guard isSettings else { return nil }
            let own = Set(declared.fields.map(\.name))
            // Keys follow the prefix in force for this class, inherited or not.
            result.fields = (inherited.filter { !own.contains($0.name) } + declared.fields).map { field in
                var field = field
                field.key = result.key(for: field.name, alias: field.alias)
                return field
            }
            return result
        }
        return classes.compactMap { resolved($0.name, seen: []) }
    }

    /// Python files under `folder`, relative to it, breadth-first in name order.
    static func pythonFiles(in folder: String) -> [String] {
        var files: [String] = []
        var level = [""]
        for _ in 0...maximumDepth {
            var next: [String] = []
            for relative in level {
                for entry in FileProbe.entries(in: FileProbe.join(folder, relative)) {
                    let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                    if entry.isDirectory {
                        if !entry.name.hasPrefix("."), !skippedFolders.contains(entry.name),
                            !ComponentDetector.ignoredFolders.contains(entry.name)
                        {
                            next.append(path)
                        }
                    } else if entry.name.hasSuffix(".py"), !entry.name.hasPrefix("test_"), entry.name != "conftest.py" {
                        files.append(path)
                        if files.count >= maximumFiles { return files }
                    }
                }
            }
            level = next
        }
        return files
    }
}
