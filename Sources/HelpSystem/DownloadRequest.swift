/// A file to fetch and the SHA-256 it must have: nothing downloaded is used before it matches.
public struct DownloadRequest: Sendable, Equatable {
    /// Where the file lives upstream (a mirror rewrites it, see `DownloadMirror`).
    public var url: String
    /// The expected SHA-256, lower-case hex.
    public var sha256: String
    /// The file name kept in the cache (installers care about their extension).
    public var name: String
    /// The expected size in bytes when known: draws a bar rather than a byte count.
    public var size: Int64?

    /// A request; the name defaults to the last part of the URL's path.
    public init(url: String, sha256: String, name: String? = nil, size: Int64? = nil) {
        self.url = url
        self.sha256 = sha256.lowercased()
        self.name = name ?? DownloadRequest.fileName(of: url)
        self.size = size
    }

    /// `Miniforge3-Linux-x86_64.sh` for `https://host/a/b/Miniforge3-Linux-x86_64.sh?x=1`.
    public static func fileName(of url: String) -> String {
        let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        let last = path.split(separator: "/").last.map(String.init) ?? "download"
        return last.contains(":") ? "download" : last
    }

    /// True when `text` is 64 hex digits.
    public static func isSHA256(_ text: String) -> Bool {
        text.count == 64 && text.allSatisfy(\.isHexDigit)
    }
}

/// A verified file in the download cache.
public struct DownloadedFile: Sendable, Equatable {
    /// Its path in the cache: `<downloads>/<sha256>/<name>`.
    public var path: String
    /// The URL it came from (after mirror rewriting); the cache's own path when reused.
    public var source: String
    /// True when a verified copy was already in the cache and nothing was fetched.
    public var reused: Bool
    public var bytes: Int64
}

/// The limits that keep a download from waiting on the network forever: a connection must be
/// made within `connect` seconds, and a transfer slower than `lowSpeedBytes` per second for
/// `lowSpeedSeconds` (a stalled server included) is cut and retried.
public struct DownloadTimeouts: Sendable, Equatable {
    public var connect: Double
    public var lowSpeedBytes: Int
    public var lowSpeedSeconds: Int

    public init(connect: Double = 15, lowSpeedBytes: Int = 1024, lowSpeedSeconds: Int = 30) {
        self.connect = connect
        self.lowSpeedBytes = lowSpeedBytes
        self.lowSpeedSeconds = lowSpeedSeconds
    }
}
