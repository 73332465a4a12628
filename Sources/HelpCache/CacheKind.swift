import HelpSystem

/// The kinds of entries the store keeps, each in its own folder of `.helpcache/`.
public enum CacheKind: String, Sendable, CaseIterable, Comparable {
    /// Test results and their captured output, replayed on a hit.
    case tests
    /// Build artifacts and the manifest of their hashes, restored on a hit.
    case builds
    /// Dependency stamps per environment.
    case deps
    /// Downloaded files, addressed by their SHA-256.
    case downloads

    /// The folder under `.helpcache/`.
    public var folder: String { rawValue }

    /// The kind for a CLI word (`test`, `tests`, `build`, `deps`, `download`...).
    public init?(word: String) {
        switch word {
        case "test", "tests": self = .tests
        case "build", "builds": self = .builds
        case "dep", "deps", "install": self = .deps
        case "download", "downloads": self = .downloads
        default: return nil
        }
    }

    /// Alphabetical, for stable listings.
    public static func < (a: CacheKind, b: CacheKind) -> Bool { a.rawValue < b.rawValue }
}

/// Size and age limits for pruning, and their parsing from the command line and config
/// (`500M`, `2G`, `7d`, `12h`).
public enum CacheLimits {
    /// The default cap on the store's size, applied after each write: 2 GiB.
    public static let defaultMaxSize: UInt64 = 2 << 30
    /// The largest size accepted (1 EiB): far above any disk, far below `UInt64.max`.
    public static let largestSize: UInt64 = 1 << 60
    /// The longest age accepted (100 years): its nanoseconds still fit an `Int64` with room to
    /// subtract from the clock.
    public static let longestAge: Double = 36_500 * 86_400

    /// Bytes from `123`, `500K`, `500M`, `2G`, `1T` (powers of 1024; `B`/`iB` suffixes and
    /// decimals like `1.5G` accepted) up to `largestSize`. Nil for anything else.
    public static func parseSize(_ text: String) -> UInt64? {
        var body = Substring(text.trimmingSpaces.uppercased())
        if body.hasSuffix("IB") { body = body.dropLast(2) } else if body.hasSuffix("B") { body = body.dropLast() }
        let units: [Character: Double] = ["K": 1024, "M": 1_048_576, "G": 1_073_741_824, "T": 1_099_511_627_776]
        var scale = 1.0
        if let last = body.last, let unit = units[last] {
            scale = unit
            body = body.dropLast()
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isNumber || $0 == "." }), let number = Double(body), number >= 0
        else { return nil }
        let bytes = (number * scale).rounded()
        return bytes <= Double(largestSize) ? UInt64(bytes) : nil
    }

    /// Seconds from `90s`, `30m`, `12h`, `7d`, `2w` (a bare number is seconds) up to `longestAge`.
    /// Nil otherwise.
    public static func parseAge(_ text: String) -> Double? {
        var body = Substring(text.trimmingSpaces.lowercased())
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604_800]
        var scale = 1.0
        if let last = body.last, let unit = units[last] {
            scale = unit
            body = body.dropLast()
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isNumber || $0 == "." }), let number = Double(body), number >= 0
        else { return nil }
        let seconds = number * scale
        return seconds <= longestAge ? seconds : nil
    }

    /// An age in whole nanoseconds, clamped to `0...longestAge` so no caller's arithmetic on it
    /// can overflow (NaN counts as zero).
    public static func nanoseconds(ofAge seconds: Double) -> Int64 {
        guard seconds > 0 else { return 0 }
        return Int64(min(seconds, longestAge) * 1e9)
    }

    /// `1.5 GiB`, `320 MiB`, `12 KiB`, `80 B`: for reports.
    public static func formatSize(_ bytes: UInt64) -> String {
        ByteSize.format(bytes)
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (no Foundation).
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
