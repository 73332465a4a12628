/// Streaming SHA-256 (FIPS 180-4): feed bytes with `update`, read the digest with `finalize`.
/// Whole blocks go straight from the caller's memory to the compression function; only a partial
/// block is copied, into inline storage, so hashing allocates nothing.
public struct SHA256: Sendable {
    /// The eight 32-bit chaining words H0…H7, contiguous so the C kernel can take a pointer.
    typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
    /// One 64-byte block of inline storage for bytes that do not yet fill a block.
    typealias Block = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    static let initialState: State = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
        0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )

    private var state: State = SHA256.initialState
    private var pending: Block = (0, 0, 0, 0, 0, 0, 0, 0)
    private var pendingCount = 0
    private var length: UInt64 = 0
    /// The compression function this hasher uses (SHA-NI or portable Swift).
    public let implementation: Implementation

    /// A hasher using the fastest implementation this machine has (or `HELP_SHA256_IMPL`).
    public init() {
        implementation = .preferred
    }

    /// A hasher forced onto one implementation; `.ni` falls back to `.swift` where unsupported.
    public init(implementation: Implementation) {
        self.implementation = implementation.isAvailable ? implementation : .swift
    }

    // MARK: - Feeding bytes

    /// Adds the bytes to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var base = bytes.baseAddress, !bytes.isEmpty else { return }
        var remaining = bytes.count
        length &+= UInt64(remaining)
        if pendingCount > 0 {
            let take = min(64 - pendingCount, remaining)
            let offset = pendingCount
            withUnsafeMutableBytes(of: &pending) { block in
                (block.baseAddress! + offset).copyMemory(from: base, byteCount: take)
            }
            pendingCount += take
            base += take
            remaining -= take
            guard pendingCount == 64 else { return }
            var block = pending
            withUnsafeBytes(of: &block) { compress($0.baseAddress!, blocks: 1) }
            pendingCount = 0
        }
        let whole = remaining / 64
        if whole > 0 {
            compress(base, blocks: whole)
            base += whole * 64
            remaining -= whole * 64
        }
        if remaining > 0 {
            let source = base
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress!.copyMemory(from: source, byteCount: remaining)
            }
            pendingCount = remaining
        }
    }

    /// Adds the bytes to the message.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Adds the UTF-8 bytes of the string to the message.
    public mutating func update(_ string: String) {
        var text = string
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    // MARK: - Result

    /// The digest of everything fed so far; the hasher itself is left untouched, so it can go on.
    public func finalize() -> Digest {
        var copy = self
        return copy.pad()
    }

    private mutating func pad() -> Digest {
        let bitLength = length &* 8
        var tail: (Block, Block) = ((0, 0, 0, 0, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0, 0, 0))
        let count = pendingCount
        let total = count < 56 ? 64 : 128
        withUnsafeMutableBytes(of: &tail) { bytes in
            withUnsafeBytes(of: &pending) { bytes.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            bytes[count] = 0x80
            bytes.storeBytes(of: bitLength.bigEndian, toByteOffset: total - 8, as: UInt64.self)
        }
        withUnsafeBytes(of: &tail) { compress($0.baseAddress!, blocks: total / 64) }
        let s = state
        return Digest(
            w0: UInt64(s.0) << 32 | UInt64(s.1), w1: UInt64(s.2) << 32 | UInt64(s.3),
            w2: UInt64(s.4) << 32 | UInt64(s.5), w3: UInt64(s.6) << 32 | UInt64(s.7))
    }

    private mutating func compress(_ data: UnsafeRawPointer, blocks: Int) {
        implementation.compress(&state, data, blocks: blocks)
    }

    // MARK: - One-shot

    /// The digest of the bytes.
    public static func hash(_ bytes: [UInt8]) -> Digest {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of the bytes.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> Digest {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of the string's UTF-8 bytes.
    public static func hash(_ string: String) -> Digest {
        var hasher = SHA256()
        hasher.update(string)
        return hasher.finalize()
    }
}
