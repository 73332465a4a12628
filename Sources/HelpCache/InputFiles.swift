/// One input of a cache key: a file's path relative to its component folder, and its digest.
public struct InputFile: Sendable, Hashable, CustomStringConvertible {
    public var relativePath: String
    public var digest: Digest

    /// A file at `relativePath` with content digest `digest`.
    public init(relativePath: String, digest: Digest) {
        self.relativePath = relativePath
        self.digest = digest
    }

    public var description: String { "\(relativePath) \(digest.hex)" }
}

/// A component's input files in byte order of their paths, stored compactly (one path buffer, one
/// digest array) so a 100k-file component is cheap to scan, key and compare. Reads as a
/// collection of `InputFile`.
public struct InputFiles: Sendable, Equatable, RandomAccessCollection {
    public private(set) var paths: PathList
    public private(set) var digests: [Digest]

    /// From a sorted path list and the digest of each path.
    public init(paths: PathList, digests: [Digest]) {
        precondition(paths.count == digests.count)
        self.paths = paths
        self.digests = digests
    }

    /// From loose files in any order (sorted here; a path given twice is kept once).
    public init<S: Sequence>(_ files: S) where S.Element == InputFile {
        let loose = Array(files)
        let list = PathList(loose.map(\.relativePath))
        var order = list.sortedOrder()
        var unique: [Int] = []
        for index in order {
            if let last = unique.last, list.compare(last, index) == 0 {
                unique[unique.count - 1] = index
            } else {
                unique.append(index)
            }
        }
        order = unique
        self.init(paths: list.selecting(order), digests: order.map { loose[$0].digest })
    }

    // MARK: - Collection

    public var startIndex: Int { 0 }
    public var endIndex: Int { digests.count }

    /// The file at `position` (allocates its path string).
    public subscript(position: Int) -> InputFile {
        InputFile(relativePath: paths.path(position), digest: digests[position])
    }

    /// The paths as strings (allocates one string per file; for reports, not hot paths).
    public var relativePaths: [String] { (0..<count).map(paths.path) }
}
