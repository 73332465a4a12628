import HelpProject
import HelpSystem

/// The outcome of `help install`, as lines for people and one JSON document for `--json`.
/// A failed install inside the transaction is a report with `failure` (and what was rolled back),
/// so the JSON document still says what happened.
public struct InstallReport: Sendable {
    public var dryRun: Bool
    public var packagesRequested: Bool
    /// One per synced component (and the sync that precedes a package install).
    public var outcomes: [SyncOutcome] = []
    public var packages: PackageInstallResult?
    public var node: PlanStep?
    public var failure: HelpError?
    /// Components whose sync failed; the others were still synced.
    public var failedComponents: [ComponentFailure] = []
    /// Why fewer components than all were synced (run inside one's folder).
    public var scope: String?

    public init(dryRun: Bool, packagesRequested: Bool) {
        self.dryRun = dryRun
        self.packagesRequested = packagesRequested
    }

    // MARK: - For people

    public var lines: [String] {
        var lines: [String] = scope.map { [$0] } ?? []
        for outcome in outcomes {
            lines += Self.lines(outcome, dryRun: dryRun) + outcome.notes.map { "  " + $0 }
        }
        lines += failedComponents.map(\.line)
        if let packages {
            if dryRun {
                lines.append("Would run in \(packages.component) (\(packages.environment?.root ?? "new environment")):")
                lines += packages.steps.map { step in
                    "  " + (step.command?.displayLine ?? step.title)
                        + (step.reason.isEmpty ? "" : "    # " + step.reason)
                }
                let files = Set(packages.placements.compactMap(\.file)).sorted()
                lines.append(
                    files.isEmpty
                        ? "No file would change." : "Files that would change: " + files.joined(separator: ", "))
            } else {
                for placement in packages.placements {
                    let version = packages.versions[placement.requirement.normalizedName].map { " \($0)" } ?? ""
                    let verb = failure == nil ? "installed" : "did not install"
                    lines.append(
                        "\(verb) \(placement.requirement.name)\(version) into \(packages.environment?.root ?? packages.component)"
                    )
                    if failure == nil { lines.append("  " + placement.note) }
                }
                for (file, recorded) in packages.recorded.sorted(by: { $0.key < $1.key }) where failure == nil {
                    lines.append("  \(file): " + recorded.joined(separator: ", "))
                }
                if failure == nil {
                    lines += packages.lockNote.map { ["  " + $0] } ?? []
                    lines += packages.replaced.map { "  replaced " + $0 }
                    lines += packages.kept.map { "  kept " + $0 + " (already recorded; give a version to change it)" }
                }
                if !packages.checkFindings.isEmpty {
                    lines.append(
                        "pip check found problems" + (failure == nil ? " (use --strict to make them fatal):" : ":"))
                    lines += packages.checkFindings.map { "  " + $0 }
                }
                if !packages.rolledBack.isEmpty {
                    lines.append("Rolled back:")
                    lines += packages.rolledBack.map { "  " + $0 }
                }
            }
        }
        if let node { lines.append((dryRun ? "Would run: " : "Ran: ") + (node.command?.displayLine ?? node.title)) }
        return lines
    }

    static func lines(_ outcome: SyncOutcome, dryRun: Bool) -> [String] {
        let time =
            outcome.duration < 1
            ? "\(Int(outcome.duration * 1000)) ms"
            : "\(Int(outcome.duration * 10) / 10).\(Int(outcome.duration * 10) % 10) s"
        let place = outcome.environment.map { " (\($0.root))" } ?? ""
        switch outcome.status {
        case .upToDate: return ["\(outcome.component): up to date\(place) in \(time)"]
        case .nothingToDo: return ["\(outcome.component): nothing to install (\(outcome.environmentReason ?? ""))"]
        case .planned:
            return [
                "\(outcome.component): would use \(outcome.environment?.root ?? "npm") — \(outcome.environmentReason ?? "")"
            ]
                + outcome.steps.map { "  " + ($0.command?.displayLine ?? $0.title) }
        case .installed:
            return ["\(outcome.component): installed dependencies\(place) in \(time) with \(outcome.installer ?? "?")"]
        case .created, .recreated:
            return [
                "\(outcome.component): \(outcome.status.rawValue) the environment and installed dependencies\(place) in \(time) with \(outcome.installer ?? "?")"
            ]
        }
    }

    // MARK: - For machines

    /// The stable `--json` schema of `help install`.
    public var json: JSONValue {
        var document: JSONObject = [
            "dry_run": .bool(dryRun),
            "components": .array(outcomes.map(Self.json) + failedComponents.map(\.json)),
        ]
        if let scope { document["scope"] = .string(scope) }
        if let packages {
            document["packages"] = .array(
                packages.placements.map { placement in
                    [
                        "name": .string(placement.requirement.name),
                        "requested": .string(placement.requirement.description),
                        "development": .bool(placement.development), "file": .optional(placement.file),
                        "version": .optional(packages.versions[placement.requirement.normalizedName]),
                        "note": .string(placement.note),
                    ]
                })
            document["component"] = .string(packages.component)
            document["environment"] = .optional(packages.environment?.root)
            document["recorded"] = .object(
                JSONObject(
                    packages.recorded.sorted(by: { $0.key < $1.key }).map { ($0.key, JSONValue.strings($0.value)) }))
            document["check_findings"] = .strings(packages.checkFindings)
            document["replaced"] = .strings(packages.replaced)
            document["kept"] = .strings(packages.kept)
            document["lock"] = .optional(packages.lockNote)
            document["rolled_back"] = .strings(packages.rolledBack)
            document["steps"] = .array(packages.steps.map(Self.json))
        }
        if let node { document["npm"] = Self.json(node) }
        if let failure {
            document["error"] = [
                "message": .string(failure.message), "hint": .optional(failure.hint),
                "code": .int(Int(failure.code.rawValue)),
            ]
        }
        return .object(document)
    }

    static func json(_ outcome: SyncOutcome) -> JSONValue {
        [
            "name": .string(outcome.component), "status": .string(outcome.status.rawValue),
            "environment": .optional(outcome.environment?.root), "python": .optional(outcome.pythonPath),
            "reason": .optional(outcome.environmentReason), "installer": .optional(outcome.installer),
            "seconds": .double(outcome.duration), "steps": .array(outcome.steps.map(json)),
            "project_install": .optional(outcome.projectInstall), "lock_file": .optional(outcome.lockFile),
            "notes": .strings(outcome.notes),
        ]
    }

    static func json(_ step: PlanStep) -> JSONValue {
        [
            "title": .string(step.title),
            "command": step.command.map { .strings([$0.executable] + $0.arguments) } ?? .null,
            "reason": .string(step.reason),
        ]
    }
}
