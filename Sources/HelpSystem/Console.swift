#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where `help` talks to people and machines. Results go to stdout, progress and diagnostics to
/// stderr. Colors and animation only when `style` says so (TTY, TERM not dumb, NO_COLOR unset);
/// `--json` silences human results so stdout carries one JSON document. Thread-safe: parallel
/// workflows share one console.
public final class Console: @unchecked Sendable {
    /// How chatty the console is.
    public enum Verbosity: Int, Sendable, Comparable {
        case quiet = 0
        case normal = 1
        case verbose = 2
        public static func < (a: Verbosity, b: Verbosity) -> Bool { a.rawValue < b.rawValue }
    }

    /// Decided once from the flags and the terminal.
    public struct Style: Sendable, Equatable {
        public var color: Bool
        /// Spinners and redrawn lines: only on an interactive terminal.
        public var animate: Bool
        public var json: Bool
        public var verbosity: Verbosity

        public init(color: Bool = false, animate: Bool = false, json: Bool = false, verbosity: Verbosity = .normal) {
            self.color = color
            self.animate = animate
            self.json = json
            self.verbosity = verbosity
        }
    }

    /// A destination for text; the real one writes to a file descriptor, tests collect strings.
    public typealias Sink = @Sendable (String) -> Void

    public let style: Style
    private let stdoutSink: Sink
    private let stderrSink: Sink
    private let lock = Mutex()
    /// The redrawn bottom line of an animated console (spinners); every other stderr line is
    /// printed above it. Nil when nothing animates.
    private var status: String?
    /// The steps in progress, shared by every `beginStep` on this console.
    let progress = ProgressBoard()

    public init(style: Style, stdout: @escaping Sink, stderr: @escaping Sink) {
        self.style = style
        self.stdoutSink = stdout
        self.stderrSink = stderr
    }

    /// The console on the real file descriptors 1 and 2.
    public static func standard(style: Style) -> Console {
        Console(
            style: style, stdout: { FileDescriptorWriter.write(1, $0) }, stderr: { FileDescriptorWriter.write(2, $0) })
    }

    // MARK: - Results (stdout)

    /// A line of the command's result for people; suppressed under `--json`.
    public func result(_ line: String) {
        guard !style.json else { return }
        lock.withLock { stdoutSink(line + "\n") }
    }

    /// The one JSON document of a `--json` run.
    public func json(_ document: String) {
        lock.withLock { stdoutSink(document.hasSuffix("\n") ? document : document + "\n") }
    }

    // MARK: - Diagnostics (stderr)

    /// A progress or status line for people.
    public func info(_ line: String) {
        guard style.verbosity >= .normal else { return }
        emit(line + "\n")
    }

    /// Shown only with `-v`: each child command, cache decisions.
    public func detail(_ line: String) {
        guard style.verbosity >= .verbose else { return }
        emit(paint(line, .dim) + "\n")
    }

    /// Something worth knowing that does not stop the run.
    public func warn(_ line: String) {
        emit(paint("warning:", .yellow) + " " + line + "\n")
    }

    /// The error that ends the run, with its hint.
    public func error(_ error: HelpError) {
        var text = paint("error:", .red) + " " + error.message + "\n"
        if let hint = error.hint { text += paint("hint:", .cyan) + " " + hint + "\n" }
        emit(text)
    }

    /// A line of a child's output, with a colored `name |` prefix (dev servers, test runs).
    public func prefixed(_ prefix: String, _ line: String, color: Color = .blue) {
        emit(paint(prefix + " |", color) + " " + line + "\n")
    }

    /// Raw text to stderr.
    public func raw(_ text: String) {
        emit(text)
    }

    // MARK: - Status line

    /// Sets (or with nil, erases) the redrawn bottom line of an animated console. Ignored when the
    /// style does not animate, so callers need not check.
    public func setStatus(_ line: String?) {
        guard style.animate else { return }
        lock.withLock {
            guard status != line else { return }
            stderrSink(Console.eraseLine + (line ?? ""))
            status = line
        }
    }

    /// Carriage return plus "erase entire line".
    static let eraseLine = "\r\u{1B}[2K"

    /// Writes stderr text above the status line (erasing and redrawing it around the text).
    private func emit(_ text: String) {
        lock.withLock {
            if let status {
                stderrSink(Console.eraseLine + text + status)
            } else {
                stderrSink(text)
            }
        }
    }

    // MARK: - Colors

    /// ANSI colors and attributes `paint` knows.
    public enum Color: String, Sendable {
        case red = "31"
        case green = "32"
        case yellow = "33"
        case blue = "34"
        case magenta = "35"
        case cyan = "36"
        case dim = "2"
        case bold = "1"
    }

    /// `text` wrapped in the color's escape codes, or unchanged when the style has no color.
    public func paint(_ text: String, _ color: Color) -> String {
        style.color ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}
