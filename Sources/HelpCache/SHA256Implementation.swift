import CHelpSHA

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SHA256 {
    /// Which compression function runs: the x86 SHA extensions, or portable Swift.
    public enum Implementation: String, Sendable, CaseIterable {
        case swift
        case ni

        /// The one chosen for this process: `HELP_SHA256_IMPL=swift|ni` when set (tests and
        /// benchmarks compare the two), otherwise SHA-NI when the CPU has it.
        public static let preferred: Implementation = {
            if let forced = getenv("HELP_SHA256_IMPL"), let choice = Implementation(rawValue: String(cString: forced)) {
                return choice.isAvailable ? choice : .swift
            }
            return Implementation.ni.isAvailable ? .ni : .swift
        }()

        private static let niAvailable = help_sha_ni_available() != 0

        /// Whether this machine can run it.
        public var isAvailable: Bool {
            switch self {
            case .swift: return true
            case .ni: return Implementation.niAvailable
            }
        }

        /// Runs `blocks` 64-byte blocks at `data` through the compression function.
        func compress(_ state: inout State, _ data: UnsafeRawPointer, blocks: Int) {
            switch self {
            case .swift:
                SHA256.compressPortable(&state, data, blocks: blocks)
            case .ni:
                withUnsafeMutableBytes(of: &state) { words in
                    help_sha256_ni_blocks(
                        words.baseAddress!.assumingMemoryBound(to: UInt32.self),
                        data.assumingMemoryBound(to: UInt8.self), blocks)
                }
            }
        }
    }
}
