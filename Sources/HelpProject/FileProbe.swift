#if canImport(Glibc)
import Glibc
#endif
import HelpSystem

/// Read-only looks at the local disk for project discovery: stat, list one folder, read a small file.
/// Straight Glibc calls; nothing here walks a tree on its own, callers decide how deep to go.
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
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(cString: buffer)
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
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
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
        guard let stream = opendir(folder) else { return [] }
        defer { closedir(stream) }
        var result: [Entry] = []
        while let raw = readdir(stream) {
            let name = withUnsafePointer(to: &raw.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let type = raw.pointee.d_type
            let isDirectory: Bool
            if type == UInt8(DT_DIR) {
                isDirectory = true
            } else if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                // Some file systems leave the type out, and a link may point at a folder.
                isDirectory = self.isDirectory(folder + "/" + name)
            } else {
                isDirectory = false
            }
            result.append(Entry(name: name, isDirectory: isDirectory))
        }
        return result.sorted { $0.name < $1.name }
    }

    /// The bytes of a regular file, or nil when it is missing, unreadable or larger than `limit`.
    static func read(_ path: String, limit: Int = 4 << 20) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= limit else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        return filled == bytes.count ? bytes : Array(bytes[..<filled])
    }

    /// A small text file decoded as UTF-8 (invalid bytes replaced), or nil when it cannot be read.
    static func readText(_ path: String, limit: Int = 4 << 20) -> String? {
        read(path, limit: limit).map { String(decoding: $0, as: UTF8.self) }
    }
}
