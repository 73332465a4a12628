import HelpSystem
import HelpTestSupport
import Testing

/// A venv holding the real `ray[default]`: HELP_TEST_RAY_VENV when it is ready (.ci/run makes
/// one), else one made in the test's folder from PyPI.
enum RealRay {
    static let version = "2.60.0"

    static var preparedVenv: String? {
        guard let venv = Environment.current().values["HELP_TEST_RAY_VENV"], !venv.isEmpty,
            ToolLookup.isExecutableFile(venv + "/bin/ray")
        else { return nil }
        return venv
    }

    static let pypiReachable: Bool = {
        let probe = try? IsolatedNamespace.quietRunner().run(
            Command("curl", ["-sfI", "--max-time", "5", "https://pypi.org/simple/ray/"], timeout: 10))
        return probe?.succeeded == true
    }()

    static var available: Bool { IsolatedNamespace.usable && (preparedVenv != nil || pypiReachable) }

    static func venv(in folder: TempDir) throws -> String {
        if let prepared = preparedVenv { return prepared }
        let venv = folder.path("ray-venv")
        let runner = IsolatedNamespace.quietRunner()
        _ = try runner.run(Command("python3", ["-m", "venv", venv], timeout: 120))
        let install = try runner.run(
            Command(
                venv + "/bin/python",
                ["-m", "pip", "install", "-q", "--timeout", "60", "--retries", "2", "ray[default]==\(version)"],
                environment: ["PIP_CACHE_DIR": folder.path("pip-cache"), "PIP_DISABLE_PIP_VERSION_CHECK": "1"],
                timeout: 900))
        guard install.succeeded else { throw HelpError("cannot install ray[default]==\(version): \(install.stderr)") }
        return venv
    }
}

/// `help setup-node` joining a real Ray head. Both run on this machine inside a network namespace
/// with only `lo` up (the head at 127.0.0.1, the worker at the fake Tailscale's 127.0.0.7, the
/// mirror on that loopback too); the provider has a PID namespace of its own, so its `ray stop`
/// cannot touch the head. Fake: `tailscale` and the conda installer (whose environment imports
/// the real Ray from the test's venv). HELP_SETUP_NODE_TIMINGS=FILE appends the durations
/// Benchmarks/setup-node.sh reports; nothing is asserted about them.
@Suite(
    "help setup-node against a real Ray head", .serialized,
    .enabled(if: BuiltHelp.path != nil && RealRay.available, "needs root, unshare and Ray \(RealRay.version)"))
struct SetupNodeRayEndToEndTests {
    static let head = "127.0.0.1:6379"

    /// The head's alive nodes as `{"ip", "id"}`, asked from the head's side.
    static let nodesScript = """
        import json, sys, ray
        ray.init(address=sys.argv[1], log_to_driver=False, logging_level="ERROR")
        print(json.dumps([{"ip": n["NodeManagerAddress"], "id": n["NodeID"]} for n in ray.nodes() if n["Alive"]]))
        """

    final class Cluster {
        let fixture: SetupNodeFixture
        let venv: String
        let python: String
        let network: IsolatedNamespace
        let provider: IsolatedNamespace
        let rayFolder = TempDir(prefix: "ray")
        let rayAuth = ["RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": SetupNodeFixture.rayToken]

        init(venv: String) throws {
            self.venv = venv
            network = try IsolatedNamespace()
            provider = try IsolatedNamespace(inside: network)
            fixture = try SetupNodeFixture(serverLauncher: provider.networkLauncher)
            let version = try IsolatedNamespace.quietRunner().run(
                Command(venv + "/bin/python", ["-c", "import platform; print(platform.python_version())"]))
            python = String(version.stdout.split(whereSeparator: \.isNewline).first ?? "")
        }

        func stop() {
            provider.stop()
            network.stop()
        }

        var headEnvironment: [String: String] {
            rayAuth.merging(["HOME": fixture.folder.path("head-home"), "RAY_TMPDIR": rayFolder.path]) { $1 }
        }

        func startHead() throws -> ProcessResult {
            try network.run(
                [
                    venv + "/bin/ray", "start", "--head", "--node-ip-address=127.0.0.1", "--port=6379",
                    "--disable-usage-stats", "--include-dashboard=false", "--num-cpus=1",
                    "--temp-dir=" + rayFolder.path,
                ], environment: headEnvironment, timeout: 300)
        }

