import HelpSystem

/// The tool that installs Python packages into an environment.
public enum InstallerKind: String, Sendable, Equatable {
    case pip
    case uv
}

/// Picks pip or uv: `HELP_INSTALLER=pip|uv` decides when set, else uv when it is on PATH (or named
/// by `HELP_UV`), else pip. The reason is shown with `-v` and in `--json`.
public struct InstallerChoice: Sendable, Equatable {
    public var kind: InstallerKind
    /// The uv executable when `kind` is `.uv`.
    public var uvPath: String?
    public var reason: String
    /// Whether installs byte-compile what they install. Only when `PYTHONDONTWRITEBYTECODE` is
    /// set: then Python never writes the `.pyc` files of what it imports, and every later run
    /// would compile each module again. Otherwise Python compiles what is imported on first use,
    /// and compiling every installed module up front was two thirds of an install from local
    /// wheels (uv does not compile by default either).
    public var compilesBytecode: Bool

    public init(kind: InstallerKind, uvPath: String? = nil, reason: String, compilesBytecode: Bool = false) {
        self.kind = kind
        self.uvPath = uvPath
        self.reason = reason
        self.compilesBytecode = compilesBytecode
    }

    /// Decides from the environment and where uv is (nil when absent). An unknown
    /// `HELP_INSTALLER` value, or `uv` asked for but missing, is an error rather than a silent switch.
    public static func decide(environment: [String: String], uvPath: String?) throws -> InstallerChoice {
        var choice = try pick(environment: environment, uvPath: uvPath)
        choice.compilesBytecode = !(environment["PYTHONDONTWRITEBYTECODE"] ?? "").isEmpty
        return choice
    }

    private static func pick(environment: [String: String], uvPath: String?) throws -> InstallerChoice {
        if let wanted = environment["HELP_INSTALLER"], !wanted.isEmpty {
            switch wanted.lowercased() {
            case "pip":
                return InstallerChoice(kind: .pip, reason: "HELP_INSTALLER=pip")
            case "uv":
                guard let uvPath else {
                    throw HelpError.unavailable(
                        "HELP_INSTALLER=uv but uv is not installed",
                        hint: "install uv (pip install uv) or unset HELP_INSTALLER")
                }
                return InstallerChoice(kind: .uv, uvPath: uvPath, reason: "HELP_INSTALLER=uv")
            default:
                throw HelpError.usage("HELP_INSTALLER must be pip or uv, not '\(wanted)'")
            }
        }
        if let uvPath { return InstallerChoice(kind: .uv, uvPath: uvPath, reason: "uv found at \(uvPath)") }
        return InstallerChoice(kind: .pip, reason: "uv not found; using pip")
    }
}
