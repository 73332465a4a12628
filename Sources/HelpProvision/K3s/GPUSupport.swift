import HelpProject
import HelpSystem

/// What makes a node schedulable for GPU work: the NVIDIA driver (`nvidia-smi`) and container
/// runtime (`nvidia-container-runtime`, which K3s finds and registers as the `nvidia` runtime),
/// the `nvidia.com/gpu.present=true` label the device plugin schedules on, and on a server the
/// device plugin DaemonSet and its time-slicing ConfigMap from `Templates/k8s/`.
public struct GPUSupport: Sendable, Equatable {
    /// The label the NVIDIA device plugin's DaemonSet selects nodes by.
    public static let presentLabel = NodeLabel(key: "nvidia.com/gpu.present", value: "true")
    /// The manifests applied on a server, in order (the ConfigMap first: the plugin reads it).
    public static let manifestNames = ["nvidia-time-slicing", "nvidia-device-plugin"]

    /// The GPUs `nvidia-smi -L` listed (empty when it is missing or failed).
    public var gpus: [String]
    public var hasSMI: Bool
    public var hasContainerRuntime: Bool

    public init(gpus: [String], hasSMI: Bool, hasContainerRuntime: Bool) {
        self.gpus = gpus
        self.hasSMI = hasSMI
        self.hasContainerRuntime = hasContainerRuntime
    }

    /// Looks for the driver and runtime on this machine, and asks the driver for its GPUs.
    public static func detect(runner: any ProcessRunner) -> GPUSupport {
        let smi = runner.locate("nvidia-smi") != nil
        var gpus: [String] = []
        if smi, let result = try? runner.run(Command("nvidia-smi", ["-L"], timeout: 30)), result.succeeded {
            gpus = result.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("GPU ") }
        }
        return GPUSupport(
            gpus: gpus, hasSMI: smi, hasContainerRuntime: runner.locate("nvidia-container-runtime") != nil)
    }

    /// Whether the node is set up for GPUs under `mode`: `auto` when a GPU and the runtime are
    /// there, `on` insists (exit 69 naming what is missing), `off` never.
    public func enabled(_ mode: JoinClusterOptions.GPUMode) throws -> Bool {
        switch mode {
        case .off: return false
        case .auto: return !gpus.isEmpty && hasContainerRuntime
        case .on:
            if !hasSMI || gpus.isEmpty {
                throw HelpError.unavailable(
                    hasSMI ? "nvidia-smi lists no GPU" : "--gpu on, but nvidia-smi is not installed",
                    hint: "install the NVIDIA driver first, or use --gpu auto")
            }
            if !hasContainerRuntime {
                throw HelpError.unavailable(
                    "--gpu on, but nvidia-container-runtime is not installed (K3s needs it to run GPU pods)",
                    hint: "install the NVIDIA Container Toolkit (nvidia-container-toolkit), then run this again")
            }
            return true
        }
    }

    /// The manifests to apply, each filled in (`replicas`: the GPU sharing, 1 without it).
    public static func manifests(
        locator: TemplateLocator, projectRoot: String?, timeSlicing: Int?
    ) throws -> [TemplateLocator.Manifest] {
        try manifestNames.map { name in
            var manifest = try locator.manifest(named: name, root: projectRoot)
            manifest.text = manifest.filled(["replicas": String(timeSlicing ?? 1)])
            return manifest
        }
    }

    /// `k3s kubectl apply -f -` with the manifest on stdin: nothing is left in a temporary file.
    public static func applyCommand(_ manifest: TemplateLocator.Manifest) -> Command {
        Command("k3s", ["kubectl", "apply", "-f", "-"], input: .bytes(Array(manifest.text.utf8)), timeout: 120)
    }

    /// Asks for the node's `nvidia.com/gpu` capacity; the device plugin has registered once it is
    /// a number above zero.
    public static func capacityCommand(node: String) -> Command {
        Command(
            "k3s", ["kubectl", "get", "node", node, "-o", "jsonpath={.status.capacity.nvidia\\.com/gpu}"], timeout: 60)
    }
}
