import HelpCache
import HelpTestSupport
import Testing

/// Padding and block edges: every length that lands before, on and after a block boundary.
@Suite struct SHA256BoundaryTests {
    static let implementations = SHA256.Implementation.allCases.filter(\.isAvailable)

    @Test("lengths 0 through 200 match sha256sum", .enabled(if: HashFixtures.hasSha256sum))
    func lengthsMatchTool() throws {
        let dir = TempDir()
        let data = HashFixtures.randomBytes(200, seed: 1)
        let names = (0...200).map { "len\($0)" }
        for (length, name) in names.enumerated() {
            HashFixtures.write(Array(data.prefix(length)), to: "\(dir.path)/\(name)")
        }
        let expected = try HashFixtures.sha256sum(names, in: dir.path)
        try #require(expected.count == 201)
        for implementation in Self.implementations {
            for length in 0...200 {
                var hasher = SHA256(implementation: implementation)
                hasher.update(Array(data.prefix(length)))
                #expect(hasher.finalize().hex == expected[length], "\(implementation) length \(length)")
            }
        }
    }

    @Test("streaming in odd chunk splits equals one-shot", arguments: implementations)
    func chunkSplits(implementation: SHA256.Implementation) {
        let data = HashFixtures.randomBytes(1000, seed: 2)
        let whole = SHA256.hash(data)
        for chunk in [1, 3, 7, 55, 56, 63, 64, 65, 127, 129, 333] {
            var hasher = SHA256(implementation: implementation)
            var start = 0
            while start < data.count {
                let end = min(start + chunk, data.count)
                hasher.update(Array(data[start..<end]))
                start = end
            }
            #expect(hasher.finalize() == whole, "chunk \(chunk)")
        }
    }

    @Test("lengths around 55, 56 and 64 survive any split point", arguments: implementations)
    func splitAroundPaddingEdges(implementation: SHA256.Implementation) {
        let data = HashFixtures.randomBytes(130, seed: 3)
        for length in [54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129] {
            let message = Array(data.prefix(length))
            let whole = SHA256.hash(message)
            for split in 0...length {
                var hasher = SHA256(implementation: implementation)
                hasher.update(Array(message[..<split]))
                hasher.update(Array(message[split...]))
                #expect(hasher.finalize() == whole, "length \(length) split \(split)")
            }
        }
    }

    @Test(
        "SHA-NI and portable Swift agree on random data of many sizes",
        .enabled(if: SHA256.Implementation.ni.isAvailable))
    func implementationsAgree() {
        let sizes = [0, 1, 31, 32, 55, 56, 64, 100, 511, 512, 4095, 4096, 65_537, 1_000_003]
        for (index, size) in sizes.enumerated() {
            let data = HashFixtures.randomBytes(size, seed: 100 + UInt64(index))
            var swift = SHA256(implementation: .swift)
            var ni = SHA256(implementation: .ni)
            swift.update(data)
            ni.update(data)
            #expect(swift.finalize() == ni.finalize(), "size \(size)")
        }
    }

    @Test("a forced implementation is the one used")
    func forcedImplementation() {
        #expect(SHA256(implementation: .swift).implementation == .swift)
        let ni = SHA256(implementation: .ni).implementation
        #expect(ni == (SHA256.Implementation.ni.isAvailable ? .ni : .swift))
    }
}
