#if canImport(Glibc)
import Glibc
#endif

/// Where `help` talks to people and machines. Results go to stdout, progress and diagnostics to
/// stderr. Colors and animation only when `style` says so (TTY, TERM not dumb, NO_COLOR unset);
/// `--json` silences human results so stdout carries one JSON document. Thread-safe: parallel
/// workflows share one console.
public final class Console: @unchecked Sendable {
    /// How chatty the console is.
    public enum Verbosity: Int, Sendable, Comparable {
        case quiet = 0, normal = 1, verbose = 2
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

    public init(style: Style, stdout: @escaping Sink, stderr: @escaping Sink) {
        self.style = style
        self.stdoutSink = stdout
        self.stderrSink = stderr
    }

    /// The console on the real file descriptors 1 and 2.
    public static func standard(style: Style) -> Console {
        Console(style: style, stdout: { FileDescriptorWriter.write(1, $0) }, stderr: { FileDescriptorWriter.write(2, $0) })
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

    public func info(_ line: String) {
        guard style.verbosity >= .normal else { return }
        lock.withLock { stderrSink(line + "\n") }
    }

    /// Shown only with `-v`: each child command, cache decisions.
    public func detail(_ line: String) {
        guard style.verbosity >= .verbose else { return }
        lock.withLock { stderrSink(paint(line, .dim) + "\n") }
    }

    public func warn(_ line: String) {
        lock.withLock { stderrSink(paint("warning:", .yellow) + " " + line + "\n") }
    }

    public func error(_ error: HelpError) {
        lock.withLock {
            stderrSink(paint("error:", .red) + " " + error.message + "\n")
            if let hint = error.hint { stderrSink(paint("hint:", .cyan) + " " + hint + "\n") }
        }
    }

    /// A line of a child's output, with a colored `name |` prefix (dev servers, test runs).
    public func prefixed(_ prefix: String, _ line: String, color: Color = .blue) {
        lock.withLock { stderrSink(paint(prefix + " |", color) + " " + line + "\n") }
    }

    /// Raw text to stderr (progress redraws).
    public func raw(_ text: String) {
        lock.withLock { stderrSink(text) }
    }

    // MARK: - Colors

    public enum Color: String, Sendable {
        case red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36", dim = "2", bold = "1"
    }

    public func paint(_ text: String, _ color: Color) -> String {
        style.color ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}

/// Writes whole strings to a file descriptor, retrying short writes and EINTR.
public enum FileDescriptorWriter {
    public static func write(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += n
        }
        bytes.removeAll()
    }
}
