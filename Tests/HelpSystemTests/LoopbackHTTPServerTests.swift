import HelpSystem
import HelpTestSupport
import Testing

/// The test file server itself: later download, mirror and installer tests rely on each fault.
@Suite(
    "Loopback HTTP server", .enabled(if: ToolLookup(environment: Environment.current().values).locate("curl") != nil))
struct LoopbackHTTPServerTests {
    let runner = PosixProcessRunner(environment: Environment.current().values, console: BufferConsole().console)

    func curl(_ arguments: [String]) throws -> ProcessResult {
        try runner.run(Command("curl", ["-sS", "--max-time", "5"] + arguments))
    }

    @Test func servesFilesAndRangesAndRecordsRequests() throws {
        let server = try LoopbackHTTPServer()
        let url = try server.put("pkg/file.bin", Array("0123456789".utf8))
        #expect(try curl([url]).stdout == "0123456789")
        #expect(try curl(["-r", "4-", url]).stdout == "456789")
        #expect(try curl(["-o", "/dev/null", "-w", "%{http_code}", server.url("missing")]).stdout == "404")
        let requests = server.requests()
        #expect(requests.map(\.path) == ["/pkg/file.bin", "/pkg/file.bin", "/missing"])
        #expect(requests[1].range == "bytes=4-")
        #expect(server.baseURL.hasPrefix("http://127.0.0.1:"))
    }

    @Test func faultsStallResetTamperAndFail() throws {
        let server = try LoopbackHTTPServer()
        let body = Array(repeating: UInt8(ascii: "a"), count: 4096)
        let url = try server.put("f", body)
        try server.tamper("f")
        #expect(try curl([url]).stdout.utf8.count == 4096)
        #expect(try curl([url]).stdout != String(decoding: body, as: UTF8.self))
        try server.clearFaults()
        try server.fail("f", status: 503)
        #expect(try curl(["-o", "/dev/null", "-w", "%{http_code}", url]).stdout == "503")
        try server.clearFaults()
        try server.reset("f")
        #expect(try curl([url]).exitCode != 0)
        try server.clearFaults()
        try server.stall("f")
        let stalled = try runner.run(Command("curl", ["-sS", "--max-time", "1", url]))
        #expect(stalled.exitCode == 28)
    }
}
