#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reaches files by relative path the cheap way: the last parent folder is kept open (O_PATH),
/// so consecutive files in it (sorted lists make them neighbours) are looked up by name alone
/// instead of the kernel walking the whole path each time. One per worker thread.
struct FolderOpener {
    /// Linux O_PATH (not exported by the Glibc module): a descriptor good for *at calls only.
    static let pathOnly: Int32 = 0o10_000_000

    private let root: Int32
    private var folder: [UInt8] = []
    private var folderFD: Int32
    private var name = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)

    init(root: Int32) {
        self.root = root
        self.folderFD = root
    }

    /// Calls `body` with the open parent folder of `path` (relative to the root) and the file's
    /// NUL-terminated name; nil without calling it when the parent cannot be opened.
    mutating func withLocation<T>(_ path: UnsafeBufferPointer<UInt8>, _ body: (Int32, UnsafePointer<CChar>) -> T) -> T?
    {
        guard path.count < name.count else { return nil }
        var slash = path.count - 1
        while slash >= 0 && path[slash] != UInt8(ascii: "/") { slash -= 1 }
        let parent = UnsafeBufferPointer(rebasing: path[0..<max(slash, 0)])
        if !sameFolder(parent) {
            close()
            folder = Array(parent)
            if !parent.isEmpty {
                copy(parent)
                folderFD = openat(root, name, FolderOpener.pathOnly | O_DIRECTORY | O_CLOEXEC)
            }
        }
        guard folderFD >= 0 else { return nil }
        copy(UnsafeBufferPointer(rebasing: path[(slash + 1)...]))
        let fd = folderFD
        return name.withUnsafeBufferPointer { body(fd, $0.baseAddress!) }
    }

    /// lstat of `path`; nil when missing, too long or not a file.
    mutating func stat(_ path: UnsafeBufferPointer<UInt8>) -> StatFingerprint? {
        withLocation(path) { StatFingerprint.at($0, $1) } ?? nil
    }

    /// Closes the folder held open (never the root).
    mutating func close() {
        if folderFD >= 0 && folderFD != root { Glibc.close(folderFD) }
        folderFD = root
        folder = []
    }

    private func sameFolder(_ parent: UnsafeBufferPointer<UInt8>) -> Bool {
        guard parent.count == folder.count else { return false }
        guard !parent.isEmpty else { return true }
        return folder.withUnsafeBytes { memcmp($0.baseAddress!, parent.baseAddress!, parent.count) == 0 }
    }

    private mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
        name.withUnsafeMutableBytes { raw in
            raw.copyMemory(from: UnsafeRawBufferPointer(bytes))
            raw[bytes.count] = 0
        }
    }
}
