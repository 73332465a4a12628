/// The result of scanning a component: its input files with digests, how they were listed, and
/// what the scan cost (for `-v` output and benchmarks).
public struct InputSet: Sendable {
    /// How the files were listed.
    public enum Source: String, Sendable {
        /// `git ls-files` (tracked plus untracked, not ignored).
        case git
        /// The syscall walker with default ignores (outside git, or git unavailable).
        case walker
    }

    /// The component folder, absolute.
    public var folder: String
    public var source: Source
    public var files: InputFiles
    public var report: ScanReport

    /// A scan result.
    public init(folder: String, source: Source, files: InputFiles, report: ScanReport) {
        self.folder = folder
        self.source = source
        self.files = files
        self.report = report
    }
}

/// What a scan did: files listed, files actually read and hashed, whether the stat cache was
/// rewritten, and the wall time.
public struct ScanReport: Sendable, Equatable {
    public var listed: Int
    public var hashed: Int
    public var statCacheWritten: Bool
    public var seconds: Double

    /// A scan report.
    public init(listed: Int, hashed: Int, statCacheWritten: Bool, seconds: Double) {
        self.listed = listed
        self.hashed = hashed
        self.statCacheWritten = statCacheWritten
        self.seconds = seconds
    }
}
