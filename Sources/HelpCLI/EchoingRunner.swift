import HelpSystem

/// With `-v`, shows each child command on stderr (`$ git status`, with its folder when it is not
/// the current one) before handing it to the real runner; secrets never appear because
/// `displayLine` only holds argv, and secrets travel in the environment.
struct EchoingRunner: ProcessRunner {
    let base: any ProcessRunner
    let console: Console
    /// The folder `help` works in; a child running elsewhere gets `(in DIR)` after its line.
    let folder: String

    func run(_ command: Command) throws -> ProcessResult {
        echo(command)
        return try base.run(command)
    }

    func start(_ command: Command) throws -> any RunningProcess {
        echo(command)
        return try base.start(command)
    }

    func locate(_ tool: String) -> String? { base.locate(tool) }

    private func echo(_ command: Command) {
        var line = "$ " + command.displayLine
        if let place = command.workingDirectory, place != folder { line += "   (in \(place))" }
        console.detail(line)
    }
}
