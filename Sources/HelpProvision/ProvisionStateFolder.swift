import HelpSystem

/// Where provisioning commands keep what they did on this machine, so a later run can resume,
/// verify or undo it: `${XDG_STATE_HOME:-~/.local/state}/help/<name>/` (`node` for setup-node,
/// `cluster` for join-cluster). State belongs to the machine, not to a project, hence not in
/// `.helpcache/`.
public struct ProvisionStateFolder: Sendable, Equatable {
    /// The absolute folder path.
    public let path: String

    /// The folder for `name`, from `XDG_STATE_HOME` when it is set to an absolute path (the XDG
    /// rule: relative values are ignored), else `HOME/.local/state`. Nil when neither is usable.
    public init?(name: String, environment: [String: String]) {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            path = Self.trimmed(state) + "/help/" + name
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            path = Self.trimmed(home) + "/.local/state/help/" + name
        } else {
            return nil
        }
    }

    /// The path of `file` inside the folder.
    public func file(_ file: String) -> String { path + "/" + file }

    private static func trimmed(_ path: String) -> String {
        var result = path
        while result.count > 1 && result.hasSuffix("/") { result.removeLast() }
        return result == "/" ? "" : result
    }
}
