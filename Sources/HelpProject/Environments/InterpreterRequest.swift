/// What a component asks of its Python interpreter: the `.python-version` request (`3.11`,
/// `3.11.7`) and the `requires-python` specifier of its pyproject. Either may be absent.
public struct InterpreterRequest: Sendable {
    public var pin: PythonVersionFile?
    public var requiresPython: SpecifierSet?
    /// `requires-python` as written (`>=3.10`, or Poetry's `^3.10`), for messages.
    public var requiresPythonText: String?

    public init(pin: PythonVersionFile? = nil, requiresPython: SpecifierSet? = nil, requiresPythonText: String? = nil) {
        self.pin = pin
        self.requiresPython = requiresPython
        self.requiresPythonText = requiresPythonText ?? requiresPython?.description
    }

    /// True when `version` matches the pin and satisfies `requires-python`.
    public func accepts(_ version: PythonVersion) -> Bool { refusal(version) == nil }

    /// Why `version` is refused, in words; nil when it is accepted.
    public func refusal(_ version: PythonVersion) -> String? {
        if let pin, let wanted = pin.primary, !pin.accepts(version) {
            return "Python \(version) does not match .python-version \(wanted)"
        }
        if let requiresPython, !requiresPython.contains(version, prereleases: true) {
            return
                "Python \(version) does not satisfy requires-python \(requiresPythonText ?? requiresPython.description)"
        }
        return nil
    }

    /// A short description for messages: `.python-version 3.11, requires-python >=3.10`.
    public var summary: String {
        var parts: [String] = []
        if let wanted = pin?.primary { parts.append(".python-version \(wanted)") }
        if let text = requiresPythonText { parts.append("requires-python \(text)") }
        return parts.isEmpty ? "any Python 3" : parts.joined(separator: ", ")
    }
}

/// Chooses the interpreter for a new environment among those found on the machine.
public enum InterpreterChooser {
    /// The best interpreter for `request`: an exact match of a `.python-version` pin first;
    /// otherwise the machine's default `python3` when it fits (the version the team most likely
    /// tested with); otherwise the newest one that fits. Nil when none fits.
    public static func choose(from candidates: [PythonInterpreter], for request: InterpreterRequest)
        -> PythonInterpreter?
    {
        let fitting = candidates.filter { request.accepts($0.version) }
        guard !fitting.isEmpty else { return nil }
        if request.pin?.primary == nil, let fallback = fitting.first(where: { $0.origin == .fallback }) {
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

extension PythonVersion {
    /// An interpreter's own report of its version: `3.11.7`, `Python 3.11.7`, or uv's
    /// `version_info = 3.12.1.final.0`; nil when the text holds no `X.Y` version.
    public init?(interpreterReport text: String) {
        var word = Substring(text.split(separator: " ").last(where: { $0.first?.isNumber == true }) ?? "")
        if let end = word.firstIndex(where: { !($0.isNumber || $0 == ".") }) { word = word[..<end] }
        let numbers = word.split(separator: ".").prefix(3).compactMap { Int($0) }
        guard numbers.count >= 2 else { return nil }
        self.init(release: numbers)
    }

    /// `3.11`: the part that names an interpreter on PATH (`python3.11`).
    public var majorMinor: String { release.prefix(2).map(String.init).joined(separator: ".") }
}
