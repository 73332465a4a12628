/// One base URL that serves every download for providers without internet access
/// (`--mirror URL` or `HELP_MIRROR`). The upstream URL's host and path are kept below the base,
/// the layout `wget --mirror` and `wget -x` produce, so one mirror holds files from many hosts
/// without name clashes: `https://pkgs.tailscale.com/stable/install.sh` is fetched as
/// `BASE/pkgs.tailscale.com/stable/install.sh`.
public struct DownloadMirror: Sendable, Equatable {
    /// The base, without a trailing slash.
    public let base: String

    /// A mirror at `base`; only `http`, `https` and `file` URLs are accepted (exit 64 otherwise).
    public init(_ base: String) throws {
        var trimmed = base
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        let schemes = ["http://", "https://", "file://"]
        guard schemes.contains(where: { trimmed.lowercased().hasPrefix($0) }), trimmed.count > 8 else {
            throw HelpError.usage(
                "'\(base)' is not a mirror URL",
                hint: "Give an http://, https:// or file:// base URL, such as http://10.0.0.5:8000/help-mirror.")
        }
        self.base = trimmed
    }

    /// The mirror from `--mirror` (when given) else `HELP_MIRROR`; nil when neither is set.
    public static func chosen(option: String?, environment: [String: String]) throws -> DownloadMirror? {
        if let option { return try DownloadMirror(option) }
        if let variable = environment["HELP_MIRROR"], !variable.isEmpty { return try DownloadMirror(variable) }
        return nil
    }

    /// Where `url` is served on this mirror.
    public func rewrite(_ url: String) -> String {
        guard let scheme = url.firstRange(of: "://") else { return base + "/" + url }
        let rest = url[scheme.upperBound...]
        return base + "/" + rest
    }
}
