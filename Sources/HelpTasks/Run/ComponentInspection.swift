import HelpProject
import HelpSystem

/// Reads what planning needs from a component's files: where its Alembic scripts are and whether
/// its app declares a health route. Bounded reads only (a few folder levels, small files).
public enum ComponentInspection {
    /// Most files looked at per scan.
    static let fileLimit = 400
    /// Folders that never hold migration scripts or routes.
    static let skippedFolders: Set<String> = [
        "__pycache__", ".venv", "venv", "env", "node_modules", ".git", "tests", "test",
    ]

    // MARK: - Alembic

    /// alembic.ini and the files of its script folder (`script_location`, `migrations` or
    /// `alembic` by default), relative to `folder`, sorted; nil when the component has no Alembic.
    public static func migrationInputs(folder: String, markers: PythonMarkers?, fileSystem: FileSystem = FileSystem())
        -> [String]?
    {
        let ini = folder + "/alembic.ini"
        let hasIni = fileSystem.exists(ini)
        var scripts = hasIni ? scriptLocation(iniText: (try? fileSystem.readText(ini)) ?? "", folder: folder) : nil
        if scripts == nil,
            let named = markers?.migrationsFolder
                ?? ["migrations", "alembic"].first(where: { fileSystem.isDirectory(folder + "/" + $0) })
        {
            scripts = named
        }
        guard let scripts, hasIni || fileSystem.exists(folder + "/" + scripts + "/env.py") else { return nil }
        var files = hasIni ? ["alembic.ini"] : []
        files += listFiles(folder: folder, relative: scripts, depth: 3, fileSystem: fileSystem) {
            !$0.hasSuffix(".pyc")
        }
        return files.sorted()
    }

    /// The `script_location` of the `[alembic]` section, relative to `folder` (`%(here)s` is the
    /// folder); nil when it is missing or points outside.
    static func scriptLocation(iniText: String, folder: String) -> String? {
        var inSection = false
        for raw in iniText.split(whereSeparator: \.isNewline) {
            let line = String(raw).trimmingCharacters(in: " \t\r")
            if line.hasPrefix("[") {
                inSection = line == "[alembic]"
                continue
            }
            guard inSection, line.hasPrefix("script_location"),
                let equals = line.firstIndex(of: "=") ?? line.firstIndex(of: ":")
            else { continue }
            var value = String(line[line.index(after: equals)...]).trimmingCharacters(in: " \t")
            for prefix in ["%(here)s/", "./"] where value.hasPrefix(prefix) {
                value = String(value.dropFirst(prefix.count))
            }
            if value.hasPrefix(folder + "/") { value = String(value.dropFirst(folder.count + 1)) }
            guard !value.isEmpty, !value.hasPrefix("/"), !value.contains(":"),
                !value.split(separator: "/").contains("..")
            else { return nil }
            return value.hasSuffix("/") ? String(value.dropLast()) : value
        }
        return nil
    }

    // MARK: - Routes

    /// `/health` (or `/healthz`) when a Python file of the app's package mentions it as a quoted
    /// path, as a route decorator does.
    public static func healthPath(folder: String, app: String?, fileSystem: FileSystem = FileSystem()) -> String? {
        guard let app, let module = app.split(separator: ":").first else { return nil }
        let parts = module.split(separator: ".").map(String.init)
        let packages = [parts.dropLast().joined(separator: "/"), "src/" + parts.dropLast().joined(separator: "/")]
        let package = packages.first { !$0.isEmpty && !$0.hasSuffix("/") && fileSystem.isDirectory(folder + "/" + $0) }
        let files =
            package.map {
                listFiles(folder: folder, relative: $0, depth: 2, fileSystem: fileSystem) { $0.hasSuffix(".py") }
            }
            ?? [parts.joined(separator: "/") + ".py"]
        for candidate in ["/health", "/healthz"] {
            let needles = ["\"\(candidate)\"", "'\(candidate)'"]
            for file in files {
                guard let text = try? fileSystem.readText(folder + "/" + file), text.utf8.count < 1 << 20 else {
                    continue
                }
                if needles.contains(where: { text.contains($0) }) { return candidate }
            }
        }
        return nil
    }

    // MARK: - Listing

    /// Regular files under `folder/relative`, as paths relative to `folder`, up to `depth` levels.
    static func listFiles(folder: String, relative: String, depth: Int, fileSystem: FileSystem, keep: (String) -> Bool)
        -> [String]
    {
        var result: [String] = []
        var level = [relative]
        for _ in 0..<depth {
            var next: [String] = []
            for current in level {
                guard let entries = try? fileSystem.listDirectory(folder + "/" + current) else { continue }
                for entry in entries.sorted(by: { $0.name < $1.name })
                where !entry.name.hasPrefix(".") && !skippedFolders.contains(entry.name) {
                    let path = current + "/" + entry.name
                    let kind = entry.kind == .unknown ? (try? fileSystem.stat(folder + "/" + path))?.kind : entry.kind
                    if kind == .directory {
                        next.append(path)
                    } else if kind == .regular, keep(entry.name), result.count < fileLimit {
                        result.append(path)
                    }
                }
            }
            level = next
        }
        return result
    }
}
