import HelpSystem

/// The git side of a release, run in the project root with the real `git`: whether the work tree
/// is clean, which remote to push to, and the commands that commit, tag, push and undo. Commands
/// are plain values so `--dry-run` prints exactly what would run.
struct ReleaseGit {
    let root: String
    let runner: any ProcessRunner

    /// `git ARGS` in the project root.
    func command(_ arguments: [String]) -> Command {
        Command("git", arguments, workingDirectory: root, timeout: 600)
    }

    /// Runs a read-only git query; nil when git says no.
    func query(_ arguments: [String]) throws -> String? {
        var probe = command(arguments)
        probe.timeout = 60
        let result = try runner.run(probe)
        guard result.succeeded else { return nil }
        return result.stdout.trimmingCharacters(in: " \n\t")
    }

    /// Refuses the release unless git is installed and the project is inside a work tree.
    func requireRepository() throws {
        guard runner.locate("git") != nil else {
            throw HelpError.unavailable(
                "help release needs git, and it is not installed",
                hint: "Install git (or set HELP_GIT to its path).")
        }
        guard try query(["rev-parse", "--is-inside-work-tree"]) == "true" else {
            throw HelpError.badData(
                "\(root) is not in a git work tree; a release is a commit and a tag",
                hint: "Run 'git init' and commit the project first.")
        }
    }

    /// Paths with uncommitted changes (untracked files count: they would go into the artifacts).
    func changes() throws -> [String] {
        let result = try runner.run(command(["status", "--porcelain", "--untracked-files=normal"]))
        guard result.succeeded else {
            throw HelpError.badData("git status failed" + StepRunner.tail(result, lines: 2))
        }
        return result.stdout.split(separator: "\n").map { String($0.dropFirst(3)) }
    }

    /// The commit HEAD points to; nil in a repository without commits.
    func head() throws -> String? { try query(["rev-parse", "--verify", "-q", "HEAD"]) }

    func tagExists(_ tag: String) throws -> Bool {
        try query(["rev-parse", "--verify", "-q", "refs/tags/" + tag]) != nil
    }

    /// The remote the current branch tracks (else `origin`, else the only remote), and whether the
    /// branch has an upstream there (then a plain `git push` pushes it).
    func pushTarget() throws -> (name: String, upstream: Bool)? {
        if let branch = try query(["symbolic-ref", "--short", "-q", "HEAD"]),
            let remote = try query(["config", "--get", "branch.\(branch).remote"]), !remote.isEmpty
        {
            return (remote, true)
        }
        let remotes = (try query(["remote"]) ?? "").split(separator: "\n").map(String.init)
        if remotes.contains("origin") { return ("origin", false) }
        return remotes.count == 1 ? (remotes[0], false) : nil
    }

    // MARK: - The commands of a release

    /// Commits only the version files (`--only`), whatever else is staged.
    func commit(message: String, files: [String]) -> Command {
        command(["commit", "-q", "-m", message, "--only", "--"] + files)
    }

    /// An annotated tag on HEAD.
    func tag(_ name: String, message: String) -> Command {
        command(["tag", "-a", name, "-m", message])
    }

    /// Pushes the branch: `git push` when it has an upstream, else `git push REMOTE HEAD`.
    func push(remote: String, upstream: Bool) -> Command {
        command(upstream ? ["push"] : ["push", remote, "HEAD"])
    }

    func pushTags(remote: String, tags: [String]) -> Command {
        command(["push", remote] + tags)
    }

    // MARK: - Undoing

    func deleteTag(_ name: String) -> Command { command(["tag", "-d", name]) }

    /// Moves HEAD back to `commit` and puts the index entries of `files` back as they were there;
    /// the work tree (and anything else staged) is left alone.
    func uncommit(to commit: String, files: [String]) -> [Command] {
        [command(["reset", "-q", "--soft", commit]), command(["reset", "-q", commit, "--"] + files)]
    }
}
