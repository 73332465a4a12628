/// Fetches files with the real `curl` and hands them out only once their SHA-256 matches: into a
/// `.part` file beside the cache entry, continued (`-C -`) after a cut, retried with exponential
/// backoff, with a progress bar on a terminal and plain lines elsewhere. Verified files are kept
/// content-addressed in `${XDG_CACHE_HOME:-~/.cache}/help/downloads/<sha256>/<name>`, so a second
/// run (or a second command) uses them without touching the network. A mismatch is refused with
/// exit 65 and the file deleted. Used by every provisioning command.
///
/// The hash comes in as `digest` rather than from this layer: SHA-256 lives in HelpCache (with
/// its SHA-NI code) above HelpSystem, which imports nothing of ours. HelpProvision hands in
/// HelpCache's `FileHasher` (`Downloader.verifying`), so there is still one hasher.
public struct Downloader: Sendable {
    /// The lower-case hex SHA-256 of the file at a path.
    public typealias Digest = @Sendable (_ path: String) throws -> String

    public var runner: any ProcessRunner
    public var fileSystem: FileSystem
    public var console: Console
    /// The cache folder: `<helpCacheHome>/downloads`.
    public var cacheFolder: String
    public var mirror: DownloadMirror?
    public var digest: Digest
    public var backoff: Backoff
    public var timeouts: DownloadTimeouts
    /// Whether the user asked to stop (Ctrl-C): a running transfer is cut and the fetch ends.
    public var interruption: @Sendable () -> Int32?

    /// A downloader for `context`'s world, caching under its user cache folder.
    public init(
        context: Context, mirror: DownloadMirror?, digest: @escaping Digest, backoff: Backoff = Backoff(),
        timeouts: DownloadTimeouts = DownloadTimeouts()
    ) {
        runner = context.runner
        fileSystem = context.fileSystem
        console = context.console
        cacheFolder = Environment(context.environment).helpCacheHome + "/downloads"
        self.mirror = mirror
        self.digest = digest
        self.backoff = backoff
        self.timeouts = timeouts
        interruption = context.interruption
    }

    /// Where `request` is kept once verified.
    public func cachedPath(of request: DownloadRequest) -> String {
        cacheFolder + "/" + request.sha256 + "/" + request.name
    }

    /// The URL `request` is fetched from: its own, or its place on the mirror.
    public func source(of request: DownloadRequest) -> String {
        mirror?.rewrite(request.url) ?? request.url
    }

    // MARK: - Fetching

    /// The verified file for `request`: from the cache when a copy there still matches, else
    /// downloaded and verified. Throws 65 on a checksum mismatch, 75 when the network kept
    /// failing, 69 when the server refuses (404) or curl is missing.
    public func fetch(_ request: DownloadRequest) throws -> DownloadedFile {
        guard DownloadRequest.isSHA256(request.sha256) else {
            throw HelpError.badData(
                "no valid SHA-256 for \(request.name) ('\(request.sha256)')",
                hint: "Pin its 64-hex-digit SHA-256 (help cluster profile records them).")
        }
        let final = cachedPath(of: request)
        let folder = cacheFolder + "/" + request.sha256
        if fileSystem.exists(final) {
            if (try? digest(final)) == request.sha256 {
                let size = (try? fileSystem.stat(final).size) ?? 0
                console.detail("using cached \(request.name) (\(request.sha256.prefix(12)))")
                return DownloadedFile(path: final, source: final, reused: true, bytes: size)
            }
            console.warn("the cached \(request.name) no longer matches its SHA-256; downloading it again")
            try fileSystem.remove(final)
        }
        try fileSystem.createDirectories(folder)
        let part = final + ".part"
        let url = source(of: request)
        let step = console.beginStep("Downloading \(request.name)")
        do {
            try transfer(url: url, to: part, expectedSize: request.size, step: step)
            let actual = try digest(part)
            guard actual == request.sha256 else {
                try? fileSystem.remove(part)
                throw HelpError.badData(
                    "checksum mismatch for \(request.name) from \(url): expected \(request.sha256), got \(actual)",
                    hint: "The file was deleted. The download (or the mirror's copy) is not the pinned file; "
                        + "check the pin in the cluster profile or the mirror.")
            }
            try fileSystem.rename(part, to: final)
            let size = (try? fileSystem.stat(final).size) ?? 0
            step.finish(.ok, "\(ByteSize.format(UInt64(size))), sha256 \(actual.prefix(12)) verified")
            return DownloadedFile(path: final, source: url, reused: false, bytes: size)
        } catch {
            step.finish(.failed, (error as? HelpError)?.message)
            throw error
        }
    }

    /// `url`'s body as text, fetched with the same limits and retries, not cached and not
    /// verified: for small published checksum files (`.sha256` beside a release).
    public func fetchText(_ url: String) throws -> String {
        try fileSystem.createDirectories(cacheFolder)
        let work = try fileSystem.makeUniqueDirectory(prefix: cacheFolder + "/.text-")
        defer { try? fileSystem.remove(work) }
        let part = work + "/body.part"
        let step = console.beginStep("Fetching \(DownloadRequest.fileName(of: url))")
        do {
            try transfer(url: mirror?.rewrite(url) ?? url, to: part, expectedSize: nil, step: step)
            step.finish(.ok)
            return try fileSystem.readText(part)
        } catch {
            step.finish(.failed, (error as? HelpError)?.message)
            throw error
        }
    }
}
