import HelpSystem
import HelpTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// join-cluster beyond the first run: a run killed mid-install resumes, GPU off, Flux, an
/// agent's Ready as the server sees it, leave-cluster, and the token kept out of every argv.
@Suite("help join-cluster lifecycle end to end", .enabled(if: BuiltHelp.path != nil))
struct JoinClusterLifecycleEndToEndTests {
    /// The names of every fake tool a test may have installed.
    static let toolNames = [
        "tailscale", "systemctl", "k3s", "kubectl", "flux", "nvidia-smi", "nvidia-container-runtime",
    ]

    static func steps(_ stdout: String) throws -> [String: String] {
        var outcomes: [String: String] = [:]
        for step in try JSONValue.parse(stdout)["steps"]?.array ?? [] {
            outcomes[step["id"]?.string ?? "?"] = step["outcome"]?.string
        }
        return outcomes
    }

    @Test("a run killed during install.sh resumes after the verified config step")
    func resumeAfterKill() throws {
        let machine = try JoinClusterFixture()
        try machine.fs.writeAtomically(machine.root + "/hold", [])
        let runner = PosixProcessRunner(
            environment: Environment.current().values.merging(machine.environment()) { _, own in own },
            console: BufferConsole().console)
        let process = try runner.start(
            Command(
                BuiltHelp.path!, ["join-cluster", "--mirror", machine.server.url("mirror"), "--role", "server"],
                environment: ["NO_COLOR": "1"], workingDirectory: machine.home, timeout: 120, newProcessGroup: true))
        let limit = MonotonicTime.now().adding(seconds: 60)
        while !machine.fs.exists(machine.root + "/installer-started"), MonotonicTime.now() < limit {
            usleep(20_000)
        }
        #expect(machine.fs.exists(machine.root + "/installer-started"), "install.sh never started")
        Glibc.kill(-process.pid, SIGKILL)
        _ = process.wait()
        #expect(machine.fs.exists(machine.config), "config.yaml was written before install.sh")
        try machine.fs.remove(machine.root + "/hold")

        let resumed = try machine.join(["--role", "server", "--json"])
        #expect(resumed.exitCode == 0, "\(resumed.stdout)\(resumed.stderr)")
        #expect(try Self.steps(resumed.stdout) == ["config": "already-verified", "k3s": "applied"])
        #expect(try machine.installerRecord().contains("INSTALL_K3S_EXEC=server"))
    }

