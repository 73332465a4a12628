import HelpCache
import HelpProvision
import HelpSystem
import HelpTestSupport
import Testing

/// Downloads with the real curl against a loopback server: verified, cached by content, resumed,
/// bounded when the server stalls, refused when tampered, served by a mirror.
@Suite(
    "Downloader", .enabled(if: ToolLookup(environment: Environment.current().values).locate("curl") != nil))
struct DownloaderTests {
    let home = TempDir(prefix: "help-download")
    let body = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }

    func downloader(
        mirror: DownloadMirror? = nil, attempts: Int = 3, initial: Double = 0.05, lowSpeedSeconds: Int = 2
    ) -> Downloader {
        var environment = Environment.current().values
        environment["XDG_CACHE_HOME"] = home.path("cache")
        let context = Context(
            runner: PosixProcessRunner(environment: environment, console: BufferConsole().console),
            environment: environment, console: BufferConsole().console, workingDirectory: home.path)
        return Downloader.verifying(
            context: context, mirror: mirror, backoff: Backoff(attempts: attempts, initial: initial),
            timeouts: DownloadTimeouts(connect: 2, lowSpeedBytes: 1, lowSpeedSeconds: lowSpeedSeconds))
    }

    var sha: String { SHA256.hash(body).hex }

    @Test func aVerifiedFileIsCachedByContentAndReusedWithoutTheNetwork() throws {
        let server = try LoopbackHTTPServer()
        let url = try server.put("dist/tool.sh", body)
        let first = try downloader().fetch(DownloadRequest(url: url, sha256: sha))
        #expect(!first.reused && first.bytes == Int64(body.count))
        #expect(first.path == home.path("cache/help/downloads/\(sha)/tool.sh"))
        #expect(try FileSystem().readFile(first.path) == body)
        let second = try downloader().fetch(DownloadRequest(url: url, sha256: sha))
        #expect(second.reused && second.path == first.path)
        #expect(server.requests().count == 1)
    }

    @Test func aTamperedFileIsRefusedWithExit65AndDeleted() throws {
        let server = try LoopbackHTTPServer()
        let url = try server.put("tool.sh", body)
        try server.tamper("tool.sh")
        let error = try #require(throws: HelpError.self) {
            try downloader().fetch(DownloadRequest(url: url, sha256: sha))
        }
        #expect(error.code == .dataError && error.message.contains("checksum mismatch"))
        let folder = home.path("cache/help/downloads/\(sha)")
        #expect(((try? FileSystem().listDirectory(folder)) ?? []).isEmpty)
    }

    @Test func aResetIsRetriedAndContinuedWithARange() throws {
        let server = try LoopbackHTTPServer()
        let url = try server.put("big.bin", body)
        try server.reset("big.bin")
        // The first attempt gets half and a reset; the fault is lifted before the retry.
        let fetcher = downloader(attempts: 4, initial: 0.6)
        let result = Mutex()
        nonisolated(unsafe) var fetched: DownloadedFile?
        WorkerThreads.run(2) { index in
            if index == 0 {
                let file = try? fetcher.fetch(DownloadRequest(url: url, sha256: sha))
                result.withLock { fetched = file }
            } else {
                MonotonicTime.sleep(seconds: 0.3)
                try? server.clearFaults()
            }
        }
        #expect(result.withLock { fetched.map { !$0.reused } } == true)
        let ranges = server.requests().compactMap(\.range)
        #expect(ranges.contains { $0.hasPrefix("bytes=") && $0 != "bytes=0-" }, "continued, not restarted: \(ranges)")
    }

    @Test func aStallingServerIsCutByTheLowSpeedLimitAndReportedAsTemporary() throws {
        let server = try LoopbackHTTPServer()
        let url = try server.put("stall.bin", body)
        try server.stall("stall.bin")
        let started = MonotonicTime.now()
        let error = try #require(throws: HelpError.self) {
            try downloader(attempts: 2, lowSpeedSeconds: 1).fetch(DownloadRequest(url: url, sha256: sha))
        }
        #expect(error.code == .tempFailure)
        #expect(MonotonicTime.now().seconds(since: started) < 30)
    }

    @Test func aMissingFileIsUnavailableAndNotRetried() throws {
        let server = try LoopbackHTTPServer()
        let error = try #require(throws: HelpError.self) {
            try downloader().fetch(DownloadRequest(url: server.url("nope.sh"), sha256: sha))
        }
        #expect(error.code == .unavailable)
        #expect(server.requests().count == 1)
    }

    @Test func aMirrorServesEveryHostBelowItsBase() throws {
        let server = try LoopbackHTTPServer()
        try server.put("mirror/pkgs.example.com/stable/install.sh", body)
        let mirror = try DownloadMirror(server.url("mirror/"))
        #expect(
            mirror.rewrite("https://pkgs.example.com/stable/install.sh")
                == server.url("mirror/pkgs.example.com/stable/install.sh"))
        let file = try downloader(mirror: mirror).fetch(
            DownloadRequest(url: "https://pkgs.example.com/stable/install.sh", sha256: sha))
        #expect(file.source.hasPrefix(server.baseURL))
        #expect(throws: HelpError.self) { try DownloadMirror("ftp://x") }
    }

    @Test func aRequestWithoutAValidPinIsRefusedBeforeAnyTransfer() throws {
        let server = try LoopbackHTTPServer()
        let url = try server.put("tool.sh", body)
        #expect(throws: HelpError.self) { try downloader().fetch(DownloadRequest(url: url, sha256: "abc")) }
        #expect(server.requests().isEmpty)
    }
}
