/// What every fuzz target does with libFuzzer's bytes: the raw bytes for binary formats, and the
/// same bytes decoded as UTF-8 (invalid sequences replaced, as `FileSystem.readText` would refuse
/// them earlier) for text formats.
public enum FuzzInput {
    /// The bytes libFuzzer hands over.
    public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The bytes as text.
    public static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }

    /// Stops the run with a message libFuzzer records as a crash, for a broken invariant.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError(message()) }
    }
}
