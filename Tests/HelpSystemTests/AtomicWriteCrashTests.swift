import HelpTestSupport
import Testing

@testable import HelpSystem

#if canImport(Glibc)
    import Glibc
#endif

/// What a writer killed in the middle of an atomic write leaves behind: nothing with a name while
/// the bytes are written, and nothing that survives the next write into the same folder.
@Suite struct AtomicWriteCrashTests {
    let fs = FileSystem()

    @Test func theTemporaryFileHasNoNameWhileItIsWritten() throws {
        let folder = try TempDir.project(["requirements.txt": "httpx\n"])
        var seen: [String] = []
        try fs.writeAtomically(
            folder.path("requirements.txt"), Array("httpx\nrich\n".utf8), mode: nil,
            beforeRename: { seen = try fs.listDirectory(folder.path).map(\.name) })
        #expect(seen == ["requirements.txt"], "a kill at this moment would leave \(seen)")
        #expect(try fs.readText(folder.path("requirements.txt")) == "httpx\nrich\n")
    }

    @Test func aWriteRemovesWhatAKilledWriterLeftInTheFolder() throws {
        let folder = try TempDir.project(["requirements.txt": "httpx\n"])
        let dead = try Self.pidOfAnEndedProcess()
        let leftover = ".requirements.txt.help-\(dead)-a1b2c3"
        let living = ".requirements.txt.help-1-d4e5f6"
        let unrelated = ".other.help-\(dead)-a1b2c3"
        try folder.write([leftover: "A=half", living: "A=busy", unrelated: "x"])
        try fs.writeAtomically(folder.path("requirements.txt"), Array("rich\n".utf8))
        let names = Set(try fs.listDirectory(folder.path).map(\.name))
        #expect(!names.contains(leftover), "the killed writer's file is removed")
        #expect(names.contains(living), "a running writer's file is left alone")
        #expect(names.contains(unrelated), "another file's temporaries are its own writer's business")
        #expect(try fs.readText(folder.path("requirements.txt")) == "rich\n")
    }

    /// The pid of a child that has ended and been reaped, so no process has it (pids are not
    /// reused this quickly).
    static func pidOfAnEndedProcess() throws -> pid_t {
        let result = try PosixProcessRunner(environment: Environment.current().values, console: BufferConsole().console)
            .start(Command("/bin/true"))
        let pid = result.pid
        _ = result.wait()
        try #require(kill(pid, 0) != 0 && errno == ESRCH)
        return pid
    }
}

/// Files read to be edited must be UTF-8: the lossy reading would write U+FFFD over the bytes.
@Suite struct EditableTextTests {
    @Test func invalidUTF8IsRefusedNamingTheByte() throws {
        let folder = TempDir(prefix: "help-editable")
        try FileSystem().writeAtomically(folder.path(".env"), [0x41, 0x3d, 0xff, 0xfe, 0x0a])
        let error = try #require(throws: HelpError.self) { try FileSystem().readEditableText(folder.path(".env")) }
        #expect(error.message.contains("is not UTF-8 text (byte 2)"))
        #expect(error.code == .dataError)
        try FileSystem().writeAtomically(folder.path("ok"), Array("é\n".utf8))
        #expect(try FileSystem().readEditableText(folder.path("ok")) == "é\n")
    }
}
