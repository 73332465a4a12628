import HelpProject

/// How a newly installed requirement is written down when the user gave no specifier:
/// `compatible` (`name~=X.Y`, the default: newer minor releases allowed, next major refused),
/// `exact` (`name==X.Y.Z`) or `none` (the bare name).
public enum PinStyle: String, Sendable, CaseIterable {
    case compatible
    case exact
    case none

    /// The requirement line for `name` at the installed `version`, with `extras` kept
    /// (`uvicorn[standard]~=0.30`). A version that cannot be read falls back to the bare name.
    public func requirement(name: String, extras: [String] = [], installedVersion version: String?) -> String {
        let head = extras.isEmpty ? name : name + "[" + extras.joined(separator: ",") + "]"
        guard let version, let release = PythonVersion(version)?.release, !release.isEmpty else { return head }
        switch self {
        case .none:
            return head
        case .exact:
            return head + "==" + version
        case .compatible:
            // `~=` needs at least two release numbers; `~=X.Y` keeps the major fixed.
            let major = release[0]
            let minor = release.count > 1 ? release[1] : 0
            return head + "~=\(major).\(minor)"
        }
    }
}
