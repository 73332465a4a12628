#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `--color` choice.
public enum ColorChoice: String, Sendable, CaseIterable {
    case auto, always, never
}

/// What kind of terminal (if any) `help` talks to, decided from the descriptors and the
/// environment: colors and animation only on an interactive, capable terminal that has not opted
/// out (TERM=dumb, NO_COLOR, CI).
public struct Terminal: Sendable {
    public var environment: [String: String]
    /// Whether a descriptor is an interactive terminal; tests pass a fixed answer.
    public var isTerminal: @Sendable (Int32) -> Bool

    public init(environment: [String: String], isTerminal: @escaping @Sendable (Int32) -> Bool = { isatty($0) == 1 }) {
        self.environment = environment
        self.isTerminal = isTerminal
    }

    // MARK: - Facts

    /// TERM unset or `dumb` (Emacs shells, some CI logs): no escape sequences.
    public var isDumb: Bool {
        let term = environment["TERM"] ?? ""
        return term.isEmpty || term == "dumb"
    }

    /// NO_COLOR set to anything non-empty (no-color.org).
    public var noColor: Bool { !(environment["NO_COLOR"] ?? "").isEmpty }

    /// Running under a CI service: logs are files, so no redrawn lines even if a pty is attached.
    public var isCI: Bool {
        let env = Environment(environment)
        return env.isEnabled("CI")
            || ["GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "TF_BUILD", "JENKINS_URL", "TEAMCITY_VERSION"]
                .contains { !(environment[$0] ?? "").isEmpty }
    }

    // MARK: - Decision

    /// The console style for these flags. Colors are decided on stderr, where painted text goes;
    /// `always` and `never` win over everything, `auto` follows the terminal and NO_COLOR
    /// (FORCE_COLOR turns it on for pipes). Animation needs an interactive stderr, a capable
    /// terminal, no CI and normal verbosity or more.
    public func style(color: ColorChoice = .auto, json: Bool = false, verbosity: Console.Verbosity = .normal)
        -> Console.Style
    {
        let interactive = isTerminal(2) && !isDumb
        let colored: Bool
        switch color {
        case .always: colored = true
        case .never: colored = false
        case .auto: colored = !noColor && (interactive || !(environment["FORCE_COLOR"] ?? "").isEmpty)
        }
        let animate = interactive && !isCI && verbosity >= .normal
        return Console.Style(color: colored, animate: animate, json: json, verbosity: verbosity)
    }

    // MARK: - Size

    /// Columns of the terminal on `fd` (TIOCGWINSZ), else nil.
    public static func width(of fd: Int32) -> Int? {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Columns for wrapping text: the terminal's, else `$COLUMNS`, else 80.
    public func width(of fd: Int32 = 2) -> Int {
        Terminal.width(of: fd) ?? environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 80
    }
}
