import HelpSystem

/// Tailscale on the node: reused when it is already installed; otherwise the official install
/// script, or on arm64 Linux the static tarball (its `.sha256` checked) with the unit file it
/// ships, both downloaded to a file and verified before they run.
struct TailscaleInstallStep: ProvisionStep {
    var options: SetupNodeOptions
    var downloader: @Sendable () -> Downloader

    var id: String { "tailscale-install" }
    var title: String { "Tailscale installed" }
    static let scriptURL = "https://tailscale.com/install.sh"
    var usesStatic: Bool { options.platform.os == "linux" && options.platform.architecture == "arm64" }
    var staticURL: String? {
        options.profile.tailscaleVersion.map {
            "https://pkgs.tailscale.com/stable/tailscale_\($0)_\(options.platform.tailscaleArchitecture).tgz"
        }
    }

    /// The folder holding `path` (the tarball is unpacked beside itself, in the download cache).
    static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
    }

    func staticCommands(_ tarball: String) -> [Command] {
        let folder =
            "tailscale_\(options.profile.tailscaleVersion ?? "VERSION")_\(options.platform.tailscaleArchitecture)"
        return [
            Command("tar", ["-xzf", tarball, "-C", Self.folder(of: tarball)]),
            Command(
                "install",
                [
                    "-m", "0755", "\(Self.folder(of: tarball))/\(folder)/tailscale",
                    "\(Self.folder(of: tarball))/\(folder)/tailscaled", "/usr/local/bin/",
                ]),
            Command(
                "install",
                [
                    "-m", "0644", "\(Self.folder(of: tarball))/\(folder)/systemd/tailscaled.service",
                    "/etc/systemd/system/",
                ]),
            Command(
                "install",
                [
                    "-m", "0644", "\(Self.folder(of: tarball))/\(folder)/systemd/tailscaled.defaults",
                    "/etc/default/tailscaled",
                ]),
            Command("systemctl", ["daemon-reload"]),
            Command("systemctl", ["enable", "--now", "tailscaled"]),
        ]
    }

    func plan(_ run: StepRun) -> [PlannedAction] {
        if options.platform.os == "macos" {
            return [
                PlannedAction("install the Tailscale app (App Store or pkgs.tailscale.com); the CLI must be on PATH")
            ]
        }
        if usesStatic {
            return [PlannedAction("download \(staticURL ?? "<needs --tailscale-version>") (sha256 from its .sha256)")]
                + staticCommands("<tarball>").map { PlannedAction($0) }
        }
        let pinned = options.profile.pin("tailscale-install", platform: options.platform.description) != nil
        return [
            PlannedAction(
                "download \(Self.scriptURL)" + (pinned ? " (sha256 pinned)" : " (not pinned: its sha256 is shown)")),
            PlannedAction(Command("sh", ["<install.sh>"])),
        ]
    }

    func check(_ run: StepRun) throws -> Bool { run.context.runner.locate("tailscale") != nil }

    func apply(_ run: StepRun) throws -> [String: String] {
        guard options.platform.os == "linux" else {
            throw StepFailure(
                message: "Tailscale is not installed",
                fix: "Install the Tailscale app, then run help setup-node again.",
                code: .unavailable)
        }
        let fetcher = downloader()
        if usesStatic {
            guard let url = staticURL else {
                throw StepFailure(
                    message: "the static Tailscale build needs a version",
                    fix: "Give --tailscale-version (or a profile with one).",
                    code: .usage)
            }
            let sha = String(try fetcher.fetchText(url + ".sha256").prefix(64))
            let tarball = try fetcher.fetch(DownloadRequest(url: url, sha256: sha))
            for command in staticCommands(tarball.path) {
                try run.run(command, fix: "Run as root; the static install writes /usr/local/bin and /etc/systemd.")
            }
            return ["installed": "static"]
        }
        let script: String
        if let pin = options.profile.pin("tailscale-install", platform: options.platform.description) {
            script = try fetcher.fetch(DownloadRequest(url: pin.url, sha256: pin.sha256, name: "tailscale-install.sh"))
                .path
        } else {
            let text = try fetcher.fetchText(Self.scriptURL)
            let folder = try run.fileSystem.makeUniqueDirectory(prefix: fetcher.cacheFolder + "/.script-")
            script = folder + "/install.sh"
            try run.fileSystem.writeAtomically(script, Array(text.utf8), mode: 0o700)
            run.console.warn(
                "install.sh is not pinned; running it as fetched (pin it with help cluster profile --pin).")
        }
        try run.run(Command("sh", [script], timeout: 1800), fix: "Read the installer's output above.", transient: true)
        return ["installed": "script"]
    }

    func verify(_ run: StepRun) throws {
        guard run.context.runner.locate("tailscale") != nil else {
            throw StepFailure(message: "tailscale is not on PATH", fix: "Install Tailscale, then run again.")
        }
    }
}

