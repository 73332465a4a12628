#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one "write all bytes" loop: whole buffers to a file descriptor, retrying short writes and
/// EINTR. Files, logs, the terminal and the cache all write through it.
public enum FileDescriptorWriter {
    /// Writes all of `bytes`; false when the descriptor refused (errno says why).
    @discardableResult
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    /// Writes all of `text`; gives up silently on a closed or broken descriptor.
    public static func write(_ fd: Int32, _ text: String) {
        writeAll(fd, Array(text.utf8))
    }
}
