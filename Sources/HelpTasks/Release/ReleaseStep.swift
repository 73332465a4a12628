/// One step of a release as planned and as it went: what it is, the exact command (secrets as
/// `***`), and its status. The list of steps is both the `--dry-run` output and the report.
public struct ReleaseStep: Sendable, Equatable {
    public enum Kind: String, Sendable { case bump, build, commit, tag, publish, push }

    /// `planned` (dry run or not reached yet), `done`, `failed`, `skipped`, `not_run` (after a
    /// failure), `undone` (rolled back after a later failure).
    public enum Status: String, Sendable {
        case planned, done, failed, skipped, undone
        case notRun = "not_run"
    }

    public var kind: Kind
    public var title: String
    /// The command line as it runs, secrets shown as `***`; nil for steps done in-process.
    public var command: String?
    /// For a publish step: the artifact, relative to the project root.
    public var artifact: String?
    public var status: Status = .planned
    /// What the step acts on: the component of a bump, the tag of a tag step, `commit` or `tags`
    /// for a push.
    var subject: String?

    init(_ kind: Kind, _ title: String, command: String? = nil, artifact: String? = nil, subject: String? = nil) {
        self.kind = kind
        self.title = title
        self.command = command
        self.artifact = artifact
        self.subject = subject
    }
}
