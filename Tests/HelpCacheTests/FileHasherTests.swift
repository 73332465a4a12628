import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpCache

#if canImport(Glibc)
    import Glibc
#endif

/// File hashing against `sha256sum`, buffer sizing, and errors that name the file.
@Suite struct FileHasherTests {
    static let sizes = [0, 1, 63, 64, 65, 4096, (1 << 20) + 7, 3 * (1 << 20) + 5]

    @Test("file digests equal sha256sum's on every implementation", .enabled(if: HashFixtures.hasSha256sum))
    func matchesTool() throws {
        let dir = TempDir()
        let names = Self.sizes.map { "file-\($0)" }
        for (index, size) in Self.sizes.enumerated() {
            HashFixtures.write(
                HashFixtures.randomBytes(size, seed: 10 + UInt64(index)), to: "\(dir.path)/\(names[index])")
        }
        let expected = try HashFixtures.sha256sum(names, in: dir.path)
        for implementation in SHA256.Implementation.allCases where implementation.isAvailable {
            for (index, name) in names.enumerated() {
                let digest = try FileHasher.hash(path: "\(dir.path)/\(name)", implementation: implementation)
                #expect(digest.hex == expected[index], "\(implementation) \(name)")
            }
        }
    }

    @Test("the descriptor variant hashes what is left and leaves the descriptor open")
    func descriptorVariant() throws {
        let dir = TempDir()
        let path = "\(dir.path)/data"
        let bytes = HashFixtures.randomBytes(70_000, seed: 4)
        HashFixtures.write(bytes, to: path)
        let fd = open(path, O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        #expect(try FileHasher.hash(fileDescriptor: fd, size: bytes.count, path: path) == SHA256.hash(bytes))
        #expect(lseek(fd, 0, SEEK_CUR) == off_t(bytes.count))
        #expect(lseek(fd, 0, SEEK_SET) == 0)
        // A wrong size only changes the buffer, never the result.
        #expect(try FileHasher.hash(fileDescriptor: fd, size: 10, path: path) == SHA256.hash(bytes))
    }

    @Test("a missing file is an I/O error naming the path")
    func missingFile() {
        let path = "/nonexistent/help-hash-test"
        #expect {
            try FileHasher.hash(path: path)
        } throws: { error in
            guard let error = error as? HelpError else { return false }
            return error.code == .ioError && error.message.contains(path)
        }
    }

    @Test("a directory is an I/O error, not an empty digest")
    func directory() {
        let dir = TempDir()
        #expect(throws: HelpError.self) { try FileHasher.hash(path: dir.path) }
    }

    @Test("buffers fit small files and stop at the chunk size")
    func bufferSizes() {
        #expect(FileHasher.bufferSize(for: 0) == 4096)
        #expect(FileHasher.bufferSize(for: 4095) == 4096)
        #expect(FileHasher.bufferSize(for: 4096) == 8192)
        #expect(FileHasher.bufferSize(for: 10 << 20) == FileHasher.chunkSize)
        #expect(FileHasher.bufferSize(for: nil) == FileHasher.chunkSize)
    }
}
