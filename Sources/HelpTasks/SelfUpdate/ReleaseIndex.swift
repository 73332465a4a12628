import HelpSystem

/// What a release folder (`HELP_INSTALL_BASE`, the same one install.sh reads) offers: its
/// `SHA256SUMS` lines for `help-<version>-<os>-<arch>.tar.gz` (a line's path may hold a folder,
/// as `dist/SHA256SUMS` writes `help/help-…`), and the version its optional `latest` file names.
/// Without `latest`, the highest version listed for the platform is the latest.
public struct ReleaseIndex: Sendable, Equatable {
    /// One tarball of `help` in SHA256SUMS.
    public struct Entry: Sendable, Equatable {
        public var version: String
        public var sha256: String
        /// Its path below the base URL.
        public var path: String
    }

    /// The release folder install.sh and self-update use when HELP_INSTALL_BASE is not set.
    public static let defaultBase = "https://github.com/help-tool/help/releases/latest/download"

    public var entries: [Entry]

    /// The entries of `sums` for `os`-`architecture`.
    public init(sums: String, os: String, architecture: String) {
        let suffix = "-\(os)-\(architecture).tar.gz"
        entries = sums.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard words.count == 2, DownloadRequest.isSHA256(words[0]) else { return nil }
            var path = words[1].drop { $0 == " " }
            if path.hasPrefix("*") { path = path.dropFirst() }
            let name = path.split(separator: "/").last.map(String.init) ?? ""
            guard name.hasPrefix("help-"), name.hasSuffix(suffix) else { return nil }
            let version = String(name.dropFirst(5).dropLast(suffix.count))
            return Entry(version: version, sha256: words[0].lowercased(), path: String(path))
        }
    }

    /// The entry for `version`, or for the highest version listed when nil.
    public func entry(version: String?) -> Entry? {
        if let version { return entries.first { $0.version == version } }
        return entries.max { Self.isOlder($0.version, than: $1.version) }
    }

    /// Semver order; a version that is not semver sorts below every one that is.
    public static func isOlder(_ a: String, than b: String) -> Bool {
        switch (SemanticVersion(a), SemanticVersion(b)) {
        case (let x?, let y?): return x < y
        case (nil, .some): return true
        case (.some, nil): return false
        case (nil, nil): return a < b
        }
    }
}
