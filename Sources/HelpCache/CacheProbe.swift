import HelpSystem

/// Computes the cache key of one folder the way the `test` and `build` workflows do (scan with the
/// stat cache, then key), without running or storing anything. Backs `help cache key PATH`, which
/// the cache benchmark times against `git status` and `sha256sum`.
public enum CacheProbe {
    /// The key and what computing it cost.
    public struct Result: Sendable {
        public var key: Digest
        public var files: Int
        /// Files actually read (the rest came from the stat cache).
        public var hashed: Int
        public var source: InputSet.Source
        public var seconds: Double

        /// One line for people and scripts: `<key> files=N hashed=M source=git ms=12.3`.
        public var summary: String {
            let ms = (seconds * 10_000).rounded() / 10
            return "\(key.hex) files=\(files) hashed=\(hashed) source=\(source.rawValue) ms=\(ms)"
        }
    }

    /// Keys the folder `root` (absolute). State lives in `stateDirectory`, by default
    /// `root/.helpcache/state`. `rehash` forgets the stat cache first, so every file is read.
    public static func run(
        root: String, runner: (any ProcessRunner)?, stateDirectory: String? = nil, rehash: Bool = false,
        warn: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> Result {
        let started = MonotonicTime.now()
        guard let root = CacheFiles.realPath(root) else { throw HelpError.io("\(root) does not exist") }
        let state = stateDirectory ?? HelpCacheFolder(projectRoot: root).state
        let scanner = InputScanner(stateDirectory: state, runner: runner, warn: warn)
        if rehash { CacheFiles.removeTree(scanner.statCachePath(root)) }
        let inputs = try scanner.scan(folder: root)
        let salt = try ProjectSalt.load(stateDirectory: state)
        let name = root.split(separator: "/").last.map(String.init) ?? root
        let (key, _) = CacheKeyBuilder(action: "probe", component: name).build(files: inputs.files, salt: salt)
        return Result(
            key: key, files: inputs.files.count, hashed: inputs.report.hashed, source: inputs.source,
            seconds: MonotonicTime.now().seconds(since: started))
    }
}