/// The machine on the tailnet: reused when `tailscale status` says Running; else `tailscale up`
/// with the auth key in a 0600 file that is removed afterwards, then the IPv4 from `ip -4`.
struct TailscaleUpStep: ProvisionStep {
    var options: SetupNodeOptions
    var tailscale = Tailscale()

    var id: String { "tailscale-up" }
    var title: String { "Tailscale up" + (options.hostname.map { " as \($0)" } ?? "") }

    func upCommand(keyFile: String) -> Command {
        tailscale.upCommand(
            keyFile: keyFile, hostname: options.hostname, loginServer: options.loginServer, tags: options.tags)
    }

    func plan(_ run: StepRun) -> [PlannedAction] {
        let key = options.authKeyFile ?? "<0600 file holding TS_AUTHKEY>"
        return [PlannedAction(upCommand(keyFile: key)), PlannedAction(tailscale.ipCommand)]
    }

    func state(_ run: StepRun) -> Tailscale.State? {
        guard let result = try? run.context.runner.run(tailscale.statusCommand), result.succeeded else { return nil }
        return try? Tailscale.parseState(result.stdout)
    }

    func check(_ run: StepRun) throws -> Bool { state(run)?.isUp == true }

    func apply(_ run: StepRun) throws -> [String: String] {
        var keyFile = options.authKeyFile
        var temporary: String?
        if keyFile == nil {
            guard let key = run.secrets["TS_AUTHKEY"] else {
                throw StepFailure(
                    message: "no Tailscale auth key", fix: "Export TS_AUTHKEY or give --auth-key-file FILE.",
                    code: .usage)
            }
            let folder = try run.fileSystem.makeUniqueDirectory(
                prefix: (run.context.environment["TMPDIR"] ?? "/tmp") + "/help-tailscale-")
            try run.fileSystem.setPermissions(folder, 0o700)
            try run.fileSystem.writeAtomically(folder + "/key", Array(key.reveal().utf8), mode: 0o600)
            keyFile = folder + "/key"
            temporary = folder
        }
        defer { if let temporary { try? run.fileSystem.remove(temporary) } }
        try run.run(
            upCommand(keyFile: keyFile!), fix: "Check the auth key (expired? reusable?) and the login server.",
            transient: true)
        return ["logged_in": "yes"]
    }

    func verify(_ run: StepRun) throws {
        guard state(run)?.isUp == true else {
            throw StepFailure(message: "Tailscale is not running", fix: "Look at `tailscale status`.", transient: true)
        }
        let result = try run.run(tailscale.ipCommand, fix: "Look at `tailscale status`.")
        guard let ip = Tailscale.parseIPv4(result.stdout) else {
            throw StepFailure(message: "tailscale ip -4 gave no IPv4 address", fix: "Look at `tailscale status`.")
        }
        run[fact: "tailscale_ip"] = ip
    }

    func undo(_ run: StepRun, record: [String: String]) throws {
        if record["logged_in"] == "yes" {
            try run.run(tailscale.logoutCommand, fix: "Log out by hand: tailscale logout")
        }
    }
}
