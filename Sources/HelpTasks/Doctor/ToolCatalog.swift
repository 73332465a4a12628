import HelpProject

/// A tool `help doctor` looks for: how to ask its version, what else must work, when the project
/// needs it, and which package provides it on each system.
public struct ToolSpec: Sendable, Equatable {
    /// When a missing tool is a problem.
    public enum Need: Sendable, Equatable {
        /// Always: `help` itself relies on it.
        case required
        /// Only when the project has a component of this kind.
        case forKind(ComponentKind)
        /// Used by some commands (databases, containers, cluster setup); never fails the check.
        case optional
    }

    /// A command that must succeed for the tool to count as usable (say `python3 -m ensurepip`).
    public struct Check: Sendable, Equatable {
        /// Shown when the check fails: what does not work.
        public var label: String
        public var arguments: [String]
        /// What to do when it fails, when that differs from installing the tool.
        public var fix: InstallHint?

        /// A check running the tool with `arguments`; `fix` replaces the install hint when it fails.
        public init(_ label: String, _ arguments: [String], fix: InstallHint? = nil) {
            self.label = label
            self.arguments = arguments
            self.fix = fix
        }
    }

    public var name: String
    /// What `help` uses it for, one short phrase.
    public var purpose: String
    public var need: Need
    public var versionArguments: [String]
    public var checks: [Check]
    public var install: InstallHint

    /// A tool found as `name` on PATH (or through `HELP_<NAME>`).
    public init(
        _ name: String, purpose: String, need: Need, version: [String] = ["--version"], checks: [Check] = [],
        install: InstallHint
    ) {
        self.name = name
        self.purpose = purpose
        self.need = need
        self.versionArguments = version
        self.checks = checks
        self.install = install
    }
}

/// The tools `help doctor` knows, in the order it lists them.
public enum ToolCatalog {
    /// Debian and Fedora split venv and pip out of the interpreter package; these are the pieces.
    static let pythonInstall = InstallHint(
        apt: ["python3", "python3-venv", "python3-pip"], dnf: ["python3", "python3-pip"], brew: ["python"])

    public static let all: [ToolSpec] = [
        ToolSpec(
            "python3", purpose: "virtualenvs, pip, Python components", need: .required,
            checks: [
                .init(
                    "python3 -m venv cannot install pip (ensurepip missing)", ["-m", "ensurepip", "--version"],
                    fix: InstallHint(apt: ["python3-venv"], dnf: ["python3"], brew: ["python"])),
                .init(
                    "python3 -m pip does not work", ["-m", "pip", "--version"],
                    fix: InstallHint(apt: ["python3-pip"], dnf: ["python3-pip"], brew: ["python"])),
            ], install: pythonInstall),
        ToolSpec(
            "git", purpose: "input lists, commit stamps", need: .required,
            install: InstallHint(apt: ["git"], dnf: ["git"], brew: ["git"])),
        ToolSpec(
            "curl", purpose: "downloads", need: .required,
            install: InstallHint(apt: ["curl"], dnf: ["curl"], brew: ["curl"])),
        ToolSpec(
            "tar", purpose: "release archives", need: .required,
            install: InstallHint(apt: ["tar"], dnf: ["tar"], brew: ["gnu-tar"])),
        ToolSpec(
            "node", purpose: "Node components", need: .forKind(.node),
            install: InstallHint(apt: ["nodejs"], dnf: ["nodejs"], brew: ["node"])),
        ToolSpec(
            "npm", purpose: "Node dependencies and scripts", need: .forKind(.node),
            install: InstallHint(apt: ["npm"], dnf: ["npm"], brew: ["node"])),
        ToolSpec(
            "swift", purpose: "Swift components", need: .forKind(.swift),
            install: InstallHint(manual: "install the toolchain from https://swift.org/install")),
        ToolSpec(
            "uv", purpose: "faster Python installs (pip otherwise)", need: .optional,
            install: InstallHint(dnf: ["uv"], brew: ["uv"], manual: "python3 -m pip install --user uv")),
        ToolSpec(
            "docker", purpose: "containers", need: .optional,
            install: InstallHint(
                apt: ["docker.io"], dnf: ["moby-engine"], manual: "see https://docs.docker.com/engine/install/")),
        ToolSpec(
            "psql", purpose: "database shells and checks", need: .optional,
            install: InstallHint(apt: ["postgresql-client"], dnf: ["postgresql"], brew: ["libpq"])),
        ToolSpec(
            "conda", purpose: "cluster node Python environments", need: .optional,
            install: InstallHint(
                manual: "help setup-node installs Miniforge (or see https://conda-forge.org/download/)")),
        ToolSpec(
            "tailscale", purpose: "the cluster's private network", need: .optional, version: ["version"],
            install: InstallHint(brew: ["tailscale"], manual: "see https://tailscale.com/download/linux")),
        ToolSpec(
            "ray", purpose: "Ray cluster nodes", need: .optional,
            install: InstallHint(manual: "python3 -m pip install 'ray[default]'")),
        ToolSpec(
            "k3s", purpose: "K3s cluster nodes", need: .optional,
            install: InstallHint(manual: "see https://docs.k3s.io/quick-start")),
        ToolSpec(
            "kubectl", purpose: "Kubernetes clusters", need: .optional, version: ["version", "--client"],
            install: InstallHint(
                dnf: ["kubernetes-client"], brew: ["kubectl"], manual: "see https://kubernetes.io/docs/tasks/tools/")),
    ]
}
