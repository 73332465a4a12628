import HelpCache
import Testing

/// HMAC-SHA-256 against the RFC 4231 test cases (case 5, a truncated output, does not apply).
@Suite struct HMACTests {
    static let cases: [(name: String, key: [UInt8], message: [UInt8], hex: String)] = [
        (
            "1", [UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        ),
        (
            "2", Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        ),
        (
            "3", [UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
        ),
        (
            "4", Array(1...25), [UInt8](repeating: 0xcd, count: 50),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
        ),
        (
            "6", [UInt8](repeating: 0xaa, count: 131),
            Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        ),
        (
            "7", [UInt8](repeating: 0xaa, count: 131),
            Array(
                ("This is a test using a larger than block-size key and a larger than block-size data. "
                    + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        ),
    ]

    @Test("RFC 4231 cases 1-4, 6 and 7 produce the published MACs")
    func rfc4231() {
        for testCase in Self.cases {
            #expect(
                HMAC.sha256(key: testCase.key, message: testCase.message).hex == testCase.hex, "case \(testCase.name)")
        }
    }

    @Test("the string form MACs the UTF-8 bytes")
    func stringMessage() {
        let key = Array("Jefe".utf8)
        #expect(
            HMAC.sha256(key: key, message: "what do ya want for nothing?")
                == HMAC.sha256(key: key, message: Array("what do ya want for nothing?".utf8)))
    }

    @Test("a key of exactly one block is used as is, not hashed")
    func blockSizedKey() {
        let key = [UInt8](repeating: 0x42, count: 64)
        #expect(
            HMAC.sha256(key: key, message: [1, 2, 3]) != HMAC.sha256(key: SHA256.hash(key).bytes, message: [1, 2, 3]))
    }
}
