/// The one error type that reaches the user: a one-line message, a hint saying what to do, and the
/// exit code that tells scripts what kind of failure it was.
public struct HelpError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var hint: String?
    public var code: ExitCode

    public init(_ message: String, hint: String? = nil, code: ExitCode = .failure) {
        self.message = message
        self.hint = hint
        self.code = code
    }

    public var description: String { hint.map { "\(message) (hint: \($0))" } ?? message }

    // MARK: - Common shapes

    /// The command line was wrong (exit 64).
    public static func usage(_ message: String, hint: String? = nil) -> HelpError {
        HelpError(message, hint: hint, code: .usage)
    }

    /// An input file or value was malformed (exit 65).
    public static func badData(_ message: String, hint: String? = nil) -> HelpError {
        HelpError(message, hint: hint, code: .dataError)
    }

    /// A needed tool or service is missing (exit 69).
    public static func unavailable(_ message: String, hint: String? = nil) -> HelpError {
        HelpError(message, hint: hint, code: .unavailable)
    }

    /// Reading or writing failed (exit 74).
    public static func io(_ message: String, hint: String? = nil) -> HelpError {
        HelpError(message, hint: hint, code: .ioError)
    }
}
