import HelpProject
import HelpSystem
import HelpTasks

/// `help install`: sync every component's dependencies, or install and record packages in one.
public enum InstallCommand {
    public static let spec = CommandSpec(
        name: "install",
        summary: "Install dependencies, or add packages to a component and record them",
        discussion: """
            Without a package, makes each component's environment match its requirement files and \
            pyproject.toml (reusing .venv/venv/env when it fits, creating .venv otherwise); an \
            unchanged component answers "up to date" from its stamp in .helpcache/deps. With packages, \
            installs them into one component (--server, --python-client, a flag per component, or \
            --component NAME; else the one around the current folder, else the only Python one) and \
            records them where it keeps requirements, pinned ~=X.Y by default. Without --dev/--prod, \
            test runners, linters, type checkers, stubs, docs and debugging tools (pytest*, ruff, mypy, \
            black, flake8, isort, coverage, pre-commit, ipython, hypothesis, tox, nox, types-*, \
            *-stubs, sphinx*, pylint, bandit, debugpy, faker, factory-boy, freezegun, respx, responses…) \
            go to the development requirements. A recorded specifier that conflicts with the requested \
            one stops the install with exit 65 unless --force. A failed install, a pip check problem \
            under --strict, or Ctrl-C restores every requirement file byte for byte and uninstalls what \
            was new (exit 1, or 130 for Ctrl-C). HELP_INSTALLER=pip|uv picks the installer (uv when found).
            """,
        options: [
            .flag(
                "dev", help: "Record as a development dependency (or sync with development dependencies: the default)"),
            .flag("prod", help: "Record as a runtime dependency (or sync without development dependencies)"),
            .flag("no-save", help: "Install without recording the requirement"),
            .value(
                "pin", valueName: "STYLE",
                help: "How an unpinned package is recorded: compatible (~=X.Y), exact (==X.Y.Z) or none",
                allowedValues: PinStyle.allCases.map(\.rawValue)),
            .flag("force", help: "Replace a conflicting recorded specifier; reinstall even when up to date"),
            .flag("dry-run", help: "Show what would be installed and which files would change; change nothing"),
            .flag("offline", help: "Install from the local wheelhouse (pip) or uv's cache only"),
            .flag("strict", help: "Treat pip check findings as a failure and roll back"),
        ] + ComponentSelection.options,
        positionals: [
            PositionalSpec(
                "PACKAGE", arity: .zeroOrMore, help: "PEP 508 requirements: httpx, 'httpx>=0.27', 'uvicorn[standard]'")
        ],
        examples: [
            .init("help install", "Create or update every component's environment"),
            .init("help install httpx --python-client", "Add httpx to python-client's pyproject.toml, pinned ~=X.Y"),
            .init("help install pytest-mock --server", "Add pytest-mock to server/requirements-dev.txt"),
            .init("help install --offline --server", "Rebuild server's environment from the local wheelhouse"),
            .init("help install fastapi --dry-run --json", "The plan as JSON, without running it"),
        ],
        run: { try run($0, $1) })

    static func run(_ invocation: Invocation, _ context: Context) throws -> Report {
        let options = try options(invocation)
        let report = try InstallWorkflow.run(options, context: context)
        return Report(lines: report.lines, json: report.json, failure: report.failure)
    }

    /// The workflow's options from the parsed command line.
    static func options(_ invocation: Invocation) throws -> InstallOptions {
        if invocation.flag("dev") && invocation.flag("prod") {
            throw HelpError.usage("--dev and --prod exclude each other")
        }
        let selection = try ComponentSelection(invocation)
        if selection.all && !invocation.positionals.isEmpty {
            throw HelpError.usage(
                "packages go into one component, not --all",
                hint: "Name it: --component NAME or its flag, e.g. --server.")
        }
        let role: InstallOptions.Role = invocation.flag("dev") ? .dev : (invocation.flag("prod") ? .prod : .automatic)
        var options = InstallOptions(
            packages: invocation.positionals, components: selection.names, role: role,
            noSave: invocation.flag("no-save"),
            pin: invocation.value("pin").flatMap(PinStyle.init(rawValue:)) ?? .compatible,
            force: invocation.flag("force"), dryRun: invocation.flag("dry-run"), offline: invocation.flag("offline"),
            strict: invocation.flag("strict"))
        options.all = selection.all
        return options
    }
}
