/// A Python interpreter found on this machine, with where it came from (shown when it is chosen).
public struct PythonInterpreter: Sendable, Hashable, CustomStringConvertible {
    /// How the interpreter was found, in order of preference when versions tie.
    public enum Origin: String, Sendable, Hashable {
        case pyenv
        case path
        case fallback
    }

    public var path: String
    public var version: PythonVersion
    public var origin: Origin

    public init(path: String, version: PythonVersion, origin: Origin) {
        self.path = path
        self.version = version
        self.origin = origin
    }

    public var description: String { "Python \(version) (\(path))" }
}
