import HelpSystem
import HelpTestSupport
import Testing

/// A machine to put into K3s, made of a root folder (`HELP_SYSTEM_ROOT`) and fakes that answer
/// like the real tools: `tailscale` up at 127.0.0.9 with a tailscale0, `systemctl`, `k3s kubectl`,
/// NVIDIA tools, and install.sh on a loopback mirror that records its environment and leaves the
/// uninstall script the real one leaves.
final class JoinClusterFixture: @unchecked Sendable {
    let folder = TempDir(prefix: "help-k3s-e2e")
    let server: LoopbackHTTPServer
    let tools = FakeTool()
    let fs = FileSystem()
    static let token = "K10SECRET::server:f00d"

    var root: String { folder.path("root") }
    var home: String { folder.path("home") }
    var config: String { root + "/etc/rancher/k3s/config.yaml" }

    init(systemd: Bool = true, gpu: Bool = false) throws {
        server = try LoopbackHTTPServer()
        for path in ["/sys/class/net/tailscale0", "/usr/local/bin", "/proc", "/sys/devices/system/cpu", "/run"] {
            try fs.createDirectories(root + path)
        }
        try fs.createDirectories(home)
        try fs.writeAtomically(root + "/proc/meminfo", Array("MemTotal:       16777216 kB\n".utf8))
        try fs.writeAtomically(root + "/sys/devices/system/cpu/online", Array("0-7\n".utf8))
        if systemd {
            try fs.createDirectories(root + "/bin")
            try fs.writeAtomically(root + "/bin/systemctl", [], mode: 0o755)
        }
        try server.put("mirror/get.k3s.io", Array(Self.installer.utf8))
        try tools.install(
            "tailscale",
            script: """
                case "$1" in
                  status) echo '{"BackendState": "Running", "TUN": true, "Self": {"TailscaleIPs": ["127.0.0.9"], "DNSName": "node-a.tail1234.ts.net."}}';;
                  ip) echo 127.0.0.9;;
                esac
                exit 0
                """)
        try tools.install(
            "systemctl",
            script: #"[ "$1" = is-active ] && { [ -f "$HELP_SYSTEM_ROOT/run/active-$2" ] && exit 0; exit 3; }; exit 0"#)
        try tools.install(
            "k3s", recordStdin: true,
            script: #"case "$*" in *jsonpath*) echo 2;; esac; exit 0"#)
        if gpu {
            try tools.install("nvidia-smi", stdout: "GPU 0: NVIDIA L4 (UUID: GPU-1)\n")
            try tools.install("nvidia-container-runtime")
        }
    }

    func environment(token: Bool = false) -> [String: String] {
        var environment = [
            "HOME": home, "XDG_STATE_HOME": home + "/.state", "XDG_CACHE_HOME": home + "/.cache",
            "TMPDIR": home, "HELP_SYSTEM_ROOT": root, "K3S_NODE_NAME": "node-a",
            "PATH": tools.searchPath(before: "/usr/bin:/bin"),
        ]
        if token { environment["K3S_TOKEN"] = Self.token }
        return environment
    }

    func join(_ arguments: [String], token: Bool = false) throws -> ProcessResult {
        try BuiltHelp.run(
            ["join-cluster", "--mirror", server.url("mirror")] + arguments, in: home,
            environment: environment(token: token))
    }

    func installerRecord() throws -> String { try fs.readText(root + "/installer-env") }

    /// Records what the real install.sh reads, and leaves what it leaves: the uninstall script
    /// for the role and an active service. While `hold` exists below the root it waits, so a test
    /// can kill `help` in the middle of the install.
    static let installer = #"""
        #!/bin/sh
        r="$HELP_SYSTEM_ROOT"
        if [ -f "$r/hold" ]; then touch "$r/installer-started"; while [ -f "$r/hold" ]; do sleep 0.1; done; fi
        { echo "argv=$*"; echo "INSTALL_K3S_EXEC=$INSTALL_K3S_EXEC"; echo "K3S_URL=$K3S_URL";
          [ -n "$K3S_TOKEN" ] && echo "K3S_TOKEN=set"; } > "$r/installer-env"
        case "$INSTALL_K3S_EXEC" in agent*) name=k3s-agent; script=k3s-agent-uninstall.sh;; *) name=k3s; script=k3s-uninstall.sh;; esac
        printf '#!/bin/sh\nrm -f "%s/run/active-%s" "%s/usr/local/bin/%s"\necho uninstalled > "%s/uninstalled"\n' "$r" "$name" "$r" "$script" "$r" > "$r/usr/local/bin/$script"
        chmod +x "$r/usr/local/bin/$script"
        touch "$r/run/active-$name"
        echo "[INFO]  systemd: Starting $name"
        """#
}

@Suite("help join-cluster end to end", .enabled(if: BuiltHelp.path != nil))
struct JoinClusterEndToEndTests {
    @Test(
        "first server with GPU: config.yaml on the Tailscale IP, install.sh as server, device plugin; a re-run changes nothing"
    )
    func firstServer() throws {
        let machine = try JoinClusterFixture(gpu: true)
        let first = try machine.join(["--role", "server", "--cluster-init", "--gpu", "on", "--time-slicing", "4"])
        #expect(first.exitCode == 0, "\(first.stdout)\(first.stderr)")
        let config = try machine.fs.readText(machine.config)
        for line in [
            #"node-ip: "127.0.0.9""#, #"advertise-address: "127.0.0.9""#, #"flannel-iface: "tailscale0""#,
            #"  - "node-a.tail1234.ts.net""#,
            "cluster-init: true", #"  - "nvidia.com/gpu.present=true""#,
        ] {
            #expect(config.contains(line), "\(line) in \(config)")
        }
        #expect(try machine.installerRecord().contains("INSTALL_K3S_EXEC=server"))
        let applied = machine.tools.invocations(of: "k3s").filter { $0.arguments.starts(with: ["kubectl", "apply"]) }
        #expect(applied.count == 2)
        #expect(applied.contains { $0.stdin?.contains("replicas: 4") == true })
        #expect(machine.tools.invocations(of: "k3s").contains { $0.arguments.contains("--for=condition=Ready") })

        let again = try machine.join([
            "--role", "server", "--cluster-init", "--gpu", "on", "--time-slicing", "4", "--json",
        ])
        #expect(again.exitCode == 0, "\(again.stderr)")
        let outcomes = try JSONValue.parse(again.stdout)["steps"]?.array?.compactMap { $0["outcome"]?.string } ?? []
        #expect(outcomes == ["already-verified", "already-verified", "already-verified"], "\(outcomes)")
        #expect(try machine.fs.readText(machine.config) == config)
    }

    @Test("an agent: K3S_URL and the token in install.sh's environment only; rollback uninstalls and restores")
    func agentAndRollback() throws {
        let machine = try JoinClusterFixture()
        try machine.fs.createDirectories(machine.root + "/etc/rancher/k3s")
        try machine.fs.writeAtomically(machine.config, Array("# the admin's own\n".utf8))
        let url = "https://127.0.0.1:\(machine.server.port)"
        let joined = try machine.join(
            ["--role", "agent", "--server", url, "--label", "zone=lab", "--json"], token: true)
        #expect(joined.exitCode == 0, "\(joined.stdout)\(joined.stderr)")
        let record = try machine.installerRecord()
        #expect(record.contains("INSTALL_K3S_EXEC=agent") && record.contains("K3S_URL=\(url)"))
        #expect(record.contains("K3S_TOKEN=set") && !record.contains(JoinClusterFixture.token))
        #expect(try machine.fs.readText(machine.config).contains(#""zone=lab""#))
        let state = try machine.fs.readText(machine.home + "/.state/help/cluster/state.json")
        for text in [joined.stdout, joined.stderr, state, try machine.fs.readText(machine.config)] {
            #expect(!text.contains(JoinClusterFixture.token))
        }
        let rollback = try machine.join(["--role", "agent", "--server", url, "--rollback"], token: true)
        #expect(rollback.exitCode == 0, "\(rollback.stderr)")
        #expect(machine.fs.exists(machine.root + "/uninstalled"))
        #expect(try machine.fs.readText(machine.config) == "# the admin's own\n", "the old config.yaml is back")
    }

    @Test("a second server joins the first: role said in INSTALL_K3S_EXEC, K3S_URL set")
    func secondServer() throws {
        let machine = try JoinClusterFixture()
        let url = "https://127.0.0.1:\(machine.server.port)"
        let joined = try machine.join(["--role", "server", "--server", url], token: true)
        #expect(joined.exitCode == 0, "\(joined.stderr)")
        let record = try machine.installerRecord()
        #expect(record.contains("INSTALL_K3S_EXEC=server") && record.contains("K3S_URL=\(url)"))
    }

    @Test("without systemd or OpenRC: exit 69 and nothing written")
    func noServiceManager() throws {
        let machine = try JoinClusterFixture(systemd: false)
        let result = try machine.join(["--role", "server", "--cluster-init"])
        #expect(result.exitCode == 69, "\(result.stderr)")
        #expect(result.stderr.contains("neither systemd nor OpenRC"))
        #expect(!machine.fs.exists(machine.config))
        #expect(machine.server.requests().isEmpty)
    }

    @Test("bad values are exit 64 naming them, before anything runs")
    func badValues() throws {
        let machine = try JoinClusterFixture()
        let label = try machine.join(["--role", "server", "--label", "node-role.kubernetes.io/worker=true"])
        #expect(label.exitCode == 64)
        let taint = try machine.join(["--role", "server", "--taint", "gpu=yes:Sometimes"])
        #expect(taint.exitCode == 64 && taint.stderr.contains("Sometimes"))
        let agent = try machine.join(["--role", "agent", "--server", "https://127.0.0.1:6443"])
        #expect(agent.exitCode == 64 && agent.stderr.contains("token"))
        #expect(!machine.fs.exists(machine.config))
    }

    @Test("--dry-run is pinned")
    func dryRun() throws {
        let machine = try JoinClusterFixture()
        let result = try BuiltHelp.run(
            [
                "join-cluster", "--role", "agent", "--server", "https://100.64.0.1:6443", "--taint",
                "gpu=true:NoSchedule",
                "--k3s-version", "v1.31.4+k3s1", "--dry-run",
            ],
            in: machine.home, environment: machine.environment(token: true))
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                Plan for a K3s agent on 127.0.0.9 (node node-a); nothing is run:
                reserved for the system: cpu=800m,memory=2662Mi (scaled to this machine)
                1. write \(machine.config)
                     write \(machine.config):
                         # Written by help join-cluster; a re-run rewrites it (the old copy is backed up).
                         node-ip: "127.0.0.9"
                         flannel-iface: "tailscale0"
                         node-taint:
                           - "gpu=true:NoSchedule"
                         kubelet-arg:
                           - "system-reserved=cpu=400m,memory=1331Mi"
                           - "kube-reserved=cpu=400m,memory=1331Mi"
                2. K3s agent v1.31.4+k3s1
                     download https://get.k3s.io (not pinned: its sha256 is shown)
                     INSTALL_K3S_EXEC=agent INSTALL_K3S_VERSION=v1.31.4+k3s1 K3S_URL=https://100.64.0.1:6443 K3S_TOKEN=*** sh '<install.sh>'
                     verify: systemctl is-active k3s-agent (the server's view needs a kubeconfig)

                """, "\(result.stdout)")
        #expect(!result.stdout.contains(JoinClusterFixture.token))
    }
}
