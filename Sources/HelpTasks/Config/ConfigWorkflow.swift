import HelpProject
import HelpSystem

/// `help config show` and `help config check`: the effective configuration of the configured
/// components (those `help run` writes a `.env` for), read without changing anything.
public struct ConfigWorkflow {
    /// What to look at.
    public struct Options: Sendable, Equatable {
        public var environmentName: String
        /// Component names; empty means the one around the current folder, else every configured one.
        public var components: [String]
        /// Show secret values (people only: JSON output never holds them).
        public var reveal: Bool
        /// `--all`: every configured component, even inside one component's folder.
        public var all: Bool

        public init(
            environmentName: String = "development", components: [String] = [], reveal: Bool = false, all: Bool = false
        ) {
            self.environmentName = environmentName
            self.components = components
            self.reveal = reveal
            self.all = all
        }
    }

    public var options: Options
    public var context: Context
    public var locator: TemplateLocator
    var fileSystem = FileSystem()

    /// A look at the configuration with these options.
    public init(options: Options, context: Context, locator: TemplateLocator = TemplateLocator()) {
        self.options = options
        self.context = context
        self.locator = locator
    }

    // MARK: - Commands

    /// The effective configuration of each chosen component.
    public func show() throws -> ConfigReport {
        let (project, configurations) = try load()
        var report = ConfigReport(root: project.root.path, reveal: options.reveal)
        for configuration in configurations {
            report.components.append(
                ConfigReport.Component(
                    configuration: configuration, effective: configuration.effective(environment: context.environment)))
        }
        return report
    }

    /// Validates each chosen component's configuration: the report's `failure` (exit 65) lists
    /// the problems; notes say what `help run` would still do.
    public func check() throws -> ConfigReport {
        var report = try show()
        for index in report.components.indices {
            let entry = report.components[index]
            let plan = entry.configuration.plan
            let file = entry.configuration.label(relativeTo: report.root)
            let generated = Set(plan.generatedKeys)
            var problems: [String] = []
            var notes: [String] = []
            if plan.existingText == nil { notes.append("\(file) does not exist yet; help run creates it") }
            let added = plan.additions.map(\.key).filter { !generated.contains($0) }
            if plan.existingText != nil && !added.isEmpty {
                notes.append("help run adds " + added.joined(separator: ", ") + " to \(file)")
            }
            for key in plan.existing.commentLikeValues {
                notes.append(
                    "\(key) in \(file) is set to the text after '=', which starts with '#' "
                        + "(python-dotenv does not read it as a comment); leave it empty or quote it")
            }
            if !generated.isEmpty { notes.append("help run generates " + plan.generatedKeys.joined(separator: ", ")) }
            let empty = entry.effective.missingRequired.filter { !generated.contains($0) }
            if !empty.isEmpty {
                problems.append(
                    "required but empty: " + empty.joined(separator: ", ") + " (set in \(file) or the environment)")
            }
            if plan.narrowsMode && plan.outsideTarget == nil {
                problems.append("\(file) can be read by other users; chmod 600 it (help run does)")
            }
            do { try plan.checkInsideProject() } catch let error as HelpError { problems.append(error.message) }
            do {
                try DatabaseLocation.validate(configuration: entry.effective.values, folder: entry.configuration.folder)
            } catch let error as HelpError {
                problems.append(error.message)
            }
            report.components[index].problems = problems
            report.components[index].notes = notes
        }
        let count = report.components.reduce(0) { $0 + $1.problems.count }
        if count > 0 {
            report.failure = HelpError.badData(
                "configuration has \(count) problem\(count == 1 ? "" : "s")",
                hint: "fix them, then run help config check again")
        }
        return report
    }

    // MARK: - Choosing

    /// The project and the configurations of the chosen components.
    private func load() throws -> (Project, [ComponentConfiguration]) {
        let project = try Project.load(from: context.workingDirectory)
        let configured = project.components.filter {
            ComponentConfiguration.applies(
                to: $0, project: project, environmentName: options.environmentName, locator: locator)
        }
        var chosen: [Component]
        if !options.components.isEmpty {
            chosen = try options.components.map { name in
                guard let component = project.component(named: name) else {
                    throw HelpError.usage(
                        "no component named \(JSONValue.quoted(name))",
                        hint: "components: " + project.components.map(\.name).joined(separator: ", "))
                }
                return component
            }
        } else {
            let around = configured.filter { component in
                let folder = project.folder(of: component)
                return folder != project.root.path
                    && (context.workingDirectory == folder || context.workingDirectory.hasPrefix(folder + "/"))
            }
            chosen = around.isEmpty || options.all ? configured : around
        }
        guard !chosen.isEmpty else {
            throw HelpError.usage(
                "no component here has a configuration",
                hint: "Python servers get one; others need a template in their own Templates/env/ or config/ folder")
        }
        let configurations = try chosen.map {
            try ComponentConfiguration.load(
                $0, project: project, environmentName: options.environmentName, locator: locator, fileSystem: fileSystem
            )
        }
        return (project, configurations)
    }
}