        func aliveNodes() throws -> [JSONValue] {
            let result = try network.run(
                [venv + "/bin/python", "-c", SetupNodeRayEndToEndTests.nodesScript, SetupNodeRayEndToEndTests.head],
                environment: headEnvironment, timeout: 120)
            let last = result.stdout.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
            return (try? JSONValue.parse(last))?.array ?? []
        }

        /// Polls the head until `count` nodes are alive (a stopped worker is noticed within seconds).
        func waitForNodes(_ count: Int, seconds: Double = 60) throws -> [JSONValue] {
            let deadline = MonotonicTime.now().adding(seconds: seconds)
            var nodes = try aliveNodes()
            while nodes.count != count && MonotonicTime.now() < deadline {
                MonotonicTime.sleep(seconds: 1)
                nodes = try aliveNodes()
            }
            return nodes
        }

        func environment(token: Bool = true) -> [String: String] {
            var environment = fixture.environment(token: token)
            environment["NO_COLOR"] = "1"
            environment["RAY_TMPDIR"] = rayFolder.path
            environment["HELP_FAKE_CONDA_PYTHON"] = venv + "/bin/python"
            environment["HELP_FAKE_CONDA_SITE"] = sitePackages
            return environment
        }

        var sitePackages: String {
            let result = try? IsolatedNamespace.quietRunner().run(
                Command(
                    venv + "/bin/python", ["-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]))
            return String(result?.stdout.split(whereSeparator: \.isNewline).first ?? "")
        }

        /// `help` on the provider.
        func help(_ arguments: [String], rayVersion: String = RealRay.version) throws -> ProcessResult {
            let path = try #require(BuiltHelp.path)
            return try provider.run(
                [path] + fixture.arguments(rayVersion: rayVersion, python: python) + arguments,
                environment: environment(), in: fixture.home, timeout: 900)
        }

        func providerRunsRay() throws -> Bool {
            try provider.commandLines().split(whereSeparator: \.isNewline).contains { $0.contains("raylet") }
        }
    }

    @Test("a provider joins a real head, a re-run skips all, status verifies, rollback stops it; no secret leaks")
    func joinsARealHead() throws {
        let scratch = TempDir(prefix: "help-ray-venv")
        let cluster = try Cluster(venv: try RealRay.venv(in: scratch))
        defer { cluster.stop() }
        let fixture = cluster.fixture
        let head = try cluster.startHead()
        try #require(head.succeeded, "ray start --head: \(head.stdout)\(head.stderr)")
        #expect(try cluster.waitForNodes(1).count == 1)

        let first = try cluster.help(["--json"])
        try #require(first.exitCode == 0, "\(first.stdout)\(first.stderr)")
        let document = try JSONValue.parse(first.stdout)
        let steps = document["steps"]?.array ?? []
        #expect(
            steps.allSatisfy { ["applied", "already-there"].contains($0["outcome"]?.string ?? "") }, "\(steps)")
        #expect(steps.first { $0["id"]?.string == "ray-worker" }?["outcome"]?.string == "applied")
        #expect(document["node"]?["tailscale_ip"]?.string == "127.0.0.7")
        let nodeID = try #require(document["node"]?["ray_node_id"]?.string)
        let nodes = try cluster.waitForNodes(2)
        #expect(nodes.contains { $0["ip"]?.string == "127.0.0.7" && $0["id"]?.string == nodeID }, "\(nodes)")
        #expect(nodes.contains { $0["ip"]?.string == "127.0.0.1" })
        let running = try cluster.network.commandLines()
        let downloads = fixture.server.requests().count
        #expect(downloads > 0, "the installer came from the loopback mirror")

        let again = try cluster.help(["--json"])
        #expect(again.exitCode == 0, "\(again.stderr)")
        let outcomes = try JSONValue.parse(again.stdout)["steps"]?.array?.compactMap { $0["outcome"]?.string } ?? []
        #expect(!outcomes.isEmpty && outcomes.allSatisfy { $0 == "already-verified" }, "\(outcomes)")
        #expect(fixture.server.requests().count == downloads, "a re-run downloads nothing")

        let path = try #require(BuiltHelp.path)
        let status = try cluster.provider.run(
            [
                path, "setup-node", "status", "--head", Self.head, "--ray-version", RealRay.version, "--python",
                cluster.python, "--auth-mode", "token",
            ], environment: cluster.environment(), in: fixture.home, timeout: 300)
        #expect(
            status.exitCode == 0 && status.stdout.contains("healthy: Ray worker"), "\(status.stdout)\(status.stderr)")

        try timeRejoin(cluster, fullSetup: first.duration, rerun: again.duration)

        let rollback = try cluster.help(["--rollback", "--json"])
        #expect(rollback.exitCode == 0, "\(rollback.stdout)\(rollback.stderr)")
        #expect(try !cluster.providerRunsRay(), "rollback stopped the worker")
        let left = try cluster.waitForNodes(1)
        #expect(left.map { $0["ip"]?.string } == ["127.0.0.1"], "the head keeps running alone: \(left)")
        #expect(!fixture.fs.exists(fixture.prefix), "conda installed by help is removed")
        #expect(fixture.tools.invocations(of: "tailscale").contains { $0.arguments == ["logout"] })

        let written = try fixture.everythingWritten()
        for secret in [SetupNodeFixture.authKey, SetupNodeFixture.rayToken] {
            for result in [first, again, status, rollback] {
                #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))
            }
            #expect(!written.contains(secret), "\(secret) written somewhere under HOME")
            #expect(!running.contains(secret), "\(secret) in a running command line")
            for call in fixture.tools.invocations(of: "tailscale") {
                #expect(!call.arguments.joined().contains(secret))
            }
        }
        let rayLogs = try fixture.run("grep", ["-rl", SetupNodeFixture.rayToken, cluster.rayFolder.path])
        #expect(rayLogs.stdout.isEmpty, "the token in Ray's own files: \(rayLogs.stdout)")
    }

