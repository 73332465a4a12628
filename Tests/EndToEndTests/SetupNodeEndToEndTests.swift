import HelpSystem
import HelpTestSupport
import Testing

/// `help setup-node` on a provider machine made of fakes that behave like the real tools: a mirror
/// on 127.0.0.1 serving the conda installer, a `tailscale` that needs a key file, and a `ray`
/// whose head lists the worker once `ray start` ran. Real: the built binary, curl, our SHA-256,
/// venv, pip installing the ray wheel, the state files.
@Suite("help setup-node end to end", .enabled(if: BuiltHelp.path != nil))
struct SetupNodeEndToEndTests {
    func setup(_ fixture: SetupNodeFixture, _ extra: [String] = [], token: Bool = true) throws -> ProcessResult {
        try BuiltHelp.run(fixture.arguments() + extra, in: fixture.home, environment: fixture.environment(token: token))
    }

    @Test("a provider joins, a re-run skips everything, status verifies, rollback undoes; no secret leaks")
    func fullCycle() throws {
        let fixture = try SetupNodeFixture()
        let first = try setup(fixture, ["--json"])
        #expect(first.exitCode == 0, "\(first.stdout)\(first.stderr)")
        let document = try JSONValue.parse(first.stdout)
        #expect(document["node"]?["tailscale_ip"]?.string == "127.0.0.7")
        #expect(document["node"]?["ray_node_id"]?.string?.hasPrefix("f00dcafe") == true)
        #expect(
            document["steps"]?.array?.compactMap { $0["outcome"]?.string }.allSatisfy {
                $0 == "applied" || $0 == "already-there"
            } == true)
        let calls = try fixture.fs.readText(fixture.rayState + "/calls")
        #expect(calls.contains("--node-ip-address=127.0.0.7") && calls.contains("--address=127.0.0.1:6379"))
        #expect(
            try fixture.fs.readText(fixture.rayState + "/start-env") == "RAY_AUTH_TOKEN=\(SetupNodeFixture.rayToken)\n")
        let up = try #require(fixture.tools.invocations(of: "tailscale").first { $0.arguments.first == "up" })
        #expect(up.arguments.contains("--timeout=60s") && up.arguments.contains("--reset"))
        #expect(up.arguments.contains("--hostname=provider-1"))
        let downloads = fixture.server.requests().count

        let again = try setup(fixture, ["--json"])
        #expect(again.exitCode == 0, "\(again.stderr)")
        let outcomes = try JSONValue.parse(again.stdout)["steps"]?.array?.compactMap { $0["outcome"]?.string } ?? []
        #expect(!outcomes.isEmpty && outcomes.allSatisfy { $0 == "already-verified" }, "\(outcomes)")
        #expect(fixture.server.requests().count == downloads, "a re-run downloads nothing")
        #expect(try JSONValue.parse(again.stdout)["node"]?["provider_id"] == document["node"]?["provider_id"])

        let status = try BuiltHelp.run(
            [
                "setup-node", "status", "--head", "127.0.0.1:6379", "--ray-version", "2.40.0", "--python",
                SetupNodeFixture.localPython, "--auth-mode", "token",
            ],
            in: fixture.home, environment: fixture.environment())
        #expect(
            status.exitCode == 0 && status.stdout.contains("healthy: Ray worker"), "\(status.stdout)\(status.stderr)")

        for secret in [SetupNodeFixture.authKey, SetupNodeFixture.rayToken] {
            #expect(!first.stdout.contains(secret) && !first.stderr.contains(secret) && !again.stdout.contains(secret))
            #expect(!(try fixture.everythingWritten()).contains(secret), "\(secret) written somewhere under HOME")
            for call in fixture.tools.invocations(of: "tailscale") {
                #expect(!call.arguments.joined().contains(secret))
            }
        }
        #expect(!calls.contains(SetupNodeFixture.rayToken))

        let rollback = try BuiltHelp.run(
            fixture.arguments() + ["--rollback"], in: fixture.home, environment: fixture.environment())
        #expect(rollback.exitCode == 0, "\(rollback.stderr)")
        #expect(try fixture.fs.readText(fixture.rayState + "/calls").contains("stop"))
        #expect(fixture.tools.invocations(of: "tailscale").contains { $0.arguments == ["logout"] })
        #expect(!fixture.fs.exists(fixture.prefix), "conda installed by help is removed")
    }

    @Test("a failed step is resumed: verified steps are not redone, nothing downloaded twice")
    func resumesAfterAFailure() throws {
        let fixture = try SetupNodeFixture()
        try fixture.fs.writeAtomically(fixture.home + "/tailscale-up-fails", [])
        let failed = try setup(fixture)
        #expect(failed.exitCode != 0)
        #expect(failed.stderr.contains("step 'Tailscale up as provider-1' failed"), "\(failed.stderr)")
        #expect(failed.stderr.contains("backend error: timeout") && failed.stderr.contains("hint:"))
        let downloads = fixture.server.requests().count
        try fixture.fs.remove(fixture.home + "/tailscale-up-fails")
        let resumed = try setup(fixture, ["--json"])
        #expect(resumed.exitCode == 0, "\(resumed.stderr)")
        let steps = try JSONValue.parse(resumed.stdout)["steps"]?.array ?? []
        #expect(steps.first { $0["id"]?.string == "conda" }?["outcome"]?.string == "already-verified")
        #expect(steps.first { $0["id"]?.string == "ray-worker" }?["outcome"]?.string == "applied")
        #expect(fixture.server.requests().count == downloads)
    }

    @Test("a tampered installer is refused with exit 65 and nothing is installed")
    func tamperedInstaller() throws {
        let fixture = try SetupNodeFixture()
        let machine = Platform.tag().hasSuffix("aarch64") ? "aarch64" : "x86_64"
        try fixture.server.tamper(SetupNodeFixture.installerPath + machine + ".sh")
        let result = try setup(fixture)
        #expect(result.exitCode == 65, "\(result.stderr)")
        #expect(result.stderr.contains("checksum mismatch"))
        #expect(!fixture.fs.exists(fixture.prefix))
    }

    @Test("a Ray version the wheelhouse cannot give and a missing token both stop before ray start")
    func refusedBeforeRayStart() throws {
        let fixture = try SetupNodeFixture()
        let mismatch = try BuiltHelp.run(
            fixture.arguments(rayVersion: "2.41.0"), in: fixture.home, environment: fixture.environment())
        #expect(mismatch.exitCode != 0 && mismatch.stderr.contains("2.41.0"), "\(mismatch.stderr)")
        let noToken = try setup(fixture, [], token: false)
        #expect(noToken.exitCode == 64, "\(noToken.stderr)")
        #expect(noToken.stderr.contains("RAY_AUTH_TOKEN is not set"))
        #expect(!fixture.fs.exists(fixture.rayState + "/node"), "ray start never ran")
    }

    @Test(
        "--dry-run plans are pinned for linux-x86_64, linux-arm64 (static Tailscale) and macOS",
        arguments: [
            "linux-x86_64", "linux-arm64", "macos-arm64",
        ])
    func dryRunPlans(platform: String) throws {
        let result = try BuiltHelp.run(
            [
                "setup-node", "--dry-run", "--platform", platform, "--head", "100.64.0.1:6379", "--ray-version",
                "2.40.0",
                "--auth-mode", "token", "--hostname", "gpu-1", "--tailscale-version", "1.80.0", "--conda-prefix",
                "/opt/conda", "--repo", "https://example.com/team.git", "--ref", "main", "--repo-dir", "/srv/team",
                "--num-gpus", "2",
            ], environment: ["RAY_AUTH_TOKEN": SetupNodeFixture.rayToken])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == Self.expectedPlan(platform), "\(result.stdout)")
        #expect(!result.stdout.contains(SetupNodeFixture.rayToken))
    }

    static func expectedPlan(_ platform: String) -> String {
        let suffix = ["linux-x86_64": "Linux-x86_64", "linux-arm64": "Linux-aarch64", "macos-arm64": "MacOSX-arm64"][
            platform]!
        let installer = "https://github.com/conda-forge/miniforge/releases/latest/download/Miniforge3-\(suffix).sh"
        let tailscale: String
        switch platform {
        case "linux-arm64":
            let folder = "'<tarball>'/tailscale_1.80.0_arm64"
            tailscale = """
                     download https://pkgs.tailscale.com/stable/tailscale_1.80.0_arm64.tgz (sha256 from its .sha256)
                     tar -xzf '<tarball>' -C .
                     install -m 0755 ./tailscale_1.80.0_arm64/tailscale ./tailscale_1.80.0_arm64/tailscaled /usr/local/bin/
                     install -m 0644 ./tailscale_1.80.0_arm64/systemd/tailscaled.service /etc/systemd/system/
                     install -m 0644 ./tailscale_1.80.0_arm64/systemd/tailscaled.defaults /etc/default/tailscaled
                     systemctl daemon-reload
                     systemctl enable --now tailscaled
                """
            _ = folder
        case "linux-x86_64":
            tailscale = """
                     download https://tailscale.com/install.sh (not pinned: its sha256 is shown)
                     sh '<install.sh>'
                """
        default:
            tailscale = "     install the Tailscale app (App Store or pkgs.tailscale.com); the CLI must be on PATH"
        }
        return """
            Plan for \(platform) (provider); nothing is run:
            1. conda (miniforge) at /opt/conda
                 download \(installer) (sha256 from \(installer).sha256)
                 bash '<installer>' -b -p /opt/conda
            2. conda environment help-node with Python 3.13.7
                 /opt/conda/bin/conda create -y -n help-node python=3.13.7
            3. repository https://example.com/team.git at main
                 git clone --branch main https://example.com/team.git /srv/team
                 or, when /srv/team exists: git -C /srv/team fetch origin main && git -C /srv/team merge --ff-only FETCH_HEAD
                 python -m pip install -r /srv/team/requirements.txt (when the repository has one)
            4. Ray 2.40.0
                 /opt/conda/envs/help-node/bin/python -m pip install 'ray[default]==2.40.0'
            5. Tailscale installed
            \(tailscale)
            6. Tailscale up as gpu-1
                 tailscale up '--auth-key=file:<0600 file holding TS_AUTHKEY>' --hostname=gpu-1 --timeout=60s --reset
                 tailscale ip -4
            7. Ray worker joined to 100.64.0.1:6379
                 RAY_AUTH_MODE=token RAY_AUTH_TOKEN=*** /opt/conda/envs/help-node/bin/ray start --address=100.64.0.1:6379 '--node-ip-address=<tailscale ip -4>' --disable-usage-stats --num-gpus=2
                 verify: the head at 100.64.0.1:6379 lists this machine's Tailscale IP among its alive nodes

            """
    }
}
