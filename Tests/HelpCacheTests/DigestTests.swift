import HelpCache
import Testing

/// The digest value: hex round trips, byte order, ordering and rejection of malformed hex.
@Suite struct DigestTests {
    static let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

    @Test("hex parses and prints back identically, upper case accepted")
    func hexRoundTrip() throws {
        let digest = try #require(Digest(hex: Self.abc))
        #expect(digest.hex == Self.abc)
        #expect(Digest(hex: Self.abc.uppercased()) == digest)
        #expect(digest == SHA256.hash("abc"))
        #expect("\(digest)" == Self.abc)
    }

    @Test(
        "malformed hex is rejected",
        arguments: [
            "", "00", String(repeating: "0", count: 63), String(repeating: "0", count: 65),
            String(repeating: "g", count: 64), " " + String(repeating: "0", count: 63),
        ])
    func malformedHex(text: String) {
        #expect(Digest(hex: text) == nil)
    }

    @Test("bytes come most significant first and round-trip")
    func bytesOrder() throws {
        let digest = SHA256.hash("abc")
        #expect(digest.bytes.count == 32)
        #expect(digest.bytes.prefix(4) == [0xba, 0x78, 0x16, 0xbf])
        #expect(Digest(bytes: digest.bytes) == digest)
        #expect(Digest(bytes: [UInt8](repeating: 0, count: 31)) == nil)
    }

    @Test("ordering follows the hex text")
    func ordering() throws {
        let digests = (0..<50).map { SHA256.hash("item \($0)") }
        #expect(digests.sorted().map(\.hex) == digests.map(\.hex).sorted())
        #expect(Digest.zero < SHA256.hash(""))
        #expect(Digest.zero.hex == String(repeating: "0", count: 64))
    }

    @Test("equal digests hash equally and distinct ones are distinct in a set")
    func hashable() {
        let set: Set<Digest> = [SHA256.hash("a"), SHA256.hash("a"), SHA256.hash("b")]
        #expect(set.count == 2)
    }
}
