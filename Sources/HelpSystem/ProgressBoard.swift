#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The steps running on one animated console and the ticker thread that redraws their spinner
/// line about twelve times a second while any is active; the ticker ends with the last step.
final class ProgressBoard: @unchecked Sendable {
    private let lock = Mutex()
    private var steps: [ProgressStep] = []
    private var frame = 0
    private var ticker: Completion<Void>?

    /// Shows a new step and starts the ticker if it is the first.
    func add(_ step: ProgressStep, on console: Console) {
        let startTicker = lock.withLock { () -> Completion<Void>? in
            steps.append(step)
            guard ticker == nil else { return nil }
            let stop = Completion<Void>()
            ticker = stop
            return stop
        }
        redraw(on: console)
        if let stop = startTicker {
            NativeThread.detach(name: "help-progress") { [weak self, weak console] in
                while stop.wait(timeout: 0.08) == nil {
                    guard let self, let console else { return }
                    self.lock.withLock { self.frame += 1 }
                    self.redraw(on: console)
                }
            }
        }
    }

    /// Takes a finished step off the line; the ticker stops with the last one.
    func remove(_ step: ProgressStep, on console: Console) {
        let stop = lock.withLock { () -> Completion<Void>? in
            steps.removeAll { $0 === step }
            guard steps.isEmpty else { return nil }
            defer { ticker = nil }
            return ticker
        }
        stop?.complete(())
        redraw(on: console)
    }

    /// Draws the newest step's spinner (with a count of the others), cut to the terminal width so
    /// the line never wraps (a wrapped line cannot be erased with `\r`).
    func redraw(on console: Console) {
        let snapshot: (newest: ProgressStep?, others: Int, frame: Int) = lock.withLock {
            (steps.last, steps.count - 1, self.frame)
        }
        let (newest, others, frame) = snapshot
        guard let newest else {
            console.setStatus(nil)
            return
        }
        var line = newest.statusLine(frame: frame)
        if others > 0 { line += " +\(others) more" }
        console.setStatus(ProgressBoard.fit(line, width: Terminal.width(of: 2) ?? 80))
    }

    /// Cuts `line` to `width - 1` visible characters, not counting escape sequences, and resets
    /// colors if it had to cut inside one.
    static func fit(_ line: String, width: Int) -> String {
        let limit = max(10, width - 1)
        var visible = 0
        var result = ""
        var inEscape = false
        for character in line {
            if character == "\u{1B}" { inEscape = true }
            if inEscape {
                result.append(character)
                if character.isLetter { inEscape = false }
                continue
            }
            if visible == limit { return result + "\u{1B}[0m" }
            result.append(character)
            visible += 1
        }
        return result
    }
}
