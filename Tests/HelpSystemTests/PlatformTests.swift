import HelpTestSupport
import Testing

@testable import HelpSystem

/// Facts about the machine, clocks and the environment.
@Suite struct PlatformTests {
    @Test func theTagAgreesWithTheFullDetection() {
        let platform = Platform.detect(environment: [:])
        #expect(Platform.tag() == platform.kernel + "-" + platform.architecture)
        #expect(Platform.tag().hasPrefix("linux-") || Platform.tag().hasPrefix("darwin-"))
    }

    @Test func osReleaseIsParsedWithQuotesAndEscapes() {
        let text = """
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            # a comment
            ID=debian
            VERSION_ID='12'
            NAME="Say \\"hi\\""
            """
        let fields = Platform.parseOSRelease(text)
        #expect(fields["PRETTY_NAME"] == "Debian GNU/Linux 12 (bookworm)")
        #expect(fields["ID"] == "debian")
        #expect(fields["VERSION_ID"] == "12")
        #expect(fields["NAME"] == "Say \"hi\"")
    }

    @Test func packageManagerFollowsTheDistributionFamily() {
        var platform = Platform.detect(environment: ["PATH": "/usr/bin:/bin"])
        platform.distribution = "ubuntu"
        platform.distributionFamily = ["debian"]
        #expect(platform.preferredPackageManagers.first == .apt)
        platform.distribution = "rocky"
        platform.distributionFamily = ["rhel", "centos", "fedora"]
        #expect(Array(platform.preferredPackageManagers.prefix(2)) == [.dnf, .yum])
        platform.packageManager = .apt
        platform.isRoot = false
        #expect(platform.installHint("postgresql") == "install it with `sudo apt-get install -y postgresql`")
    }

    @Test func detectionDescribesThisMachine() {
        let platform = Platform.detect(environment: ["PATH": "/usr/bin:/bin"])
        #expect(platform.kernel == "linux")
        #expect(!platform.architecture.isEmpty)
        #expect(platform.cpuCount >= 1)
        #expect(platform.memoryBytes > 0)
        #expect((Platform.freeDiskBytes(at: "/tmp") ?? 0) > 0)
        #expect(Platform.freeDiskBytes(at: "/no/such/place") == nil)
    }

    @Test func wallTimesFormatAsISOAndFileStamps() {
        let time = WallTime(seconds: 1_714_566_605, nanoseconds: 123_456_789)
        #expect(time.iso8601 == "2024-05-01T12:30:05.123Z")
        #expect(time.fileStamp == "20240501-123005")
        #expect(Clock.fixed(time).wall() == time)
    }

    @Test func monotonicTimeMovesForward() {
        let start = MonotonicTime.now()
        #expect(start.adding(seconds: 1.5).seconds(since: start) == 1.5)
        #expect(start.seconds(since: start.adding(seconds: 1)) == 0)
        #expect(MonotonicTime.now() >= start)
    }

    @Test func environmentHelpersFollowTheConventions() {
        let env = Environment(["PATH": "/a::relative:/b:/a", "HOME": "/home/dev", "XDG_CACHE_HOME": "cache"])
        #expect(env.searchPath == ["/a", "/b"])
        #expect(env.cacheHome == "/home/dev/.cache")
        #expect(env.helpCacheHome == "/home/dev/.cache/help")
        #expect(Environment(["XDG_CACHE_HOME": "/var/cache/me", "HOME": "/h"]).cacheHome == "/var/cache/me")
        #expect(Environment.current()["PATH"] != nil)
    }
}

/// Child output is cut into the lines a terminal would show.
@Suite struct LineSplitterTests {
    func feed(_ chunks: [String]) -> [String] {
        var splitter = LineSplitter()
        var lines: [String] = []
        for chunk in chunks {
            lines += Array(chunk.utf8).withUnsafeBytes { splitter.feed($0) }
        }
        if let last = splitter.finish() { lines.append(last) }
        return lines
    }

    @Test func linesSplitAcrossChunksAreJoined() {
        #expect(feed(["hel", "lo\nwor", "ld\n", "tail"]) == ["hello", "world", "tail"])
    }

    @Test func carriageReturnsKeepTheLastRedraw() {
        #expect(feed(["10%\r50%\r100%\n", "crlf line\r\n"]) == ["100%", "crlf line"])
    }

    @Test func overlongLinesAreCut() {
        let long = String(repeating: "a", count: LineSplitter.maximumLineBytes + 10)
        let lines = feed([long])
        #expect(lines.map(\.count) == [LineSplitter.maximumLineBytes, 10])
    }

    @Test func tailKeepsTheNewestLinesInOrder() {
        var tail = LineTail(capacity: 3)
        for number in 1...5 { tail.append(String(number)) }
        #expect(tail.text == "3\n4\n5\n")
    }
}
