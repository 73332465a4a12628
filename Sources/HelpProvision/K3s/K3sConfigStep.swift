import HelpProject
import HelpSystem

/// `/etc/rancher/k3s/config.yaml` as the plan says: written atomically, the file that was there
/// first kept in the state folder so `--rollback` puts it back (or removes ours when there was none).
struct K3sConfigStep: ProvisionStep {
    var files: K3sFiles
    var config: K3sConfig
    var backupFolder: String

    var id: String { "config" }
    var title: String { "write \(files.config)" }
    var backup: String { backupFolder + "/config.yaml.before" }

    func plan(_ run: StepRun) -> [PlannedAction] {
        [PlannedAction("write \(files.config):")]
            + config.yaml.split(separator: "\n").map { PlannedAction("    " + $0) }
    }

    func check(_ run: StepRun) throws -> Bool {
        (try? run.fileSystem.readText(files.config)) == config.yaml
    }

    func apply(_ run: StepRun) throws -> [String: String] {
        let fs = run.fileSystem
        let folder = String(files.config[..<files.config.lastIndex(of: "/")!])
        try fs.createDirectories(folder)
        var record = ["created": "yes"]
        if let old = try fs.readFileIfExists(files.config) {
            try fs.createDirectories(backupFolder, mode: 0o700)
            try fs.writeAtomically(backup, old, mode: 0o600)
            record = ["backup": backup]
        }
        try fs.writeAtomically(files.config, Array(config.yaml.utf8), mode: 0o600)
        return record
    }

    func verify(_ run: StepRun) throws {
        guard (try? run.fileSystem.readText(files.config)) == config.yaml else {
            throw StepFailure(
                message: "\(files.config) is not what the plan wrote", fix: "Run help join-cluster again.")
        }
    }

    func undo(_ run: StepRun, record: [String: String]) throws {
        if let backup = record["backup"] {
            try run.fileSystem.writeAtomically(files.config, try run.fileSystem.readFile(backup), mode: 0o600)
        } else {
            try run.fileSystem.remove(files.config)
        }
    }
}

/// K3s itself through its own install.sh, downloaded to a file (verified when the profile pins
/// it) and run with the settings in its environment; verified by the node being Ready (servers)
/// or the agent's service being active (agents without a kubeconfig, said so).
struct K3sInstallStep: ProvisionStep {
    var files: K3sFiles
    var options: JoinClusterOptions
    var node: String
    var pin: NodeProfile.DownloadPin?
    var downloader: @Sendable () -> Downloader

    var id: String { "k3s" }
    var title: String { "K3s \(options.role.rawValue) \(options.k3sVersion ?? "(latest stable)")" }
    var service: String { K3sFiles.service(options.role) }
    var releases: String? { options.mirror.map { $0 + "/github.com/k3s-io/k3s/releases" } }

    func plan(_ run: StepRun) -> [PlannedAction] {
        let source =
            "download \(K3sInstaller.scriptURL)"
            + (pin != nil ? " (sha256 pinned)" : " (not pinned: its sha256 is shown)")
        return [
            PlannedAction(source),
            PlannedAction(K3sInstaller.command(script: "<install.sh>", options: options, releases: releases)),
        ]
            + [PlannedAction("verify: " + verifyText)]
    }

    var verifyText: String {
        options.role == .server
            ? "k3s kubectl wait --for=condition=Ready node/\(node)"
            : "systemctl is-active \(service) (the server's view needs a kubeconfig)"
    }

    func check(_ run: StepRun) throws -> Bool {
        run.fileSystem.exists(files.uninstallScript(options.role))
            && run.succeeds(Command("systemctl", ["is-active", service], timeout: 30))
    }

    func apply(_ run: StepRun) throws -> [String: String] {
        let fetcher = downloader()
        let script: String
        if let pin {
            script = try fetcher.fetch(DownloadRequest(url: pin.url, sha256: pin.sha256, name: "k3s-install.sh")).path
        } else {
            let text = try fetcher.fetchText(K3sInstaller.scriptURL)
            try run.fileSystem.createDirectories(fetcher.cacheFolder)
            let folder = try run.fileSystem.makeUniqueDirectory(prefix: fetcher.cacheFolder + "/.k3s-")
            script = folder + "/install.sh"
            try run.fileSystem.writeAtomically(script, Array(text.utf8), mode: 0o700)
            run.console.warn("install.sh is not pinned; running it as fetched (pin it in the cluster profile).")
        }
        try run.run(
            K3sInstaller.command(script: script, options: options, releases: releases),
            fix: "Read install.sh's output above; it needs root and systemd or OpenRC.", transient: true)
        return ["installed": options.role.rawValue]
    }

    func verify(_ run: StepRun) throws {
        if options.role == .server {
            try run.run(
                Command(
                    "k3s", ["kubectl", "wait", "--for=condition=Ready", "node/\(node)", "--timeout=120s"], timeout: 150),
                fix: "Look at journalctl -u k3s.", transient: true)
        } else {
            try run.run(
                Command("systemctl", ["is-active", service], timeout: 30),
                fix: "Look at journalctl -u \(service); the server must reach this machine over the tailnet.",
                transient: true)
        }
    }

    func undo(_ run: StepRun, record: [String: String]) throws {
        try run.run(Command("sh", [files.uninstallScript(options.role)], timeout: 600), fix: "Run it by hand.")
    }
}

/// GPU scheduling on a server: the NVIDIA device plugin and the time-slicing ConfigMap from
/// `Templates/k8s/`, applied with `k3s kubectl`, verified by `nvidia.com/gpu` capacity on the node.
struct K3sGPUStep: ProvisionStep {
    var manifests: [TemplateLocator.Manifest]
    var node: String

    var id: String { "gpu" }
    var title: String { "NVIDIA device plugin" }

    func plan(_ run: StepRun) -> [PlannedAction] {
        manifests.map {
            PlannedAction(GPUSupport.applyCommand($0).displayLine + " < " + ($0.source.path ?? $0.source.name))
        }
    }

    func check(_ run: StepRun) throws -> Bool { false }

    func apply(_ run: StepRun) throws -> [String: String] {
        for manifest in manifests {
            try run.run(
                GPUSupport.applyCommand(manifest),
                fix: "Check the manifest \(manifest.source.path ?? manifest.source.name).", transient: true)
        }
        return [:]
    }

    func verify(_ run: StepRun) throws {
        let result = try run.run(GPUSupport.capacityCommand(node: node), fix: "Look at the device plugin's pods.")
        guard let count = Int(result.stdout.trimming(" \n")), count > 0 else {
            throw StepFailure(
                message: "node \(node) reports no nvidia.com/gpu capacity yet",
                fix: "kubectl -n kube-system logs ds/nvidia-device-plugin-daemonset", transient: true)
        }
    }
}
