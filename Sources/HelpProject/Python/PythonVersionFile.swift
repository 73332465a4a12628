/// A `.python-version` file as pyenv and uv read it: one version request per line (`3.12`,
/// `3.11.7`, `pypy3.10`, `system`), blank lines and `#` comments ignored; the first line is the one
/// used.
public struct PythonVersionFile: Sendable, Equatable {
    /// The requested versions in file order.
    public var versions: [String]

    /// Parses the file's text.
    public init(text: String) {
        versions = text.split(whereSeparator: \.isNewline)
            .map { PEPText.trim(RequirementsLineParser.stripComment(String($0))) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// The version to use: the first one listed.
    public var primary: String? { versions.first }

    /// The primary request as a CPython version (`3.12` -> 3.12), nil for `system`, `pypy…` and
    /// other names.
    public var version: PythonVersion? {
        guard let primary, primary.first?.isNumber == true else { return nil }
        return PythonVersion(primary)
    }

    /// Whether an interpreter of `candidate` satisfies the primary request: `3.12` accepts any
    /// 3.12.x, `3.11.7` only itself.
    public func accepts(_ candidate: PythonVersion) -> Bool {
        guard let requested = version else { return false }
        if requested.isPrerelease || requested.post != nil || !requested.local.isEmpty { return candidate == requested }
        // `3.12` is a prefix request: same epoch, release starting with 3.12.
        let padded =
            candidate.release + Array(repeating: 0, count: max(0, requested.release.count - candidate.release.count))
        return candidate.epoch == requested.epoch
            && padded.prefix(requested.release.count).elementsEqual(requested.release)
    }
}
