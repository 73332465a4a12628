/// Cuts a byte stream into text lines as chunks arrive, the way a terminal would show them: a
/// line ends at `\n`, a trailing `\r` is dropped, and a line redrawn with `\r` (progress bars)
/// keeps only its last state. Overlong lines are cut so a stream without newlines cannot grow
/// without bound.
struct LineSplitter {
    static let maximumLineBytes = 64 * 1024
    private var pending: [UInt8] = []

    /// Feeds a chunk and returns the lines it completed.
    mutating func feed(_ chunk: UnsafeRawBufferPointer) -> [String] {
        var lines: [String] = []
        var start = 0
        for index in 0..<chunk.count where chunk[index] == UInt8(ascii: "\n") {
            pending.append(contentsOf: chunk[start..<index])
            lines.append(Self.render(pending))
            pending.removeAll(keepingCapacity: true)
            start = index + 1
        }
        pending.append(contentsOf: chunk[start..<chunk.count])
        while pending.count > Self.maximumLineBytes {
            lines.append(Self.render(Array(pending.prefix(Self.maximumLineBytes))))
            pending.removeFirst(Self.maximumLineBytes)
        }
        return lines
    }

    /// The unterminated last line, if any, at end of stream.
    mutating func finish() -> String? {
        guard !pending.isEmpty else { return nil }
        defer { pending.removeAll() }
        return Self.render(pending)
    }

    private static func render(_ bytes: [UInt8]) -> String {
        var end = bytes.count
        if end > 0 && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        var start = 0
        if let lastReturn = bytes[..<end].lastIndex(of: UInt8(ascii: "\r")) { start = lastReturn + 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// The last `capacity` lines of a stream, kept for the result of a streamed command.
struct LineTail {
    let capacity: Int
    private var lines: [String] = []
    private var next = 0

    init(capacity: Int) { self.capacity = max(1, capacity) }

    mutating func append(_ line: String) {
        if lines.count < capacity {
            lines.append(line)
        } else {
            lines[next] = line
            next = (next + 1) % capacity
        }
    }

    /// The kept lines in order, each ending with a newline.
    var text: String {
        let ordered = lines.count < capacity ? lines : Array(lines[next...] + lines[..<next])
        return ordered.map { $0 + "\n" }.joined()
    }
}
