/// What a component asks of its Python interpreter: the `.python-version` pin (`3.11`, `3.11.7`)
/// and the `requires-python` specifier of its pyproject. Either may be absent.
public struct InterpreterRequirement: Sendable {
    /// The `.python-version` text, trimmed (`3.11`); nil when the file is absent.
    public var pinnedVersion: String?
    /// The `requires-python` text as written (`>=3.10`), for messages.
    public var requiresPython: String?
    /// Whether a version satisfies `requires-python` (PEP 440 evaluation lives with the specifier).
    public var allows: @Sendable (InterpreterVersion) -> Bool

    public init(pinnedVersion: String? = nil, requiresPython: String? = nil, allows: @escaping @Sendable (InterpreterVersion) -> Bool = { _ in true }) {
        self.pinnedVersion = pinnedVersion
        self.requiresPython = requiresPython
        self.allows = allows
    }

    /// True when `version` matches the pin (by its given parts) and satisfies `requires-python`.
    public func accepts(_ version: InterpreterVersion) -> Bool {
        matchesPin(version) && allows(version)
    }

    /// True when there is no pin or `version` starts with it (`3.11` matches 3.11.7).
    public func matchesPin(_ version: InterpreterVersion) -> Bool {
        guard let pin = pinnedVersion, !pin.isEmpty else { return true }
        let wanted = pin.split(separator: ".").map(String.init)
        let have = ["\(version.major)", "\(version.minor)", "\(version.micro)"]
        guard wanted.count <= 3 else { return false }
        return zip(wanted, have).allSatisfy { $0 == $1 }
    }

    /// Why `version` is refused, in words; nil when it is accepted.
    public func refusal(_ version: InterpreterVersion) -> String? {
        if !matchesPin(version), let pin = pinnedVersion {
            return "Python \(version) does not match .python-version \(pin)"
        }
        if !allows(version) {
            return "Python \(version) does not satisfy requires-python \(requiresPython ?? "")"
        }
        return nil
    }

    /// A short description for messages: `.python-version 3.11, requires-python >=3.10`.
    public var summary: String {
        var parts: [String] = []
        if let pin = pinnedVersion { parts.append(".python-version \(pin)") }
        if let spec = requiresPython { parts.append("requires-python \(spec)") }
        return parts.isEmpty ? "any Python 3" : parts.joined(separator: ", ")
    }
}

/// Chooses the interpreter for a new environment among those found on the machine.
public enum InterpreterChooser {
    /// The best interpreter for `requirement`: an exact match of a `.python-version` pin first;
    /// otherwise the machine's default `python3` when it fits (the version the team most likely
    /// tested with); otherwise the newest one that fits. Nil when none fits.
    public static func choose(from candidates: [PythonInterpreter], for requirement: InterpreterRequirement) -> PythonInterpreter? {
        let fitting = candidates.filter { requirement.accepts($0.version) }
        guard !fitting.isEmpty else { return nil }
        if requirement.pinnedVersion == nil, let fallback = fitting.first(where: { $0.origin == .fallback }) {
            return fallback
        }
        return fitting.max { a, b in
            if a.version != b.version { return a.version < b.version }
            return rank(a.origin) < rank(b.origin)
        }
    }

    /// Pyenv builds are preferred over distribution ones of the same version: they come with pip.
    private static func rank(_ origin: PythonInterpreter.Origin) -> Int {
        switch origin {
        case .pyenv: return 2
        case .path: return 1
        case .fallback: return 0
        }
    }
}
