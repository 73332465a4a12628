/// The version of a Python interpreter as `sys.version_info` reports it (final releases only
/// matter for choosing one: 3.11.7).
public struct InterpreterVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var micro: Int

    public init(_ major: Int, _ minor: Int, _ micro: Int = 0) {
        self.major = major
        self.minor = minor
        self.micro = micro
    }

    /// Reads `3.11.7`, `3.11`, or the first word of `Python 3.11.7`; nil when it is not a version.
    public init?(parsing text: String) {
        var word = Substring(text.split(separator: " ").last(where: { $0.first?.isNumber == true }) ?? "")
        if let end = word.firstIndex(where: { !($0.isNumber || $0 == ".") }) { word = word[..<end] }
        let parts = word.split(separator: ".").map { Int($0) }
        guard parts.count >= 2, parts.count <= 3, let major = parts[0], let minor = parts[1] else { return nil }
        self.init(major, minor, parts.count == 3 ? (parts[2] ?? 0) : 0)
    }

    public var description: String { "\(major).\(minor).\(micro)" }
    /// `3.11`: the part that names an interpreter on PATH (`python3.11`) and in `.python-version`.
    public var short: String { "\(major).\(minor)" }

    public static func < (a: InterpreterVersion, b: InterpreterVersion) -> Bool {
        (a.major, a.minor, a.micro) < (b.major, b.minor, b.micro)
    }
}

/// A Python interpreter found on this machine, with where it came from (shown when it is chosen).
public struct PythonInterpreter: Sendable, Hashable, CustomStringConvertible {
    /// How the interpreter was found, in order of preference when versions tie.
    public enum Origin: String, Sendable, Hashable {
        case pyenv
        case path
        case fallback
    }

    public var path: String
    public var version: InterpreterVersion
    public var origin: Origin

    public init(path: String, version: InterpreterVersion, origin: Origin) {
        self.path = path
        self.version = version
        self.origin = origin
    }

    public var description: String { "Python \(version) (\(path))" }
}
