import HelpProject
import HelpSystem

/// The uploads of a release: `twine upload` for each wheel and sdist, `npm publish` for each npm
/// tarball, one artifact per command so the report can say exactly what reached the index.
/// Credentials come only from the environment (TWINE_USERNAME, TWINE_PASSWORD, NPM_TOKEN) or the
/// tools' own config files, and reach the child through its environment, never argv.
struct ReleasePublisher {
    let options: ReleaseOptions
    let environment: [String: String]

    /// `twine upload` of one file; `twine` is the program (PATH's or the component environment's).
    func twineUpload(_ file: String, twine: String, folder: String) -> Command {
        var arguments = ["upload", "--non-interactive", "--disable-progress-bar"]
        if let repository = options.repository {
            arguments += repository.contains("://") ? ["--repository-url", repository] : ["--repository", repository]
        }
        return Command(
            twine, arguments + [file], environment: ["NO_COLOR": "1"], secrets: secrets(["TWINE_PASSWORD"]),
            workingDirectory: folder, timeout: 900)
    }

    /// `npm publish TARBALL [--registry URL]`; with NPM_TOKEN set, npm reads a temporary user
    /// config (`userconfig`) that refers to the variable, so the token itself is written nowhere.
    func npmPublish(_ file: String, folder: String, userconfig: String?) -> Command {
        var arguments = ["publish", file]
        if let registry = options.npmRegistry { arguments += ["--registry", registry] }
        let environment = userconfig.map { ["npm_config_userconfig": $0] } ?? [:]
        return Command(
            "npm", arguments, environment: environment, secrets: secrets(["NPM_TOKEN"]), workingDirectory: folder,
            timeout: 900)
    }

    var usesNpmToken: Bool { environment["NPM_TOKEN"] != nil }

    /// The user config naming the registry and its token by reference: `//host/path/:_authToken=${NPM_TOKEN}`.
    var npmrc: String {
        let registry = options.npmRegistry ?? "https://registry.npmjs.org/"
        var address = registry.split(separator: ":", maxSplits: 1).last.map(String.init) ?? registry
        if !address.hasSuffix("/") { address += "/" }
        return "registry=\(registry)\n\(address):_authToken=${NPM_TOKEN}\n"
    }

    /// Writes `npmrc` into a fresh private folder under `temporary`, mode 0600; returns its path.
    func writeUserconfig(under temporary: String) throws -> String {
        let fs = FileSystem()
        let folder = try fs.makeUniqueDirectory(prefix: temporary + "/help-npm-")
        try fs.setPermissions(folder, 0o700)
        let path = folder + "/npmrc"
        try fs.writeAtomically(path, Array(npmrc.utf8), mode: 0o600)
        return path
    }

    /// How a command is shown in the plan and report: its variables first, secrets as `***`.
    static func display(_ command: Command) -> String {
        let variables =
            command.environment.filter { $0.key != "NO_COLOR" }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\(Command.shellQuote($0.value))" }
            + command.secrets.keys.sorted().map { "\($0)=***" }
        return (variables + [command.displayLine]).joined(separator: " ")
    }

    private func secrets(_ names: [String]) -> [String: Secret] {
        var found: [String: Secret] = [:]
        for name in names { if let value = environment[name] { found[name] = Secret(value) } }
        return found
    }

    // MARK: - twine

    /// The twine to run: one on PATH (or HELP_TWINE), else the component environment's, installed
    /// there on demand like any development tool.
    static func twine(for component: Component, project: Project, context: Context) throws -> String {
        if context.runner.locate("twine") != nil { return "twine" }
        let sync = try DependencySync.sync(component: component, project: project, context: context)
        guard let python = sync.pythonPath, let slash = python.lastIndex(of: "/") else {
            throw HelpError.unavailable(
                "\(component.name) has no Python environment to run twine from",
                hint: "Run 'help install --component \(component.name)', or put twine on PATH.")
        }
        let twine = String(python[..<slash]) + "/twine"
        if !ToolLookup.isExecutableFile(twine) {
            let install = Command(
                python, ["-m", "pip", "install", "--quiet", "twine"], workingDirectory: project.folder(of: component),
                timeout: 900)
            let result = try context.runner.run(install)
            guard result.succeeded else {
                throw HelpError.unavailable(
                    "installing twine into \(component.name)'s environment failed" + StepRunner.tail(result, lines: 3),
                    hint: "Install twine yourself (pip install twine) and run again.")
            }
        }
        return twine
    }
}
