import HelpSystem

/// Whether a client component really depends on the project's server, from what its own files show:
/// it imports one of the server's Python packages, declares the server's distribution as a
/// dependency, or its tests start the server (uvicorn, `help run`, the server's ASGI app). A folder
/// named `*-client` alone is no evidence: its tests may use a fake server and never touch ours.
enum ClientEvidence {
    /// Folders never read: environments, installed packages, caches, build output.
    static let skippedFolders: Set<String> = [
        "node_modules", "__pycache__", "venv", "build", "dist", "site-packages",
    ]
    /// Files read per client at most, so a huge folder never slows loading the project.
    static let fileLimit = 400

    /// The evidence in words ("imports the server's package app"), or nil when there is none.
    static func reason(client: Component, clientFolder: String, server: Component, serverFolder: String) -> String? {
        if let name = distributionName(of: server, folder: serverFolder) {
            if client.python?.mentions(name) == true
                || client.node.map({
                    ($0.dependencies + $0.devDependencies).contains(name)
                }) == true
            {
                return "declares a dependency on the server (\(name))"
            }
        }
        let clientFiles = sourceFiles(in: clientFolder)
        let ownPackages = Set(topLevelPackages(in: clientFolder))
        let serverPackages = Set(topLevelPackages(in: serverFolder)).subtracting(ownPackages)
        for (path, text) in clientFiles {
            if path.hasSuffix(".py"), let imported = importedPackage(in: text, among: serverPackages) {
                return "imports the server's package \(imported) (\(path))"
            }
            guard isTestFile(path) else { continue }
            var starters = ["uvicorn", "help run"]
            if let app = server.asgiApp { starters.append(app) }
            if let starter = starters.first(where: { text.contains($0) }) {
                return "its tests start the server (\(starter) in \(path))"
            }
        }
        return nil
    }

    /// The server's distribution name (`[project] name` or package.json `name`), when it has one.
    static func distributionName(of server: Component, folder: String) -> String? {
        if let name = server.node?.packageName { return name }
        guard let bytes = FileProbe.read(folder + "/pyproject.toml") else { return nil }
        return (try? PyProject(text: String(decoding: bytes, as: UTF8.self)))?.name
    }

    /// The folders holding an `__init__.py` at the top of `folder` or of its `src/`, without the
    /// test and migration folders every server has.
    static func topLevelPackages(in folder: String) -> [String] {
        var names: [String] = []
        for base in [folder, folder + "/src"] {
            for entry in FileProbe.entries(in: base) where entry.isDirectory {
                if ["tests", "test", "migrations", "alembic", "src"].contains(entry.name) { continue }
                if FileProbe.isFile(base + "/" + entry.name + "/__init__.py") { names.append(entry.name) }
            }
        }
        return names
    }

    /// The first of `packages` that `text` imports at its top level (`import app`, `from app.x import y`).
    static func importedPackage(in text: String, among packages: Set<String>) -> String? {
        guard !packages.isEmpty else { return nil }
        for raw in text.split(separator: "\n") {
            let words = raw.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count >= 2, words[0] == "import" || words[0] == "from" else { continue }
            let module = words[1].split(separator: ".").first.map(String.init) ?? ""
            if packages.contains(module) { return module }
        }
        return nil
    }

    static func isTestFile(_ path: String) -> Bool {
        path.split(separator: "/").contains { $0 == "tests" || $0 == "test" || $0 == "__tests__" }
            || (path.split(separator: "/").last.map { $0.hasPrefix("test_") || $0.contains(".test.") } ?? false)
    }

    /// Python and JavaScript/TypeScript files of `folder` (relative path -> text), hidden and
    /// environment folders left out, at most `fileLimit` of them.
    static func sourceFiles(in folder: String) -> [(String, String)] {
        var found: [(String, String)] = []
        var queue = [""]
        let suffixes = [".py", ".js", ".mjs", ".cjs", ".ts"]
        while let relative = queue.first, found.count < fileLimit {
            queue.removeFirst()
            let absolute = relative.isEmpty ? folder : folder + "/" + relative
            for entry in FileProbe.entries(in: absolute) where !entry.name.hasPrefix(".") {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.isDirectory {
                    if !skippedFolders.contains(entry.name) { queue.append(path) }
                } else if suffixes.contains(where: { entry.name.hasSuffix($0) }),
                    let bytes = FileProbe.read(folder + "/" + path, limit: 1 << 20)
                {
                    found.append((path, String(decoding: bytes, as: UTF8.self)))
                    if found.count >= fileLimit { break }
                }
            }
        }
        return found
    }
}
