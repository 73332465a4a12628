import HelpSystem

/// The root folder of the project `help` works on.
public struct ProjectRoot: Sendable, Equatable {
    public var path: String
    public init(path: String) { self.path = path }
}
