import HelpSystem

/// The root folder of the project `help` works on, and what made it the root.
public struct ProjectRoot: Sendable, Equatable {
    /// Why a folder was taken as the root, strongest reason first.
    public enum Discovery: String, Sendable, Equatable {
        /// The folder holds a `help.json`.
        case helpJSON = "help.json"
        /// The folder holds `.git` (a repository, worktree or submodule).
        case git
        /// Nothing marked a root: the folder `help` was started in (or given with `-C`).
        case startFolder = "start folder"
    }

    /// Absolute path, without a trailing slash.
    public var path: String
    public var discovery: Discovery

    /// A root at `path` (absolute), found for the given reason.
    public init(path: String, discovery: Discovery = .startFolder) {
        self.path = path
        self.discovery = discovery
    }

    /// The root folder's own name, which the root component takes.
    public var name: String { FileProbe.baseName(path) }

    /// `relative` resolved under the root.
    public func resolve(_ relative: String) -> String { FileProbe.join(path, relative) }
}
