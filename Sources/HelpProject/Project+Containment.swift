import HelpSystem

/// Where a path inside the project really leads, so an edit never reaches through a symlink to a
/// file outside it.
extension Project {
    /// The real path of `path` when it lies outside the project (both resolved, so a symlink
    /// anywhere on the way counts); nil when it stays inside or does not exist (a dangling link is
    /// replaced by a write, never followed).
    public func realPath(outside path: String) -> String? {
        Self.realPath(path, outside: root.path)
    }

    /// The same for a project known only by its root folder.
    public static func realPath(_ path: String, outside root: String) -> String? {
        guard let real = FileSystem().realPath(path) else { return nil }
        let base = FileSystem().realPath(root) ?? root
        return real == base || real.hasPrefix(base == "/" ? "/" : base + "/") ? nil : real
    }
}