    @Test("--gpu off on a GPU machine: no GPU label, no device plugin")
    func gpuOff() throws {
        let machine = try JoinClusterFixture(gpu: true)
        let result = try machine.join(["--role", "server", "--gpu", "off", "--json"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(try Self.steps(result.stdout).keys.sorted() == ["config", "k3s"])
        #expect(!(try machine.fs.readText(machine.config)).contains("nvidia"))
        #expect(!machine.tools.invocations(of: "k3s").contains { $0.arguments.starts(with: ["kubectl", "apply"]) })
    }

    @Test("Flux: check --pre, then bootstrap git with GIT_PASSWORD in its environment only; exit 69 without flux")
    func flux() throws {
        let machine = try JoinClusterFixture()
        let gitops = ["--gitops-url", "https://git.example/fleet.git", "--gitops-path", "clusters/home"]
        let missing = try machine.join(["--role", "server"] + gitops)
        #expect(missing.exitCode == 69 && missing.stderr.contains("flux"), "\(missing.stderr)")
        #expect(!machine.fs.exists(machine.config))

        try machine.tools.install("flux")
        var environment = machine.environment()
        environment["GIT_PASSWORD"] = "git-pass-4242"
        environment["GIT_USERNAME"] = "robot"
        let result = try BuiltHelp.run(
            ["join-cluster", "--mirror", machine.server.url("mirror"), "--role", "server"] + gitops,
            in: machine.home, environment: environment)
        #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
        let calls = machine.tools.invocations(of: "flux")
        #expect(calls.map { $0.arguments.first ?? "" } == ["check", "bootstrap", "check"])
        let bootstrap = try #require(calls.first { $0.arguments.first == "bootstrap" })
        #expect(
            bootstrap.arguments == [
                "bootstrap", "git", "--url=https://git.example/fleet.git", "--path=clusters/home", "--silent",
                "--username=robot",
            ])
        #expect(bootstrap.environment["GIT_PASSWORD"] == "git-pass-4242")
        #expect(bootstrap.environment["KUBECONFIG"] == machine.root + "/etc/rancher/k3s/k3s.yaml")
        let state = try machine.fs.readText(machine.home + "/.state/help/cluster/state.json")
        #expect(!(result.stdout + result.stderr + state).contains("git-pass-4242"))

        let rollback = try BuiltHelp.run(
            ["join-cluster", "--role", "server", "--rollback"] + gitops, in: machine.home, environment: environment)
        #expect(rollback.exitCode == 0, "\(rollback.stderr)")
        #expect(machine.tools.invocations(of: "flux").last?.arguments == ["uninstall", "--silent"])
    }

    @Test("an agent with a kubeconfig is verified Ready by the server; the token is in no argv, output or file")
    func agentSeenByTheServer() throws {
        let machine = try JoinClusterFixture()
        try machine.tools.install("kubectl")
        let kubeconfig = machine.home + "/admin.yaml"
        try machine.fs.writeAtomically(kubeconfig, Array("apiVersion: v1\n".utf8))
        let url = "https://127.0.0.1:\(machine.server.port)"
        let joined = try machine.join(
            ["--role", "agent", "--server", url, "--kubeconfig", kubeconfig, "--json"], token: true)
        #expect(joined.exitCode == 0, "\(joined.stdout)\(joined.stderr)")
        #expect(
            machine.tools.invocations(of: "kubectl").contains {
                $0.arguments == [
                    "--kubeconfig", kubeconfig, "wait", "--for=condition=Ready", "node/node-a", "--timeout=120s",
                ]
            })
        let token = JoinClusterFixture.token
        for name in Self.toolNames {
            for call in machine.tools.invocations(of: name) {
                #expect(!call.arguments.joined(separator: " ").contains(token), "\(name) got the token in argv")
            }
        }
        let state = try machine.fs.readText(machine.home + "/.state/help/cluster/state.json")
        for text in [joined.stdout, joined.stderr, state, try machine.fs.readText(machine.config)] {
            #expect(!text.contains(token))
        }
    }

    @Test("leave-cluster drains and deletes the node, runs the role's uninstall script and forgets the state")
    func leave() throws {
        let machine = try JoinClusterFixture()
        try machine.tools.install("kubectl")
        let kubeconfig = machine.home + "/admin.yaml"
        try machine.fs.writeAtomically(kubeconfig, Array("apiVersion: v1\n".utf8))
        let url = "https://127.0.0.1:\(machine.server.port)"
        #expect(try machine.join(["--role", "agent", "--server", url], token: true).exitCode == 0)
        let plan = try BuiltHelp.run(
            ["leave-cluster", "--kubeconfig", kubeconfig, "--dry-run"], in: machine.home,
            environment: machine.environment())
        #expect(plan.exitCode == 0 && plan.stdout.contains("k3s-agent-uninstall.sh"), "\(plan.stdout)")
        #expect(!machine.fs.exists(machine.root + "/uninstalled"))

        let left = try BuiltHelp.run(
            ["leave-cluster", "--kubeconfig", kubeconfig], in: machine.home, environment: machine.environment())
        #expect(left.exitCode == 0, "\(left.stdout)\(left.stderr)")
        let verbs = machine.tools.invocations(of: "kubectl").map { Array($0.arguments.dropFirst(2).prefix(2)) }
        #expect(verbs == [["drain", "node-a"], ["delete", "node"]])
        #expect(machine.fs.exists(machine.root + "/uninstalled"))
        #expect(!machine.fs.exists(machine.home + "/.state/help/cluster"))
    }
}
