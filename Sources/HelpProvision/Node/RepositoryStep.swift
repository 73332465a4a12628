import HelpSystem

/// The team's repository at the profile's ref: cloned, or fast-forwarded when it is already
/// there (never reset: local work is not ours to throw away), then its `requirements.txt`
/// installed with the environment's pip.
struct RepositoryStep: ProvisionStep {
    var options: SetupNodeOptions
    var url: String

    var id: String { "repository" }
    var title: String { "repository \(url) at \(options.profile.ref ?? "its default branch")" }
    var folder: String { options.repositoryFolder }

    func plan(_ run: StepRun) -> [PlannedAction] {
        var clone = ["clone"]
        if let ref = options.profile.ref { clone += ["--branch", ref] }
        return [
            PlannedAction(Command("git", clone + [url, folder])),
            PlannedAction(
                "or, when \(folder) exists: git -C \(folder) fetch origin \(options.profile.ref ?? "HEAD") && git -C "
                    + "\(folder) merge --ff-only FETCH_HEAD"),
            PlannedAction("python -m pip install -r \(folder)/requirements.txt (when the repository has one)"),
        ]
    }

    func check(_ run: StepRun) throws -> Bool { false }

    func apply(_ run: StepRun) throws -> [String: String] {
        let fix = "Check the URL and ref, and that this machine may read the repository."
        var cloned = false
        if run.fileSystem.exists(folder + "/.git") {
            try run.run(
                Command("git", ["-C", folder, "fetch", "origin", options.profile.ref ?? "HEAD"], timeout: 600),
                fix: fix,
                transient: true)
            try run.run(
                Command("git", ["-C", folder, "merge", "--ff-only", "FETCH_HEAD"], timeout: 120),
                fix: "\(folder) has local commits; merge them by hand, then run again.")
        } else {
            var clone = ["clone"]
            if let ref = options.profile.ref { clone += ["--branch", ref] }
            try run.run(Command("git", clone + [url, folder], timeout: 1800), fix: fix, transient: true)
            cloned = true
        }
        if run.fileSystem.exists(folder + "/requirements.txt"), let python = run[fact: "python"] {
            try run.run(
                Command(python, ["-m", "pip", "install", "-r", folder + "/requirements.txt"], timeout: 3600),
                fix: "Fix \(folder)/requirements.txt or the network.", transient: true)
        }
        return cloned ? ["cloned": folder] : [:]
    }

    func verify(_ run: StepRun) throws {
        guard run.fileSystem.exists(folder + "/.git") else {
            throw StepFailure(message: "\(folder) is not a git checkout", fix: "Run help setup-node again.")
        }
    }

    func undo(_ run: StepRun, record: [String: String]) throws {
        if let cloned = record["cloned"] { try run.fileSystem.remove(cloned) }
    }
}
