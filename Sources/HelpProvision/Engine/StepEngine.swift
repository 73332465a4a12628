import HelpSystem

/// Runs provisioning steps in order and remembers, step by step, what it did: a re-run skips
/// what is verified (or already true), an interrupted run resumes after the last verified step,
/// `rollback` undoes in reverse only what this tool applied, `status` re-verifies everything.
/// Transient failures retry with `backoff`; a failure names the step, the command, its last
/// output lines and the fix. Used by `setup-node` (state `node`) and `join-cluster` (`cluster`).
public struct StepEngine: Sendable {
    /// How a step ended in this run.
    public enum Outcome: String, Sendable, Equatable {
        /// Done by this run.
        case applied
        /// Verified by an earlier run and still healthy.
        case alreadyVerified = "already-verified"
        /// Found done without us (`check`): recorded, never undone.
        case alreadyThere = "already-there"
        case failed
        case undone
        case healthy
        case unhealthy
    }

    /// One line of a run's report.
    public struct Report: Sendable, Equatable {
        public var id: String
        public var title: String
        public var outcome: Outcome
        public var detail: String?
    }

    public var steps: [any ProvisionStep]
    public var stateFile: String
    public var backoff: Backoff

    public init(steps: [any ProvisionStep], stateFile: String, backoff: Backoff = Backoff(attempts: 3, initial: 2)) {
        self.steps = steps
        self.stateFile = stateFile
        self.backoff = backoff
    }

    // MARK: - Plan

    /// Every step with the exact commands it would run, nothing executed.
    public func plan(_ run: StepRun) -> [(title: String, actions: [PlannedAction])] {
        steps.map { ($0.title, $0.plan(run)) }
    }

    // MARK: - Run

    /// Runs every step not yet verified. Throws a `HelpError` built from the first failure after
    /// saving what was done before it, so the next run resumes there.
    public func run(_ run: StepRun) throws -> [Report] {
        let fs = run.fileSystem
        var state = try ProvisionState.load(stateFile, fileSystem: fs)
        for (key, value) in state.facts where run[fact: key] == nil { run[fact: key] = value }
        state.left = false
        var reports: [Report] = []
        for step in steps {
            let progress = run.console.beginStep(step.title)
            do {
                if let entry = state.entry(step.id), entry.status == "verified", (try? step.verify(run)) != nil {
                    progress.finish(.skipped, "already verified")
                    reports.append(Report(id: step.id, title: step.title, outcome: .alreadyVerified))
                    continue
                }
                if try step.check(run) {
                    try verifyWithRetries(step, run)
                    let kept = state.entry(step.id)
                    state.set(
                        .init(
                            id: step.id, status: "verified", appliedByUs: kept?.appliedByUs ?? false,
                            record: kept?.record ?? [:]))
                    progress.finish(.skipped, "already there")
                    reports.append(Report(id: step.id, title: step.title, outcome: .alreadyThere))
                } else {
                    let record = try backoff.run(isTransient: Self.isTransient, { _ in try step.apply(run) })
                    state.set(.init(id: step.id, status: "applied", appliedByUs: true, record: record))
                    state.facts = run.facts
                    try state.save(stateFile, fileSystem: fs)
                    try verifyWithRetries(step, run)
                    state.set(.init(id: step.id, status: "verified", appliedByUs: true, record: record))
                    progress.finish(.ok)
                    reports.append(Report(id: step.id, title: step.title, outcome: .applied))
                }
                state.facts = run.facts
                try state.save(stateFile, fileSystem: fs)
            } catch {
                progress.finish(.failed)
                state.facts = run.facts
                try? state.save(stateFile, fileSystem: fs)
                throw Self.helpError(error, step: step)
            }
        }
        return reports
    }

    // MARK: - Rollback and status

    /// Undoes, last first, the steps this tool applied (not what it found already there), and
    /// forgets them; the state is marked left. Stops at the first undo that fails, keeping the
    /// rest recorded so a second `--rollback` can carry on.
    public func rollback(_ run: StepRun) throws -> [Report] {
        let fs = run.fileSystem
        var state = try ProvisionState.load(stateFile, fileSystem: fs)
        for (key, value) in state.facts where run[fact: key] == nil { run[fact: key] = value }
        var reports: [Report] = []
        for step in steps.reversed() {
            guard let entry = state.entry(step.id) else { continue }
            if entry.appliedByUs {
                let progress = run.console.beginStep("undo: " + step.title)
                do {
                    try step.undo(run, record: entry.record)
                    progress.finish(.ok)
                } catch {
                    progress.finish(.failed)
                    try? state.save(stateFile, fileSystem: fs)
                    throw Self.helpError(error, step: step)
                }
                reports.append(Report(id: step.id, title: step.title, outcome: .undone))
            }
            state.steps.removeAll { $0.id == step.id }
            try state.save(stateFile, fileSystem: fs)
        }
        state.left = true
        try state.save(stateFile, fileSystem: fs)
        return reports
    }

    /// Verifies every recorded step again, changing nothing.
    public func status(_ run: StepRun) throws -> [Report] {
        let state = try ProvisionState.load(stateFile, fileSystem: run.fileSystem)
        for (key, value) in state.facts where run[fact: key] == nil { run[fact: key] = value }
        return steps.map { step in
            guard state.entry(step.id) != nil else {
                return Report(id: step.id, title: step.title, outcome: .unhealthy, detail: "not done yet")
            }
            do {
                try step.verify(run)
                return Report(id: step.id, title: step.title, outcome: .healthy)
            } catch {
                return Report(id: step.id, title: step.title, outcome: .unhealthy, detail: Self.describe(error))
            }
        }
    }

    // MARK: - Failures

    private func verifyWithRetries(_ step: any ProvisionStep, _ run: StepRun) throws {
        try backoff.run(isTransient: { _ in true }, { _ in try step.verify(run) })
    }

    static func isTransient(_ error: Error) -> Bool {
        (error as? StepFailure)?.transient ?? false
    }

    static func describe(_ error: Error) -> String {
        if let failure = error as? StepFailure { return failure.message }
        if let error = error as? HelpError { return error.message }
        return "\(error)"
    }

    /// `step 'Ray worker' failed: ray failed (exit 1)`, the command and its last lines in the
    /// message, the fix as the hint.
    static func helpError(_ error: Error, step: any ProvisionStep) -> HelpError {
        if let failure = error as? StepFailure {
            var message = "step '\(step.title)' failed: \(failure.message)"
            if let command = failure.command { message += "\n    command: \(command)" }
            if !failure.output.isEmpty { message += "\n    " + failure.output.joined(separator: "\n    ") }
            return HelpError(message, hint: failure.fix, code: failure.code)
        }
        if let error = error as? HelpError {
            return HelpError("step '\(step.title)' failed: \(error.message)", hint: error.hint, code: error.code)
        }
        return HelpError("step '\(step.title)' failed: \(error)")
    }
}
