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

    public static func usage(_ message: String, hint: String? = nil) -> HelpError {
        HelpError(message, hint: hint, code: .usage)
    }

    public static func badData(_ message: String, hint: String? = nil) -> HelpError {
        HelpError(message, hint: hint, code: .dataError)
    }

    public static func unavailable(_ message: String, hint: String? = nil) -> HelpError {
        HelpError(message, hint: hint, code: .unavailable)
    }

    public static func io(_ message: String, hint: String? = nil) -> HelpError {
        HelpError(message, hint: hint, code: .ioError)
    }
}
