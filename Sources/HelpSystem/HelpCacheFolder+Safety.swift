#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Creating and checking `.helpcache`: the one place that creates it and the folders in it. It is
/// born with its `.gitignore` of `*` (it may hold a `.env` backup before any result), and neither it
/// nor a folder in it may be a symlink: backups and logs hold secrets and must not land wherever a
/// link points. `FileSystem.createDirectories` sends every path below a `.helpcache` here.
extension HelpCacheFolder {
    /// Folders in it that hold copies of user files or command output: readable by the owner only.
    static let privateFolders: Set<String> = ["backups", "logs"]

    /// Whether the cache folder `folder` exists: false when absent; true when it is a real folder;
    /// throws when it is a symlink (bad data, 65) or something other than a folder (I/O, 74).
    public static func exists(_ folder: String) throws -> Bool {
        try check(folder, creating: false)
    }

    /// Refuses a project whose `.helpcache` is a symlink or a file, or holds a folder that is a
    /// symlink (`backups`, `logs`, `state`...): checked before any command, so none writes there.
    /// An absent cache is fine.
    public static func verify(root: String) throws {
        let folder = HelpCacheFolder(projectRoot: root).path
        guard try exists(folder) else { return }
        for entry in (try? FileSystem().listDirectory(folder)) ?? [] where !entry.name.hasPrefix(".") {
            guard entry.kind == .symlink || entry.kind == .unknown else { continue }
            var info = stat()
            if lstat(folder + "/" + entry.name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK {
                throw symlinkError(folder + "/" + entry.name)
            }
        }
    }

    /// Makes `folder` (a `.helpcache`, or a store's root in tests) ready: created with its
    /// `.gitignore` when absent, refused when it is a symlink or not a folder.
    public static func prepare(_ folder: String) throws {
        _ = try check(folder, creating: true)
        let ignore = folder + "/.gitignore"
        var info = stat()
        if lstat(ignore, &info) != 0 && errno == ENOENT {
            // The folder may be read-only; the cache then works without storing, so no error here.
            try? FileSystem().writeAtomically(ignore, Array("*\n".utf8))
        }
    }

    /// Creates `path`, which lies below the `.helpcache` at `folder`: the cache folder first (with
    /// its `.gitignore`), then each folder down to `path`, none of which may be a symlink.
    public static func createDirectories(_ path: String, below folder: String) throws {
        try prepare(folder)
        var current = folder
        for part in path.dropFirst(folder.count).split(separator: "/") {
            current += "/" + part
            let mode: mode_t = privateFolders.contains(String(part)) ? 0o700 : 0o755
            _ = try check(current, creating: true, mode: mode)
        }
    }

    /// The `.helpcache` folder that `path` is in or is, when one of its parts is named so.
    public static func enclosing(_ path: String) -> String? {
        var start = path.startIndex
        while let slash = path[start...].firstIndex(of: "/") {
            let partStart = path.index(after: slash)
            let partEnd = path[partStart...].firstIndex(of: "/") ?? path.endIndex
            if path[partStart..<partEnd] == name { return String(path[..<partEnd]) }
            start = partEnd
        }
        return nil
    }

    // MARK: - Checking

    /// lstat `path`: a real folder is fine; absent is created (`creating`) or reported; a symlink or
    /// anything else is refused with the reason and what to do.
    private static func check(_ path: String, creating: Bool, mode: mode_t = 0o755) throws -> Bool {
        var info = stat()
        if lstat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return true
            case S_IFLNK: throw symlinkError(path)
            default:
                throw HelpError.io(
                    "\(path) is not a folder",
                    hint: "move the file away (help keeps its cache, logs and backups in this folder)")
            }
        }
        guard errno == ENOENT else { throw HelpError.io("cannot look at \(path): \(errnoMessage())") }
        guard creating else { return false }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            let parent = String(path[..<slash])
            if !FileSystem().isDirectory(parent) { try FileSystem().createDirectories(parent) }
        }
        if mkdir(path, mode) != 0 && errno != EEXIST {
            throw HelpError.io("cannot create folder \(path): \(errnoMessage())")
        }
        return try check(path, creating: false)
    }

    private static func symlinkError(_ path: String) -> HelpError {
        HelpError.badData(
            "\(path) is a symlink; help keeps its cache, logs and backups only in a real folder",
            hint: "remove the link (rm \(Command.shellQuote(path))) and run the command again")
    }
}
