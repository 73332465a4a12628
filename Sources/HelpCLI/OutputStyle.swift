import HelpSystem

/// Decides the console style once, from the flags and the terminal: colors only on a terminal
/// whose TERM is not `dumb` and with NO_COLOR unset (unless `--color always|never` says
/// otherwise); animation only on an interactive stderr outside CI; none of either under `--json`.
public enum OutputStyle {
    /// The style for these global options in this environment.
    public static func decide(
        globals: GlobalOptions, environment: [String: String], isTerminal: (Int32) -> Bool
    ) -> Console.Style {
        let term = environment["TERM"] ?? ""
        let capable = !term.isEmpty && term != "dumb"
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let inCI = !(environment["CI"] ?? "").isEmpty && environment["CI"] != "false"
        let color: Bool
        switch globals.color {
        case .always: color = true
        case .never: color = false
        case .auto: color = !globals.json && !noColor && capable && isTerminal(1)
        }
        let animate = !globals.json && capable && !inCI && isTerminal(2) && globals.verbosity != .quiet
        return Console.Style(color: color, animate: animate, json: globals.json, verbosity: globals.verbosity)
    }
}
