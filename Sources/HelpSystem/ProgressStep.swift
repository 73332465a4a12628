/// One piece of visible work ("Installing server deps"): a spinner with elapsed time and detail on
/// an animating terminal, or a plain `==> title` line and an `ok title (1.2s)` line elsewhere (CI,
/// pipes, dumb terminals). Finish it exactly once; finishing again does nothing.
public final class ProgressStep: @unchecked Sendable {
    /// How a step ended.
    public enum Outcome: Sendable {
        case ok, failed, skipped
    }

    public let title: String
    let started: MonotonicTime
    private let console: Console
    private let lock = Mutex()
    private var currentDetail: String?
    private var finished = false

    init(title: String, console: Console) {
        self.title = title
        self.console = console
        self.started = MonotonicTime.now()
    }

    /// What the step is doing right now ("resolving", "12/40"): shown beside the spinner; a
    /// detail line with `-v` on a plain console.
    public func update(_ detail: String) {
        lock.withLock { currentDetail = detail }
        if console.style.animate {
            console.progress.redraw(on: console)
        } else {
            console.detail("    " + title + ": " + detail)
        }
    }

    /// Ends the step with its outcome and an optional last word ("3 packages", "up to date").
    /// Takes the step off the redrawn line without a line of its own: for callers that report
    /// the result themselves (`help test`'s summary table).
    public func end() {
        let first = lock.withLock { () -> Bool in
            defer { finished = true }
            return !finished
        }
        if first { console.progress.remove(self, on: console) }
    }

    public func finish(_ outcome: Outcome, _ detail: String? = nil) {
        let first = lock.withLock { () -> Bool in
            defer { finished = true }
            return !finished
        }
        guard first else { return }
        console.progress.remove(self, on: console)
        let elapsed = ProgressStep.format(seconds: MonotonicTime.now().seconds(since: started))
        let suffix = (detail.map { ": " + $0 } ?? "") + " (" + elapsed + ")"
        let animate = console.style.animate
        switch outcome {
        case .ok: console.info(console.paint(animate ? "✓" : "ok", .green) + " " + title + suffix)
        case .failed: console.info(console.paint(animate ? "✗" : "failed", .red) + " " + title + suffix)
        case .skipped: console.info(console.paint(animate ? "-" : "skipped", .yellow) + " " + title + suffix)
        }
    }

    /// The spinner line for this step at animation frame `frame`.
    func statusLine(frame: Int) -> String {
        let detail = lock.withLock { currentDetail }
        let spinner = ProgressStep.frames[frame % ProgressStep.frames.count]
        let elapsed = ProgressStep.format(seconds: MonotonicTime.now().seconds(since: started))
        return console.paint(spinner, .cyan) + " " + title + (detail.map { " — " + $0 } ?? "") + " "
            + console.paint("(" + elapsed + ")", .dim)
    }

    static let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// `0.4s`, `12.3s`, `2m05s`.
    static func format(seconds: Double) -> String {
        if seconds < 60 {
            let tenths = Int((seconds * 10).rounded())
            return "\(tenths / 10).\(tenths % 10)s"
        }
        let whole = Int(seconds)
        let rest = whole % 60
        return "\(whole / 60)m" + (rest < 10 ? "0" : "") + "\(rest)s"
    }
}

extension Console {
    /// Starts a step; call `finish` on the handle when it is done.
    public func beginStep(_ title: String) -> ProgressStep {
        let step = ProgressStep(title: title, console: self)
        if style.animate {
            progress.add(step, on: self)
        } else {
            info(paint("==>", .bold) + " " + title)
        }
        return step
    }

    /// Runs `body` as a step: `ok` when it returns, `failed` (with the error) when it throws. The
    /// body may still finish the step itself (as skipped, say) before returning.
    @discardableResult
    public func step<T>(_ title: String, _ body: (ProgressStep) throws -> T) rethrows -> T {
        let step = beginStep(title)
        do {
            let value = try body(step)
            step.finish(.ok)
            return value
        } catch {
            step.finish(.failed, (error as? HelpError)?.message)
            throw error
        }
    }
}
