#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one source of randomness: the kernel's (getrandom(2), /dev/urandom where the call is
/// missing). Secrets, salts and unique temporary names all come from here.
public enum SystemRandom {
    private typealias GetRandom = @convention(c) (UnsafeMutableRawPointer?, Int, UInt32) -> Int

    /// getrandom(2) is declared only under _GNU_SOURCE-era headers Swift does not import, so it
    /// is looked up by name once.
    private static let getrandom: GetRandom? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "getrandom") else { return nil }
        return unsafeBitCast(symbol, to: GetRandom.self)
    }()

    /// `count` bytes from getrandom(2) (blocking only until the pool is first seeded at boot),
    /// or from /dev/urandom when the call is unavailable.
    public static func bytes(_ count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        if let getrandom {
            while filled < count {
                let got = bytes.withUnsafeMutableBytes { buffer in
                    getrandom(buffer.baseAddress.map { $0 + filled }, count - filled, 0)
                }
                if got > 0 {
                    filled += got
                    continue
                }
                if got < 0 && errno == EINTR { continue }
                break
            }
            if filled == count { return bytes }
        }
        let fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw HelpError.io("cannot read random bytes: getrandom and /dev/urandom both failed") }
        defer { close(fd) }
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress.map { $0 + filled }, count - filled)
            }
            if got > 0 {
                filled += got
                continue
            }
            if got < 0 && errno == EINTR { continue }
            throw HelpError.io("cannot read random bytes from /dev/urandom")
        }
        return bytes
    }

    /// `count` random bytes as lowercase hex, for unique file names. A kernel that cannot give
    /// random bytes is a broken system, not a case to recover from.
    public static func hex(bytes count: Int) -> String {
        guard let random = try? bytes(count) else { preconditionFailure("the kernel gave no random bytes") }
        let digits = Array("0123456789abcdef")
        return String(random.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }
}
