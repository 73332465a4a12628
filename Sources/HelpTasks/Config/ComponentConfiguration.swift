import HelpProject
import HelpSystem

/// One component's configuration as it stands: the template chosen for the environment name, its
/// `.env` file, and the plan that brings the file in line with the template. Reading only; the
/// plan is carried out by `EnvFileWriter`.
public struct ComponentConfiguration: Sendable {
    public var component: Component
    /// The component's folder, absolute.
    public var folder: String
    public var template: EnvTemplate
    public var plan: EnvFilePlan
    /// What the component's pydantic settings classes say (empty for other components).
    public var settings = SettingsFacts()

    /// The file every component keeps its configuration in, inside its folder.
    public static let fileName = ".env"
    /// The environment `help run` configures by default; the others keep a file of their own.
    public static let defaultEnvironment = "development"

    /// Reads the template `environmentName` (composed with the project's example file and its
    /// settings class, `TemplateComposer`) and the component's `.env`: the file its settings
    /// class names when that is inside the project, else `.env` in its folder. `environment`
    /// tells whether a database is already named there.
    public static func load(
        _ component: Component, project: Project, environmentName: String, locator: TemplateLocator,
        fileSystem: FileSystem = FileSystem(), environment: [String: String] = [:]
    ) throws -> ComponentConfiguration {
        let folder = project.folder(of: component)
        let root = project.root.path
        let base = try locator.template(named: environmentName, componentFolder: folder, root: root)
        let settings = component.kind == .python ? SettingsReader.read(folder: folder) : SettingsFacts()
        let example = try locator.exampleTemplate(named: environmentName, componentFolder: folder, root: root)
        let path = envFilePath(settings: settings, folder: folder, root: root, environmentName: environmentName)
        var text: String?
        var mode: UInt32?
        if fileSystem.exists(path) {
            text = try fileSystem.readEditableText(path)
            mode = UInt32((try fileSystem.stat(path)).permissions)
        }
        let existing = DotEnvFile(text: text ?? "")
        let databaseConfigured = ["DATABASE_URL", "POSTGRES_SERVER"].contains {
            !(environment[$0] ?? existing.value(for: $0) ?? "").isEmpty
        }
        let template = TemplateComposer.compose(
            base: base, example: example, settings: settings, databaseConfigured: databaseConfigured,
            environmentName: environmentName)
        let plan = try EnvFilePlan(
            component: component.name, path: path, template: template, existingText: text, mode: mode,
            outsideTarget: project.realPath(outside: path))
        return ComponentConfiguration(
            component: component, folder: folder, template: template, plan: plan, settings: settings)
    }

    /// The `.env` the settings class reads (its first `env_file`, from the component's folder,
    /// where `help run` starts it) when that stays inside the project; else `.env` in the folder.
    /// Another environment than the default keeps its own file beside it (`.env.test`): its
    /// values reach the app through the environment, which wins over `.env`, so a test run never
    /// shares the development database.
    static func envFilePath(
        settings: SettingsFacts, folder: String, root: String, environmentName: String = defaultEnvironment
    ) -> String {
        let path = sharedEnvFilePath(settings: settings, folder: folder, root: root)
        return environmentName == defaultEnvironment ? path : path + "." + environmentName
    }

    static func sharedEnvFilePath(settings: SettingsFacts, folder: String, root: String) -> String {
        let fallback = folder + "/" + fileName
        guard let named = settings.envFile, !named.hasPrefix("/") else { return fallback }
        var parts = folder.split(separator: "/").map(String.init)
        for part in named.split(separator: "/") where part != "." {
            if part == ".." {
                guard !parts.isEmpty else { return fallback }
                parts.removeLast()
            } else {
                parts.append(String(part))
            }
        }
        let path = "/" + parts.joined(separator: "/")
        return path.hasPrefix(root + "/") ? path : fallback
    }

    /// The same configuration with `values` supplied by `help run` (the database it prepared):
    /// keys the template lacks are added to it, and the plan fills them where `.env` has no value.
    public func providing(_ values: [String: Secret], fileSystem: FileSystem = FileSystem()) throws
        -> ComponentConfiguration
    {
        var copy = self
        for key in values.keys.sorted() where copy.template.entry(key) == nil {
            copy.template.entries.append(EnvTemplate.Entry(key: key, value: ""))
        }
        copy.plan = try EnvFilePlan(
            component: plan.component, path: plan.path, template: copy.template, existingText: plan.existingText,
            mode: plan.narrowsMode ? 0o644 : 0o600, outsideTarget: plan.outsideTarget, provided: values)
        return copy
    }

    /// True when `component` is configured from a template: a Python server, or any component
    /// whose own folder holds a template for `environmentName`.
    public static func applies(
        to component: Component, project: Project, environmentName: String, locator: TemplateLocator
    ) -> Bool {
        if component.kind == .python && component.role == .server { return true }
        let folder = project.folder(of: component)
        return locator.projectFolders(componentFolder: folder, root: project.root.path)
            .filter { $0.1 == .component }
            .contains { folder in
                ["\(environmentName).env", environmentName].contains { locator.isFile(folder.0 + "/" + $0) }
            }
    }

    // MARK: - Effective values

    /// The configuration as the component would see it now: `.env` as it is (template defaults for
    /// the keys it lacks), under `environment`.
    public func effective(environment: [String: String]) -> EffectiveConfiguration {
        EffectiveConfiguration(template: template, envFile: plan.existing, environment: environment)
    }

    /// Re-reads `.env` after the plan was applied and returns the configuration children get.
    public func reloaded(environment: [String: String], fileSystem: FileSystem = FileSystem()) throws
        -> EffectiveConfiguration
    {
        let text = try fileSystem.readText(plan.path)
        return EffectiveConfiguration(template: template, envFile: DotEnvFile(text: text), environment: environment)
    }

    /// Stops with exit 65 when required keys are empty, naming them, the file to fill and the
    /// template that requires them.
    public static func requireComplete(_ configuration: EffectiveConfiguration, file: String, template: String? = nil)
        throws
    {
        let missing = configuration.missingRequired
        guard !missing.isEmpty else { return }
        throw HelpError.badData(
            "required configuration is empty: " + missing.joined(separator: ", ")
                + (template.map { " (required by \($0))" } ?? ""),
            hint: "set \(missing.count == 1 ? "it" : "them") in \(file) (or in the environment) and run again")
    }

    /// `server/.env` for messages.
    public func label(relativeTo root: String) -> String {
        plan.path.hasPrefix(root + "/") ? String(plan.path.dropFirst(root.count + 1)) : plan.path
    }
}
