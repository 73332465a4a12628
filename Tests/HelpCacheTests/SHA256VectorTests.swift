import HelpCache
import Testing

/// The FIPS 180-4 / NIST example messages, on every implementation this machine can run.
@Suite struct SHA256VectorTests {
    static let implementations = SHA256.Implementation.allCases.filter(\.isAvailable)

    static let vectors: [(message: String, hex: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ]

    @Test("NIST example messages hash to their published digests", arguments: implementations)
    func nistMessages(implementation: SHA256.Implementation) {
        for vector in Self.vectors {
            var hasher = SHA256(implementation: implementation)
            hasher.update(vector.message)
            #expect(hasher.finalize().hex == vector.hex, "\(vector.message.prefix(8))…")
        }
    }

    @Test("one million 'a' hashes to the NIST digest", arguments: implementations)
    func millionA(implementation: SHA256.Implementation) {
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        var hasher = SHA256(implementation: implementation)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(hasher.finalize().hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("the one-shot helpers agree with the streaming hasher")
    func oneShot() {
        #expect(SHA256.hash("abc").hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hash([UInt8]("abc".utf8)) == SHA256.hash("abc"))
        #expect(SHA256.hash([]) == SHA256.hash(""))
    }

    @Test("finalize leaves the hasher usable for more bytes")
    func finalizeDoesNotConsume() {
        var hasher = SHA256()
        hasher.update("ab")
        #expect(hasher.finalize() == SHA256.hash("ab"))
        hasher.update("c")
        #expect(hasher.finalize() == SHA256.hash("abc"))
    }
}
