import HelpSystem

/// Which files of a component count as its inputs, on top of what git (or the walker's default
/// ignores) lists: `inputs` globs narrow the set (empty means everything), `exclude` globs remove
/// from it. Patterns are relative to the component folder.
public struct InputRules: Sendable, Equatable {
    public var inputs: [GlobPattern]
    public var exclude: [GlobPattern]

    /// Rules from the `inputs` and `exclude` glob lists of a component's config.
    public init(inputs: [String] = [], exclude: [String] = []) {
        self.inputs = inputs.map(GlobPattern.init)
        self.exclude = exclude.map(GlobPattern.init)
    }

    /// No globs at all: every listed file is an input.
    public var isEmpty: Bool { inputs.isEmpty && exclude.isEmpty }

    /// Whether the relative path (UTF-8) is an input under these rules.
    public func admits(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        if !inputs.isEmpty && !inputs.contains(where: { $0.matches(path: path) }) { return false }
        return !exclude.contains { $0.matches(path: path) }
    }

    /// The same for a `String` path.
    public func admits(_ path: String) -> Bool {
        var copy = path
        return copy.withUTF8 { admits($0) }
    }
}

/// What is never an input when walking outside git (and never an untracked input inside git):
/// version control, virtualenvs, dependency and build output folders, tool caches, our own cache.
public enum DefaultIgnores {
    /// Folder names skipped wherever they appear.
    public static let folderNames: Set<String> = [
        ".git", ".venv", "venv", "node_modules", "__pycache__", HelpCacheFolder.name, "dist", "build",
        ".build", ".mypy_cache", ".pytest_cache", ".ruff_cache",
    ]

    /// Whether a folder of this name is skipped (`.build-*` and `*.egg-info` included).
    public static func ignoresFolder(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        if hasPrefix(name, ".build-") || hasSuffix(name, ".egg-info") { return true }
        guard name.count <= 16, let text = String(validating: name, as: UTF8.self) else { return false }
        return folderNames.contains(text)
    }

    /// Whether a file of this name is skipped: compiled Python, and coverage.py's data files,
    /// which a test run writes beside the tests (a project that does not ignore them would
    /// otherwise look changed after every run).
    public static func ignoresFile(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        hasSuffix(name, ".pyc") || hasPrefix(name, ".coverage.") || (name.count == 9 && hasPrefix(name, ".coverage"))
    }

    /// The same rules as `git ls-files -x` patterns, so git skips those folders while listing
    /// untracked files instead of walking them.
    public static let gitExcludePatterns: [String] =
        folderNames.sorted().map { $0 + "/" } + [".build-*/", "*.egg-info/", "*.pyc", ".coverage", ".coverage.*"]

    // MARK: - Byte helpers

    private static func hasPrefix(_ name: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard name.count >= n else { return false }
        for i in 0..<n where name[i] != prefix.utf8Start[i] { return false }
        return true
    }

    private static func hasSuffix(_ name: UnsafeBufferPointer<UInt8>, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard name.count >= n else { return false }
        let offset = name.count - n
        for i in 0..<n where name[offset + i] != suffix.utf8Start[i] { return false }
        return true
    }
}
