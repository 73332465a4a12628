import HelpSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lists a folder's files the way git sees them: tracked files (`git ls-files -z --cached`) plus
/// untracked ones that are not ignored (`git ls-files -z --others --exclude-standard`, with the
/// default ignores passed as `-x` so git does not even walk a stray virtualenv). Tracked files are
/// always kept; deleted-but-still-indexed ones fall out later, when their stat fails.
public struct GitFileLister: Sendable {
    public var runner: any ProcessRunner

    /// A lister running git through `runner`.
    public init(runner: any ProcessRunner) {
        self.runner = runner
    }

    /// Why git could not list a folder; the scanner then walks it instead.
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    /// The listing, relative to `folder`, in byte order without duplicates; nil outside a git work
    /// tree. Throws `Unavailable` when git is missing or refuses (say, a repository owned by
    /// another user). The two `ls-files` calls run at the same time.
    public func list(_ folder: String) throws -> PathList? {
        guard GitFileLister.isInsideWorkTree(folder) else { return nil }
        var results: [Result<PathList, Error>] = [.success(PathList()), .success(PathList())]
        results.withUnsafeMutableBufferPointer { slots in
            WorkerThreads.run(2) { worker in
                slots[worker] = Result { worker == 0 ? try listTracked(folder) : try listUntracked(folder) }
            }
        }
        return GitFileLister.mergeSorted(try results[0].get(), try results[1].get())
    }

    /// Tracked files (`git ls-files -z --cached`), including deleted ones still in the index.
    public func listTracked(_ folder: String) throws -> PathList {
        try run(folder, ["ls-files", "-z", "--cached"])
    }

    /// Untracked files that are not ignored, outside the default-ignored folders.
    public func listUntracked(_ folder: String) throws -> PathList {
        try run(
            folder,
            ["ls-files", "-z", "--others", "--exclude-standard"]
                + DefaultIgnores.gitExcludePatterns.flatMap { ["-x", $0] })
    }

    /// The `core.excludesFile` git is configured with, if any (`~` expanded by git).
    public func configuredExcludesFile(_ folder: String) -> String? {
        let command = Command("git", ["config", "--path", "--get", "core.excludesFile"], workingDirectory: folder)
        guard let result = try? runner.run(command), result.succeeded else { return nil }
        let path = result.stdout.trimmingSpaces
        return path.isEmpty ? nil : path
    }

    private func run(_ folder: String, _ arguments: [String]) throws -> PathList {
        var command = Command("git", arguments, environment: ["GIT_OPTIONAL_LOCKS": "0"], workingDirectory: folder)
        // The listing is data, megabytes of it in a big tree: the log keeps only its size.
        command.logsStdout = false
        let result: ProcessResult
        do {
            result = try runner.run(command)
        } catch {
            throw Unavailable(description: "git could not run: \(error)")
        }
        guard result.succeeded else {
            let reason = result.stderr.split(separator: "\n").first.map(String.init) ?? "exit \(result.exitCode)"
            throw Unavailable(description: "git ls-files failed: \(reason)")
        }
        return PathList.splittingNUL(Array(result.stdout.utf8))
    }

    // MARK: - Helpers

    /// Whether `folder` or a parent holds `.git` (a folder, or a file in worktrees and submodules).
    public static func isInsideWorkTree(_ folder: String) -> Bool {
        GitRepository.containing(folder) != nil
    }

    /// Both lists in one byte-ordered list; a path in both (an intent-to-add file) appears once.
    /// Each list is usually sorted already (git prints them in index order), so this is a merge.
    static func mergeSorted(_ first: PathList, _ second: PathList) -> PathList {
        let a = first.selecting(first.sortedOrder())
        let b = second.selecting(second.sortedOrder())
        var out = PathList()
        out.reserve(bytes: a.bytes.count + b.bytes.count, paths: a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            let order: Int32 = i == a.count ? 1 : (j == b.count ? -1 : PathList.compare(a, i, b, j))
            if order <= 0 {
                a.withPath(i) { out.appendIfNew($0) }
                i += 1
                if order == 0 { j += 1 }
            } else {
                b.withPath(j) { out.appendIfNew($0) }
                j += 1
            }
        }
        return out
    }
}
