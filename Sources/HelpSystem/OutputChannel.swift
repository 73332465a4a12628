#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Our end of one of a child's output pipes and what becomes of its bytes: collected whole
/// (`.capture`), or cut into lines that are shown with a prefix as they arrive and kept as a tail
/// (`.stream`). Used only by the pump thread of its child.
final class OutputChannel {
    /// Which of the two output streams.
    enum Kind: String { case stdout, stderr }

    let kind: Kind
    private(set) var fd: Int32
    private let streaming: Bool
    private let onLine: (String) -> Void
    private var captured: [UInt8] = []
    private var splitter = LineSplitter()
    private var tail: LineTail
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 8)

    /// `onLine` is called for each complete line in streaming mode only.
    init(kind: Kind, fd: Int32, streaming: Bool, tailLines: Int, onLine: @escaping (String) -> Void) {
        self.kind = kind
        self.fd = fd
        self.streaming = streaming
        self.onLine = onLine
        self.tail = LineTail(capacity: tailLines)
    }

    deinit {
        closeDescriptor(fd)
        buffer.deallocate()
    }

    var isOpen: Bool { fd >= 0 }

    /// Reads everything available without blocking. Returns the number of bytes read; closes the
    /// descriptor at end of file or on a read error.
    @discardableResult
    func drain() -> Int {
        guard isOpen else { return 0 }
        var total = 0
        while true {
            let count = read(fd, buffer.baseAddress, buffer.count)
            if count > 0 {
                total += count
                accept(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
                continue
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return total }
            close()
            return total
        }
    }

    /// Stops reading (end of file, or the child is gone and we no longer wait for stragglers).
    func close() {
        guard isOpen else { return }
        closeDescriptor(fd)
        fd = -1
        if streaming, let last = splitter.finish() { deliver(last) }
    }

    /// Everything collected (capture) or the last lines (stream).
    var text: String {
        streaming ? tail.text : String(decoding: captured, as: UTF8.self)
    }

    private func accept(_ bytes: UnsafeRawBufferPointer) {
        if streaming {
            for line in splitter.feed(bytes) { deliver(line) }
        } else {
            captured.append(contentsOf: bytes)
        }
    }

    private func deliver(_ line: String) {
        tail.append(line)
        onLine(line)
    }
}
