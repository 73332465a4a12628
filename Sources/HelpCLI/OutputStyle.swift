import HelpSystem

/// Decides the console style once, from the global options and the terminal. `Terminal` judges
/// stderr (TTY, TERM, NO_COLOR, CI, FORCE_COLOR); on top of that, `--color auto` leaves results
/// unpainted when stdout is not a terminal, so `help doctor | less` or `> file` gets plain text.
public enum OutputStyle {
    /// The style for these global options in this environment.
    public static func decide(
        globals: GlobalOptions, environment: [String: String], isTerminal: @escaping @Sendable (Int32) -> Bool
    ) -> Console.Style {
        let terminal = Terminal(environment: environment, isTerminal: isTerminal)
        var style = terminal.style(color: globals.color, json: globals.json, verbosity: globals.verbosity)
        let forced = !(environment["FORCE_COLOR"] ?? "").isEmpty
        if globals.color == .auto && !isTerminal(1) && !forced { style.color = false }
        if globals.json { style.animate = false }
        return style
    }
}
