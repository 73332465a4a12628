import HelpSystem

/// The importable packages a Python component ships: folders holding an `__init__.py` at its top
/// or under `src/`, without the tests and migrations every server has.
public enum PythonPackageFolders {
    /// Folders that are never the component's own package.
    static let ignored: Set<String> = ["tests", "test", "migrations", "alembic", "src", "docs"]

    /// Package folders relative to `folder` (`app`, `src/auth_client`), sorted by name.
    public static func relativePaths(in folder: String) -> [String] {
        var found: [String] = []
        for base in ["", "src/"] {
            for entry in FileProbe.entries(in: folder + "/" + base) where entry.isDirectory {
                if ignored.contains(entry.name) || entry.name.hasPrefix(".") { continue }
                if FileProbe.isFile(folder + "/" + base + entry.name + "/__init__.py") {
                    found.append(base + entry.name)
                }
            }
        }
        return found
    }

    /// The package names (`app`, `auth_client`).
    public static func names(in folder: String) -> [String] {
        relativePaths(in: folder).map { $0.split(separator: "/").last.map(String.init) ?? $0 }
    }
}
