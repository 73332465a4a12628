import HelpSystem

/// A component as dependency work sees it: a name, its folder, the project root, its ecosystem.
/// Built from the project's components by the CLI, `help run` and `help test`.
public struct DependencyTarget: Sendable, Equatable {
    /// The ecosystems whose dependencies `help` installs.
    public enum Ecosystem: String, Sendable, Equatable {
        case python
        case node
    }

    /// The component's name (`server`, `python-client`).
    public var name: String
    /// The component's folder, absolute.
    public var directory: String
    /// The project root, absolute: where `.helpcache/` lives and where a shared `.venv` may be.
    public var root: String
    public var ecosystem: Ecosystem

    public init(name: String, directory: String, root: String, ecosystem: Ecosystem) {
        self.name = name
        self.directory = directory
        self.root = root
        self.ecosystem = ecosystem
    }

    /// `.helpcache/deps/<name>.stamp` under the project root.
    public var stampPath: String { HelpCacheFolder(projectRoot: root).deps + "/" + Self.fileSafe(name) + ".stamp" }
    /// Where requirement files are backed up before an install changes them.
    public var backupsDirectory: String { HelpCacheFolder(projectRoot: root).backups }

    /// The folder relative to the root, for messages (`server`, `.` for the root).
    public var label: String {
        directory == root
            ? "." : (directory.hasPrefix(root + "/") ? String(directory.dropFirst(root.count + 1)) : directory)
    }

    static func fileSafe(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
    }
}
