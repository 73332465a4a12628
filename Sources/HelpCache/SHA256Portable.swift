/// The SHA-256 round constants K0…K63 (FIPS 180-4, 4.2.2): the first 32 bits of the fractional
/// parts of the cube roots of the first 64 primes.
private let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
]

extension SHA256 {
    // MARK: - Portable compression

    /// The FIPS 180-4 compression function in plain Swift, for CPUs without SHA extensions.
    /// The working variables stay in locals and the rounds are unrolled eight at a time with the
    /// roles of a…h rotating, so no value is copied between rounds.
    static func compressPortable(_ state: inout State, _ data: UnsafeRawPointer, blocks: Int) {
        roundConstants.withUnsafeBufferPointer { constants in
            // w: the message schedule; kw: W+K per round, so the rounds read a single array and
            // keep one more register for the working variables.
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 128) { scratch in
                let k = constants.baseAddress!
                let w = scratch.baseAddress!
                let kw = w + 64
                var (h0, h1, h2, h3, h4, h5, h6, h7) = state
                var block = data
                for _ in 0..<blocks {
                    for i in 0..<16 {
                        let word = block.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self).bigEndian
                        w[i] = word
                        kw[i] = word &+ k[i]
                    }
                    for i in 16..<64 {
                        let x = w[i &- 15]
                        let y = w[i &- 2]
                        let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x &>> 3)
                        let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y &>> 10)
                        let word = w[i &- 16] &+ s0 &+ w[i &- 7] &+ s1
                        w[i] = word
                        kw[i] = word &+ k[i]
                    }
                    var a = h0
                    var b = h1
                    var c = h2
                    var d = h3
                    var e = h4
                    var f = h5
                    var g = h6
                    var h = h7
                    // b ^ c of the coming round is a ^ b of the one before: Maj reuses it.
                    var bc = b ^ c
                    var i = 0
                    while i < 64 {
                        round(a, b, c, &d, e, f, g, &h, &bc, kw[i])
                        round(h, a, b, &c, d, e, f, &g, &bc, kw[i &+ 1])
                        round(g, h, a, &b, c, d, e, &f, &bc, kw[i &+ 2])
                        round(f, g, h, &a, b, c, d, &e, &bc, kw[i &+ 3])
                        round(e, f, g, &h, a, b, c, &d, &bc, kw[i &+ 4])
                        round(d, e, f, &g, h, a, b, &c, &bc, kw[i &+ 5])
                        round(c, d, e, &f, g, h, a, &b, &bc, kw[i &+ 6])
                        round(b, c, d, &e, f, g, h, &a, &bc, kw[i &+ 7])
                        i &+= 8
                    }
                    h0 &+= a
                    h1 &+= b
                    h2 &+= c
                    h3 &+= d
                    h4 &+= e
                    h5 &+= f
                    h6 &+= g
                    h7 &+= h
                    block += 64
                }
                state = (h0, h1, h2, h3, h4, h5, h6, h7)
            }
        }
    }

    /// One round: `d` and `h` are the two variables a round changes; the caller rotates the names.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
        _ bc: inout UInt32, _ kw: UInt32
    ) {
        // The next round waits on e through Σ1, so Σ1 is added last, with its three rotations
        // independent of each other: measured faster than the nested form that saves two moves.
        let sigma1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
        let sigma0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
        let t1 = (h &+ kw &+ (g ^ (e & (f ^ g)))) &+ sigma1
        let ab = a ^ b
        let t2 = sigma0 &+ (b ^ (ab & bc))
        bc = ab
        d &+= t1
        h = t1 &+ t2
    }

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x &>> n) | (x &<< (32 &- n))
    }
}
