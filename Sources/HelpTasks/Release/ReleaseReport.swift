import HelpSystem

/// The outcome of `help release` (or its plan, with `--dry-run`): each component's version and
/// artifacts, every step with its command and status, and exactly what was published and pushed.
public struct ReleaseReport: Sendable {
    /// One released component.
    public struct Entry: Sendable, Equatable {
        public var component: String
        public var version: String
        public var previousVersion: String?
        /// Artifacts, relative to the project root (expected names in a dry run).
        public var artifacts: [String]
    }

    public var dryRun: Bool
    public var entries: [Entry]
    public var steps: [ReleaseStep]
    public var tags: [String]
    /// The release commit, while it stands (nil when none was made or it was undone).
    public var commit: String?
    public var published: [String] = []
    /// Artifacts meant for publishing that did not reach the index.
    public var notPublished: [String] = []
    public var pushed = false
    /// True when a failure before the push undid the commit and tags and restored the files.
    public var rolledBack = false
    public var failure: HelpError?

    /// The lines for people: the steps (the plan in a dry run), then what was published and pushed.
    public var lines: [String] {
        var lines: [String] = []
        if dryRun { lines.append("Release plan (dry run, nothing changed):") }
        for (index, step) in steps.enumerated() {
            let status = dryRun ? "" : " [\(step.status.rawValue)]"
            lines.append("\(index + 1). \(step.title)\(status)")
            if let command = step.command { lines.append("   $ " + command) }
        }
        guard !dryRun else { return lines }
        if !published.isEmpty { lines.append("published: " + published.joined(separator: ", ")) }
        if !notPublished.isEmpty { lines.append("not published: " + notPublished.joined(separator: ", ")) }
        if rolledBack {
            lines.append("undone: the release commit and tags; the version files are as they were")
        } else if failure == nil {
            let versions = entries.map { "\($0.component) \($0.version)" }.joined(separator: ", ")
            lines.append("released \(versions)" + (pushed ? ", pushed" : ", not pushed"))
        } else if pushed {
            lines.append("pushed before the failure; nothing was force-pushed or undone")
        }
        return lines
    }

    /// The `--json` document (schema in the README).
    public var json: JSONValue {
        [
            "dry_run": .bool(dryRun),
            "components": .array(
                entries.map {
                    [
                        "component": .string($0.component), "version": .string($0.version),
                        "previous_version": .optional($0.previousVersion), "artifacts": .strings($0.artifacts),
                    ]
                }),
            "steps": .array(
                steps.map {
                    [
                        "step": .string($0.kind.rawValue), "title": .string($0.title), "command": .optional($0.command),
                        "artifact": .optional($0.artifact), "status": .string($0.status.rawValue),
                    ]
                }),
            "tags": .strings(tags), "commit": .optional(commit),
            "published": .strings(published), "not_published": .strings(notPublished),
            "pushed": .bool(pushed), "rolled_back": .bool(rolledBack),
            "failed": .bool(failure != nil), "error": .optional(failure?.message),
        ]
    }
}
