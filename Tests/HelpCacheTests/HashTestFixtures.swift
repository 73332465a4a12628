import HelpSystem

#if canImport(Glibc)
    import Glibc
#endif

/// Deterministic pseudo-random bytes (SplitMix64), so a failing size reproduces exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Helpers shared by the hashing tests: random content, files, and the `sha256sum` oracle.
enum HashFixtures {
    static func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(state: seed)
        var bytes = [UInt8]()
        bytes.reserveCapacity(count + 8)
        while bytes.count < count {
            withUnsafeBytes(of: generator.next()) { bytes.append(contentsOf: $0) }
        }
        return Array(bytes.prefix(count))
    }

    static func write(_ bytes: [UInt8], to path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        precondition(fd >= 0, "cannot create \(path)")
        defer { close(fd) }
        var offset = 0
        bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                precondition(written > 0, "cannot write \(path)")
                offset += written
            }
        }
    }

    static let runner = PosixProcessRunner(
        environment: ["PATH": "/usr/local/bin:/usr/bin:/bin"], console: Console.standard(style: .init()))

    static var hasSha256sum: Bool { runner.locate("sha256sum") != nil }

    /// What GNU `sha256sum` prints for the files, one digest per path, in order; run in `directory`
    /// with plain relative names so no escaping is involved.
    static func sha256sum(_ names: [String], in directory: String) throws -> [String] {
        let result = try runner.run(Command("sha256sum", names, workingDirectory: directory))
        precondition(result.succeeded, "sha256sum failed: \(result.stderr)")
        return result.stdout.split(separator: "\n").map { String($0.prefix(64)) }
    }
}
