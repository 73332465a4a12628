import HelpSystem
import HelpTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// How a `help run` ends besides Ctrl-C: SIGTERM, SIGKILL (its servers found and stopped by the
/// next run), an app that crashes after it was up under the reloader; and `--json` while it runs.
/// In the same serialized suite as the other cases: they share one project and its run lock.
extension RunEndToEndTests {
    @Test("--json prints the document with pids and URLs once ready; SIGTERM stops everything, exit 143")
    func jsonWhenReadyAndSIGTERM() throws {
        try project.prepare()
        let port = try RunProject.freePort()
        let run = try RunningHelp(["run", "--json", "--port", String(port)], project: project)
        defer { run.kill() }
        #expect(run.waitFor("\"ready_status\"", timeout: 900), "no document while the server runs")
        #expect(run.waitFor("server: start: pid", timeout: 60))
        let group = try #require(run.serverPID)
        run.send(SIGTERM)
        let result = try #require(run.result(within: 15), "help run still running 15 s after SIGTERM")
        #expect(result.exitCode == 143, "128 + SIGTERM, as shells and supervisors expect: \(result.termination)")
        #expect(
            ProcessGroupMembers.pids(inGroup: group, includingZombies: false).isEmpty,
            "processes left in the server's group")
        // The ready document comes first on stdout, then the interrupt's error document.
        let ready = try #require(result.stdout.firstRange(of: "\n}\n"), "stdout: \(result.stdout)")
        let document = try JSONValue.parse(String(result.stdout[..<ready.upperBound]))
        let service = try #require(document["services"]?[0])
        #expect(service["pid"]?.int == Int(group))
        #expect(service["urls"]?[0]?.string == "http://127.0.0.1:\(port)")
        #expect(result.stdout.contains("interrupted (SIGTERM)"))
    }

    @Test("after SIGKILL the server keeps serving; the next help run stops it (checked as ours) and says so")
    func killedRunLeftovers() throws {
        let (first, _) = try startServer()
        defer { first.kill() }
        let group = try #require(first.serverPID)
        first.send(SIGKILL)
        _ = try #require(first.result(within: 10))
        #expect(
            !ProcessGroupMembers.pids(inGroup: group, includingZombies: false).isEmpty,
            "the server outlives a killed help run")

        let (second, url) = try startServer()
        defer { second.kill() }
        #expect(
            ProcessGroupMembers.pids(inGroup: group, includingZombies: false).isEmpty, "the old server's group is gone")
        #expect(second.output.stderr.contains("stopped server (pid \(group)), left running by an earlier help run"))
        #expect(try project.status(url + "/health") == 200)
        try stopWithSIGINT(second)
    }

    @Test("under --reload, an app whose worker dies after it was up ends the run: exit 1, named, with its last lines")
    func workerCrashAfterReady() throws {
        let (run, _) = try startServer()
        defer { run.kill() }
        let group = try #require(run.serverPID)
        let worker = try #require(
            ProcessGroupMembers.pids(inGroup: group, includingZombies: false).first {
                $0 != group && Self.commandLine($0).contains("spawn_main")
            }, "uvicorn's reloader has a worker")
        _ = Glibc.kill(worker, SIGKILL)
        let result = try #require(run.result(within: 30), "help run still waiting 30 s after its app died")
        #expect(result.exitCode == 1)
        #expect(run.output.stderr.contains("server stopped serving: the reloader's worker exited"))
        #expect(
            ProcessGroupMembers.pids(inGroup: group, includingZombies: false).isEmpty, "the reloader is stopped too")
    }

    static func commandLine(_ pid: Int32) -> String {
        let bytes = (try? FileSystem().readFile("/proc/\(pid)/cmdline")) ?? []
        return String(decoding: bytes.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }
}
