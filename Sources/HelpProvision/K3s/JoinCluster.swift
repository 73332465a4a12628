import HelpProject
import HelpSystem

/// `help join-cluster`: the preflight, then the steps (config.yaml, K3s's installer, GPU
/// scheduling on servers, Flux when asked) on the step engine with state `cluster`.
public struct JoinCluster: Sendable {
    public var options: JoinClusterOptions
    public var context: Context
    public var files: K3sFiles
    public var stateFolder: ProvisionStateFolder
    public var profile: NodeProfile?
    public var node: String
    /// The cluster's kubeconfig given with `--kubeconfig`: an agent's Ready check asks the server.
    public var kubeconfig: String?

    public init(options: JoinClusterOptions, context: Context, profile: NodeProfile?) throws {
        guard let folder = ProvisionStateFolder(name: "cluster", environment: context.environment) else {
            throw HelpError.unavailable("no HOME to keep the cluster state in", hint: "Set HOME (or XDG_STATE_HOME).")
        }
        self.options = options
        self.context = context
        self.profile = profile
        stateFolder = folder
        files = K3sFiles(environment: context.environment)
        node = NodeName.current(environment: context.environment)
    }

    /// The Tailscale IPv4, whether there is a real `tailscale0`, and the MagicDNS name (which the
    /// server certificate is also made valid for); nil when Tailscale is not up.
    public func tailnet() -> (ip: String, tun: Bool, dnsName: String?)? {
        let tailscale = Tailscale()
        guard let status = try? context.runner.run(tailscale.statusCommand), status.succeeded,
            let state = try? Tailscale.parseState(status.stdout), state.isUp,
            let ip = try? context.runner.run(tailscale.ipCommand), let address = Tailscale.parseIPv4(ip.stdout)
        else { return nil }
        return (address, state.hasTUN && context.fileSystem.exists(files.tailscaleInterface), state.dnsName)
    }

    /// What must hold before anything is written; exit 69 naming what is missing.
    public func preflight() throws -> (ip: String, dnsName: String?) {
        let fs = context.fileSystem
        if files.isRealRoot && !Platform.detect(environment: context.environment).isRoot {
            throw HelpError.unavailable("join-cluster installs K3s and needs root", hint: "Run it with sudo.")
        }
        guard fs.exists(files.systemctl) || fs.exists(files.path("/usr/bin/systemctl")) || fs.exists(files.openrc)
        else {
            throw HelpError.unavailable(
                "this machine has neither systemd nor OpenRC, and K3s's installer needs one of them to run K3s as a service",
                hint: "Use a distribution with systemd or OpenRC (containers usually have neither).")
        }
        if options.gitops != nil && context.runner.locate("flux") == nil {
            throw HelpError.unavailable(
                "--gitops-url needs the flux command, which is not installed",
                hint: "Install the Flux CLI (https://fluxcd.io/flux/installation/), or leave out --gitops-url.")
        }
        guard let tailnet = tailnet() else {
            throw HelpError.unavailable("Tailscale is not up", hint: "Run help setup-node (or tailscale up) first.")
        }
        guard tailnet.tun else {
            throw HelpError.unavailable(
                "Tailscale runs without a tailscale0 interface (userspace networking); flannel needs that interface",
                hint: "Run tailscaled with a TUN device (not --tun=userspace-networking).")
        }
        if options.role == .agent, let server = options.server,
            !NetworkProbe.canConnect(host: server.host, port: server.port, timeout: 5)
        {
            throw HelpError.unavailable(
                "the server \(server.url) cannot be reached from here",
                hint: "Check that both machines are on the tailnet and the server's port \(server.port) is open.")
        }
        return (tailnet.ip, tailnet.dnsName)
    }

    /// The steps, for the node's Tailscale IP (a placeholder for a plan made before Tailscale is up).
    public func steps(nodeIP: String, dnsName: String? = nil) throws -> [any ProvisionStep] {
        let gpu = try GPUSupport.detect(runner: context.runner).enabled(options.gpu)
        let config = K3sConfig(options: options, nodeIP: nodeIP, dnsName: dnsName, gpu: gpu)
        let mirror = try options.mirror.map(DownloadMirror.init)
        let context = context
        let downloader: @Sendable () -> Downloader = { Downloader.verifying(context: context, mirror: mirror) }
        var steps: [any ProvisionStep] = [
            K3sConfigStep(files: files, config: config, backupFolder: stateFolder.file("backups")),
            K3sInstallStep(
                files: files, options: options, node: node, pin: profile?.pin("k3s-install", platform: "any"),
                downloader: downloader,
                kubectl: options.role == .agent
                    ? Kubectl.find(
                        files: files, given: kubeconfig, environment: context.environment,
                        fileSystem: context.fileSystem) : nil),
        ]
        if gpu && options.role == .server {
            let manifests = try GPUSupport.manifests(
                locator: TemplateLocator(),
                projectRoot: (try? ProjectLocator.locate(from: context.workingDirectory))?.path,
                timeSlicing: options.timeSlicing)
            steps.append(K3sGPUStep(manifests: manifests, node: node))
        }
        if let gitops = options.gitops {
            steps.append(
                K3sFluxStep(
                    gitops: gitops, files: files,
                    username: context.environment["GIT_USERNAME"].flatMap {
                        $0.isEmpty ? nil : $0
                    }, password: gitPassword))
        }
        return steps
    }

    public func engine(nodeIP: String, dnsName: String? = nil) throws -> StepEngine {
        StepEngine(steps: try steps(nodeIP: nodeIP, dnsName: dnsName), stateFile: stateFolder.file("state.json"))
    }

    /// `GIT_PASSWORD` for Flux, when set.
    var gitPassword: Secret? {
        context.environment["GIT_PASSWORD"].flatMap { $0.isEmpty ? nil : Secret($0) }
    }

    public func makeRun() -> StepRun {
        var secrets: [String: Secret] = [:]
        if let token = options.token { secrets["K3S_TOKEN"] = token }
        if options.gitops != nil, let gitPassword { secrets["GIT_PASSWORD"] = gitPassword }
        return StepRun(context: context, secrets: secrets)
    }
}
