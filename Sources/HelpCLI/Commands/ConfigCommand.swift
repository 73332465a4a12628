import HelpProject
import HelpSystem
import HelpTasks

/// `help config show|check`: the effective configuration of the components `help run` writes a
/// `.env` for, secrets masked; or a validation that exits 65 with the problems.
public enum ConfigCommand {
    public static let spec = CommandSpec(
        name: "config",
        summary: "Show or check the configuration (.env) help run uses, secrets masked",
        discussion: """
            `show` prints each key with its value and where it comes from: .env, the environment \
            (which wins over .env), or the template when .env does not have it yet. Values of keys \
            marked `# help: secret` in the template, or named like secrets (SECRET, KEY, TOKEN, \
            PASSWORD, PASS), print as ***, and passwords in URLs are masked; --reveal shows them \
            (never under --json). `check` adds the problems: required keys that are empty, a \
            malformed DATABASE_URL, a .env others can read; it exits 65 when there is any. The \
            component is the one around the current folder, or --server/--component NAME; else (or with --all) \
            every configured one.
            """,
        options: [
            .value(
                "env", valueName: "NAME",
                help: "Configuration template: development (default), test, production, or a project's own"),
            .flag("reveal", help: "Show secret values (not with --json)"),
        ] + ComponentSelection.options,
        positionals: [PositionalSpec("ACTION", arity: .optional, help: "show (default) or check")],
        examples: [
            .init("help config show", "Each key, its value (secrets as ***) and where it comes from"),
            .init("help config check", "Exit 65 with the problems, such as an empty required key"),
            .init("help config show --reveal --server", "The server's values, secrets included"),
            .init("help config check --env production --json", "The production template's check as JSON"),
        ],
        usageForms: [
            "[show] [--reveal] [--env NAME] [--component NAME | --all]",
            "check [--env NAME] [--component NAME | --all]",
        ],
        run: { try run($0, $1) })

    static func run(_ invocation: Invocation, _ context: Context) throws -> Report {
        let action = invocation.positionals.first ?? "show"
        guard ["show", "check"].contains(action) else {
            throw HelpError.usage(
                "unknown config action \(JSONValue.quoted(action))",
                hint: "use 'help config show' or 'help config check'")
        }
        if invocation.flag("reveal") && invocation.globals.json {
            throw HelpError.usage("--reveal cannot be used with --json", hint: "JSON output never holds secret values")
        }
        if invocation.flag("reveal") && action == "check" {
            throw HelpError.usage("--reveal only applies to 'help config show'")
        }
        let selection = try ComponentSelection(invocation)
        let options = ConfigWorkflow.Options(
            environmentName: invocation.value("env") ?? "development",
            components: selection.names, reveal: invocation.flag("reveal"), all: selection.all)
        let workflow = ConfigWorkflow(options: options, context: context)
        let report = action == "check" ? try workflow.check() : try workflow.show()
        return Report(lines: report.lines, json: report.json, failure: report.failure)
    }
}
