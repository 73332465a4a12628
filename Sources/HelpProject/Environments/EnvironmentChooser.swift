/// What to do about a component's Python environment, and why (the reason is shown to the user).
public enum EnvironmentDecision: Sendable, Equatable {
    /// An existing environment runs, has pip and fits the component's interpreter requirement.
    case reuse(VirtualEnvironment, reason: String)
    /// No usable environment: make one at this place.
    case create(VirtualEnvironment, reason: String)
    /// The environment in the component is broken or unfit: remove it and make it again. The
    /// reason is printed as a warning.
    case recreate(VirtualEnvironment, reason: String)

    public var environment: VirtualEnvironment {
        switch self {
        case .reuse(let env, _), .create(let env, _), .recreate(let env, _): return env
        }
    }

    public var reason: String {
        switch self {
        case .reuse(_, let reason), .create(_, let reason), .recreate(_, let reason): return reason
        }
    }

    /// True when a new environment has to be made.
    public var needsCreation: Bool {
        if case .reuse = self { return false }
        return true
    }
}

/// Finds the environment a component should use: `.venv`, `venv`, `env` in the component, then
/// the same names at the project root; the first whose interpreter runs, has pip and fits wins.
public enum EnvironmentChooser {
    /// Folder names tried, in order.
    public static let folderNames = [".venv", "venv", "env"]

    /// The folders looked at, component first, without repeating the root.
    public static func candidates(componentDirectory: String, rootDirectory: String) -> [VirtualEnvironment] {
        var dirs = folderNames.map { componentDirectory + "/" + $0 }
        if rootDirectory != componentDirectory { dirs += folderNames.map { rootDirectory + "/" + $0 } }
        return dirs.map(VirtualEnvironment.init(root:))
    }

    /// Decides with `isEnvironment` (the folder looks like a venv: it has a pyvenv.cfg) and
    /// `probe` (runs its interpreter). Pure apart from what those two closures do.
    public static func decide(
        componentDirectory: String, rootDirectory: String, requirement: InterpreterRequest,
        isEnvironment: (VirtualEnvironment) -> Bool, probe: (VirtualEnvironment) -> ProbeResult
    ) -> EnvironmentDecision {
        let own = VirtualEnvironment(root: componentDirectory + "/.venv")
        var ownProblem: String?
        var rejected: [String] = []
        for env in candidates(componentDirectory: componentDirectory, rootDirectory: rootDirectory)
        where isEnvironment(env) {
            let label = relativeLabel(env.root, rootDirectory)
            let problem: String
            switch probe(env) {
            case .missing:
                problem = "\(label) is broken: its interpreter is missing"
            case .broken(let why):
                problem = "\(label) is broken: its interpreter does not run (\(why))"
            case .healthy(let version, let hasPip):
                if let refusal = requirement.refusal(version) {
                    problem = "\(label): \(refusal)"
                } else if !hasPip {
                    problem = "\(label) has no pip"
                } else {
                    return .reuse(env, reason: "reusing \(label) (Python \(version), fits \(requirement.summary))")
                }
            }
            if env == own { ownProblem = problem }
            rejected.append(problem)
        }
        if let ownProblem {
            return .recreate(own, reason: ownProblem + "; recreating it")
        }
        let why = rejected.isEmpty ? "no environment found" : rejected.joined(separator: "; ")
        return .create(own, reason: why + "; creating \(relativeLabel(own.root, rootDirectory))")
    }

    /// `server/.venv` for messages, relative to the project root when inside it.
    public static func relativeLabel(_ path: String, _ root: String) -> String {
        if path.hasPrefix(root + "/") { return String(path.dropFirst(root.count + 1)) }
        return path
    }
}
