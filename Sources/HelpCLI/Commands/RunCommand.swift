import HelpProject
import HelpSystem
import HelpTasks

/// `help run`: dependencies, configuration, database, migrations, then the dev servers, until
/// Ctrl-C.
public enum RunCommand {
    public static let spec = CommandSpec(
        name: "run",
        summary: "Bring the dev servers up: dependencies, .env, database, migrations, servers",
        discussion: """
            Runs a visible pipeline, each step with its time: the dependency sync of `help install` \
            (instant when nothing changed); the component's .env from the configuration template \
            (--env, development by default: Templates/env/NAME.env or config/NAME.env of the component \
            or the project, else the one shipped with help), where missing keys are added, values are \
            never changed, `# help: secret` keys get generated values and `# help: required` keys must \
            not be empty (exit 65); the database of DATABASE_URL (or POSTGRES_SERVER...): a SQLite \
            folder is made, a PostgreSQL database is created when missing (an unreachable server is \
            exit 69); `alembic upgrade head` when the component has Alembic, with the revision before \
            and after; then uvicorn --reload for each ASGI app (port 8000, or the next free one) and \
            the dev command of the other components (package.json `dev`, help.json commands.run), \
            their output prefixed with their name. The URLs are printed once the app answers \
            (/health, else /docs). Ctrl-C or SIGTERM stops every server and its reloader (SIGKILL \
            after 5 s) and exits 130 (143 for SIGTERM); a server that ends by itself, or whose \
            reloader lost its worker, stops the rest (exit 1 when it failed). A second `help run` in \
            the same project is refused while the first runs; the servers of one that was killed are \
            stopped by the next. With --json the document is printed once every server answers.
            """,
        options: [
            .value(
                "env", valueName: "NAME",
                help: "Configuration template: development (default), test, production, or a project's own"),
            .value(
                "port", short: "p", valueName: "PORT",
                help: "Port of the first server (default 8000, or the next free one)"),
            .value("host", valueName: "HOST", help: "Address the servers listen on (default 127.0.0.1)"),
            .repeatable("only", valueName: "NAME", help: "Same as --component (the older spelling)"),
            .flag("dry-run", help: "Print the plan; change nothing, start nothing"),
        ] + ComponentSelection.options,
        examples: [
            .init("help run", "Everything up, on http://127.0.0.1:8000"),
            .init("help run --port 9000 --server", "Only the server, on port 9000"),
            .init("help run --env test", "Use the test template for .env (a separate database)"),
            .init("help run --dry-run", "What would be installed, written, migrated and started"),
        ],
        run: { try run($0, $1) })

    static func run(_ invocation: Invocation, _ context: Context) throws -> Report {
        let report = try RunWorkflow(options: try options(invocation), context: context).run()
        return Report(lines: report.lines, json: report.json)
    }

    /// The workflow's options from the parsed command line.
    static func options(_ invocation: Invocation) throws -> RunOptions {
        var port: Int?
        if let text = invocation.value("port") {
            guard let number = Int(text), (1...65535).contains(number) else {
                throw HelpError.usage("--port takes a number from 1 to 65535, not \(JSONValue.quoted(text))")
            }
            port = number
        }
        if let host = invocation.value("host"), host.isEmpty || host.contains("/") || host.contains(" ") {
            throw HelpError.usage(
                "--host takes an address or host name, not \(JSONValue.quoted(host))",
                hint: "for example 127.0.0.1 or 0.0.0.0")
        }
        return RunOptions(
            environmentName: invocation.value("env") ?? "development", host: invocation.value("host"), port: port,
            only: try ComponentSelection(invocation, aliases: ["only"]).names, dryRun: invocation.flag("dry-run"))
    }
}
