/// A list of relative paths held in one byte buffer (no string per path), sortable in byte order
/// (git's index order). The file listing, the stat cache and input manifests all keep their paths
/// this way so 100k files cost two allocations instead of 100k.
public struct PathList: Sendable, Equatable {
    /// The UTF-8 bytes of all paths, back to back.
    public private(set) var bytes: [UInt8] = []
    /// The end offset of each path in `bytes`; path `i` starts where path `i - 1` ends.
    public private(set) var ends: [Int] = []

    /// An empty list.
    public init() {}

    /// Adopts a buffer and its end offsets as they are (the caller checked them).
    init(bytes: [UInt8], ends: [Int]) {
        self.bytes = bytes
        self.ends = ends
    }

    /// The paths in the order given.
    public init<S: Sequence>(_ paths: S) where S.Element == String {
        for path in paths { append(path) }
    }

    public var count: Int { ends.count }

    /// Where path `index` lies in `bytes`.
    public func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// Path `index` as a string (allocates).
    public func path(_ index: Int) -> String {
        String(decoding: bytes[range(index)], as: UTF8.self)
    }

    /// Runs `body` on the UTF-8 bytes of path `index` without copying.
    public func withPath<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let r = range(index)
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[r])) }
    }

    // MARK: - Building

    /// Adds a path at the end.
    public mutating func append(_ path: String) {
        bytes.append(contentsOf: path.utf8)
        ends.append(bytes.count)
    }

    /// Adds a path given as UTF-8 bytes at the end.
    public mutating func append(_ path: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: path)
        ends.append(bytes.count)
    }

    /// Appends `prefix + "/" + name` (just `name` when the prefix is empty).
    public mutating func append(prefix: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>) {
        if !prefix.isEmpty {
            bytes.append(contentsOf: prefix)
            bytes.append(UInt8(ascii: "/"))
        }
        bytes.append(contentsOf: name)
        ends.append(bytes.count)
    }

    /// Appends unless the path equals the last one (for building lists without duplicates).
    public mutating func appendIfNew(_ path: UnsafeBufferPointer<UInt8>) {
        if count > 0 {
            let last = range(count - 1)
            let same = bytes.withUnsafeBytes { raw in
                PathList.compare(UnsafeRawBufferPointer(rebasing: raw[last]), UnsafeRawBufferPointer(path)) == 0
            }
            if same { return }
        }
        append(path)
    }

    /// Reserves room for `pathCount` paths of `byteCount` bytes in all.
    public mutating func reserve(bytes byteCount: Int, paths pathCount: Int) {
        bytes.reserveCapacity(byteCount)
        ends.reserveCapacity(pathCount)
    }

    /// Splits NUL-terminated records (git's `-z` output), skipping empty ones.
    public static func splittingNUL(_ data: [UInt8]) -> PathList {
        var list = PathList()
        list.bytes.reserveCapacity(data.count)
        list.ends.reserveCapacity(data.count / 24)
        for byte in data {
            if byte == 0 {
                if list.bytes.count > (list.ends.last ?? 0) { list.ends.append(list.bytes.count) }
            } else {
                list.bytes.append(byte)
            }
        }
        if list.bytes.count > (list.ends.last ?? 0) { list.ends.append(list.bytes.count) }
        return list
    }

    // MARK: - Order

    /// Byte-order comparison of two paths, by index.
    public func compare(_ a: Int, _ b: Int) -> Int32 {
        let ra = range(a)
        let rb = range(b)
        return bytes.withUnsafeBytes { raw in
            PathList.compare(UnsafeRawBufferPointer(rebasing: raw[ra]), UnsafeRawBufferPointer(rebasing: raw[rb]))
        }
    }

    /// Byte-order comparison of a path in one list with a path in another.
    public static func compare(_ a: PathList, _ i: Int, _ b: PathList, _ j: Int) -> Int32 {
        let ra = a.range(i)
        let rb = b.range(j)
        return a.bytes.withUnsafeBytes { rawA in
            b.bytes.withUnsafeBytes { rawB in
                compare(UnsafeRawBufferPointer(rebasing: rawA[ra]), UnsafeRawBufferPointer(rebasing: rawB[rb]))
            }
        }
    }

    /// The same for two byte buffers.
    public static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int32 {
        compare(UnsafeRawBufferPointer(a), UnsafeRawBufferPointer(b))
    }

    /// memcmp order, shorter first on a common prefix.
    public static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int32 {
        let common = min(a.count, b.count)
        if common > 0 {
            let c = memcmpBytes(a.baseAddress!, b.baseAddress!, common)
            if c != 0 { return c }
        }
        return a.count < b.count ? -1 : (a.count > b.count ? 1 : 0)
    }

    /// The permutation that sorts this list (duplicates kept); the identity when already sorted,
    /// which git output usually is, so the common case costs one linear pass.
    public func sortedOrder() -> [Int] {
        var sorted = true
        var i = 1
        while i < count {
            if compare(i - 1, i) > 0 {
                sorted = false
                break
            }
            i += 1
        }
        var order = Array(0..<count)
        if !sorted { order.sort { compare($0, $1) < 0 } }
        return order
    }

    /// A new list holding the paths at `indices`, in that order.
    public func selecting(_ indices: [Int]) -> PathList {
        if indices.count == count && indices.elementsEqual(0..<count) { return self }
        var out = PathList()
        out.bytes.reserveCapacity(bytes.count)
        out.ends.reserveCapacity(indices.count)
        bytes.withUnsafeBufferPointer { all in
            for index in indices {
                out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: all[range(index)]))
                out.ends.append(out.bytes.count)
            }
        }
        return out
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@inline(__always)
private func memcmpBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ n: Int) -> Int32 { memcmp(a, b, n) }