    @Test("a Ray version other than the head's stops before ray start, naming the version")
    func refusesAnotherVersion() throws {
        let scratch = TempDir(prefix: "help-ray-venv")
        let cluster = try Cluster(venv: try RealRay.venv(in: scratch))
        defer { cluster.stop() }
        let head = try cluster.startHead()
        try #require(head.succeeded, "ray start --head: \(head.stdout)\(head.stderr)")
        let mismatch = try cluster.help([], rayVersion: "2.59.0")
        #expect(mismatch.exitCode != 0)
        #expect(mismatch.stderr.contains("step 'Ray 2.59.0' failed"), "\(mismatch.stderr)")
        #expect(mismatch.stderr.contains("ray[default]==2.59.0") && mismatch.stderr.contains("hint:"))
        #expect(try !cluster.providerRunsRay(), "ray start never ran")
        #expect(try cluster.aliveNodes().count == 1)
    }

    /// With HELP_SETUP_NODE_TIMINGS set: the worker stopped by hand and joined again by `help
    /// setup-node` (only the Ray worker step runs), then the same `ray start` by hand, each timed
    /// until the head lists the node.
    func timeRejoin(_ cluster: Cluster, fullSetup: Double, rerun: Double) throws {
        guard let file = Environment.current().values["HELP_SETUP_NODE_TIMINGS"], !file.isEmpty else { return }
        let ray = cluster.fixture.prefix + "/envs/help-node/bin/ray"
        let stop = try cluster.provider.run([ray, "stop"], environment: cluster.environment(), timeout: 120)
        #expect(stop.succeeded, "\(stop.stderr)")
        _ = try cluster.waitForNodes(1)
        let rejoin = try cluster.help([])
        #expect(rejoin.exitCode == 0, "\(rejoin.stderr)")

        _ = try cluster.provider.run([ray, "stop"], environment: cluster.environment(), timeout: 120)
        _ = try cluster.waitForNodes(1)
        let started = MonotonicTime.now()
        let byHand = try cluster.provider.run(
            [
                ray, "start", "--address=\(Self.head)", "--node-ip-address=127.0.0.7", "--disable-usage-stats",
            ], environment: cluster.environment(), timeout: 300)
        #expect(byHand.succeeded, "\(byHand.stderr)")
        let joined = try cluster.waitForNodes(2)
        let manual = MonotonicTime.now().seconds(since: started)
        #expect(joined.count == 2)
        let line = "full \(fullSetup)\nrerun \(rerun)\nrejoin \(rejoin.duration)\nmanual \(manual)\n"
        let old = (try? cluster.fixture.fs.readText(file)) ?? ""
        try cluster.fixture.fs.writeAtomically(file, Array((old + line).utf8))
    }
}
