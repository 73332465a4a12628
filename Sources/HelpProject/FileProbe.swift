import HelpSystem

/// Read-only looks at the local disk for project discovery: stat, list one folder, read a small file.
/// Built on `FileSystem`; nothing here walks a tree on its own, callers decide how deep to go.
enum FileProbe {
    /// What a path names, following symlinks.
    enum Kind: Equatable {
        case file, directory, other
    }

    /// One entry of a folder listing.
    struct Entry: Equatable {
        var name: String
        var isDirectory: Bool
    }

    // MARK: - Paths

    /// The current working directory.
    static func currentDirectory() -> String {
        FileSystem().currentDirectory()
    }

    /// `path` made absolute against `base` with `.` and `..` folded away (lexically, no symlinks).
    static func absolute(_ path: String, from base: String = currentDirectory()) -> String {
        let full = path.hasPrefix("/") ? path : base + "/" + path
        var parts: [Substring] = []
        for part in full.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` joined under `folder`; `.` and the empty path stand for the folder itself.
    static func join(_ folder: String, _ path: String) -> String {
        if path.isEmpty || path == "." { return folder }
        return folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }

    /// The parent folder of an absolute path; nil for `/`.
    static func parent(of path: String) -> String? {
        guard path != "/", let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of a path.
    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    // MARK: - Stat

    /// What `path` is, or nil when it does not exist.
    static func kind(of path: String) -> Kind? {
        switch (try? FileSystem().stat(path))?.kind {
        case nil: return nil
        case .directory?: return .directory
        case .regular?: return .file
        default: return .other
        }
    }

    static func isFile(_ path: String) -> Bool { kind(of: path) == .file }

    static func isDirectory(_ path: String) -> Bool { kind(of: path) == .directory }

    /// True for a file, folder or anything else at `path` (a `.git` may be either).
    static func exists(_ path: String) -> Bool { kind(of: path) != nil }

    // MARK: - Listing and reading

    /// The entries of one folder, sorted by name, without `.` and `..`; empty when unreadable.
    static func entries(in folder: String) -> [Entry] {
        let listing = (try? FileSystem().listDirectory(folder)) ?? []
        return listing.map { entry in
            // Some file systems leave the type out, and a link may point at a folder.
            let isDirectory =
                entry.kind == .unknown || entry.kind == .symlink
                ? self.isDirectory(folder + "/" + entry.name) : entry.kind == .directory
            return Entry(name: entry.name, isDirectory: isDirectory)
        }.sorted { $0.name < $1.name }
    }

    /// The bytes of a regular file, or nil when it is missing, unreadable or larger than `limit`.
    static func read(_ path: String, limit: Int = 4 << 20) -> [UInt8]? {
        let fileSystem = FileSystem()
        guard let info = try? fileSystem.stat(path), info.kind == .regular, info.size <= limit else { return nil }
        return try? fileSystem.readFile(path)
    }

    /// A small text file decoded as UTF-8 (invalid bytes replaced), or nil when it cannot be read.
    static func readText(_ path: String, limit: Int = 4 << 20) -> String? {
        read(path, limit: limit).map { String(decoding: $0, as: UTF8.self) }
    }
}
