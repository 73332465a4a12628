import HelpTestSupport
import Testing

@testable import HelpSystem

/// Colors and animation appear only where a person watches a capable terminal.
@Suite struct TerminalTests {
    func terminal(_ env: [String: String], tty: Bool) -> Terminal {
        Terminal(environment: env, isTerminal: { _ in tty })
    }

    @Test func interactiveCapableTerminalGetsColorAndAnimation() {
        let style = terminal(["TERM": "xterm-256color"], tty: true).style()
        #expect(style.color && style.animate)
    }

    @Test func pipesDumbTerminalsNoColorAndCIOptOut() {
        #expect(terminal(["TERM": "xterm"], tty: false).style() == Console.Style())
        #expect(terminal(["TERM": "dumb"], tty: true).style() == Console.Style())
        let noColor = terminal(["TERM": "xterm", "NO_COLOR": "1"], tty: true).style()
        #expect(!noColor.color && noColor.animate)
        let ci = terminal(["TERM": "xterm", "CI": "true"], tty: true).style()
        #expect(ci.color && !ci.animate)
        #expect(!terminal(["TERM": "xterm", "CI": "false"], tty: true).isCI)
    }

    @Test func colorFlagOverridesTheTerminal() {
        #expect(terminal(["TERM": "dumb", "NO_COLOR": "1"], tty: false).style(color: .always).color)
        #expect(!terminal(["TERM": "xterm"], tty: true).style(color: .never).color)
        #expect(
            terminal([:], tty: false).style(color: .auto, json: true, verbosity: .quiet)
                == Console.Style(json: true, verbosity: .quiet))
    }

    @Test func widthFallsBackToColumnsThenEighty() {
        // Descriptor -1 is never a terminal.
        #expect(terminal(["COLUMNS": "120"], tty: false).width(of: -1) == 120)
        #expect(terminal(["COLUMNS": "zero"], tty: false).width(of: -1) == 80)
    }
}

/// Steps show as plain lines off a terminal and as one redrawn spinner line on one.
@Suite struct ProgressStepTests {
    @Test func plainConsoleShowsStartAndOutcomeLines() throws {
        let output = BufferConsole(style: Console.Style())
        let value = output.console.step("Installing server deps") { step in
            step.update("resolving")
            return 42
        }
        #expect(value == 42)
        let lines = output.stderrLines
        #expect(lines.count == 2)
        #expect(lines.first == "==> Installing server deps")
        #expect(lines.last?.hasPrefix("ok Installing server deps (") == true)
    }

    @Test func failingBodyMarksTheStepFailedAndRethrows() {
        let output = BufferConsole(style: Console.Style())
        #expect(throws: HelpError.self) {
            try output.console.step("Migrating") { _ in throw HelpError("alembic failed") }
        }
        #expect(output.stderrLines.last?.hasPrefix("failed Migrating: alembic failed (") == true)
    }

    @Test func finishingTwiceReportsOnce() {
        let output = BufferConsole(style: Console.Style())
        let step = output.console.beginStep("Building")
        step.finish(.skipped, "up to date")
        step.finish(.ok)
        #expect(output.stderrLines.count == 2)
        #expect(output.stderrLines.last?.hasPrefix("skipped Building: up to date (") == true)
    }

    @Test func animatedConsoleKeepsOtherLinesAboveTheSpinner() {
        let output = BufferConsole(style: Console.Style(animate: true))
        let step = output.console.beginStep("Starting server")
        output.console.prefixed("server", "listening")
        step.finish(.ok)
        let text = output.stderr
        // The prefixed line is printed after erasing the spinner, which is redrawn after it.
        let marker = Console.eraseLine + "server | listening\n"
        let after = text.firstRange(of: marker).map { text[$0.upperBound...] } ?? ""
        #expect(ProgressStep.frames.contains(String(after.prefix(1))))
        #expect(after.dropFirst().hasPrefix(" Starting server"))
        #expect(text.contains(Console.eraseLine + "✓ Starting server ("))
        #expect(text.hasSuffix(")\n"))
    }

    @Test func durationsReadNaturally() {
        #expect(ProgressStep.format(seconds: 0.44) == "0.4s")
        #expect(ProgressStep.format(seconds: 12.34) == "12.3s")
        #expect(ProgressStep.format(seconds: 125) == "2m05s")
    }

    @Test func statusLineIsCutToTheWidthIgnoringEscapes() {
        let fitted = ProgressBoard.fit("\u{1B}[36m⠋\u{1B}[0m " + String(repeating: "x", count: 100), width: 20)
        #expect(fitted == "\u{1B}[36m⠋\u{1B}[0m " + String(repeating: "x", count: 17) + "\u{1B}[0m")
    }
}
