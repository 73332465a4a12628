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

    /// The file every component keeps its configuration in, inside its folder.
    public static let fileName = ".env"

    /// Reads the template `environmentName` and the component's `.env`.
    public static func load(
        _ component: Component, project: Project, environmentName: String, locator: TemplateLocator,
        fileSystem: FileSystem = FileSystem()
    ) throws -> ComponentConfiguration {
        let folder = project.folder(of: component)
        let template = try locator.template(named: environmentName, componentFolder: folder, root: project.root.path)
        let path = folder + "/" + fileName
        var text: String?
        var mode: UInt32?
        if fileSystem.exists(path) {
            text = try fileSystem.readEditableText(path)
            mode = UInt32((try fileSystem.stat(path)).permissions)
        }
        let plan = try EnvFilePlan(
            component: component.name, path: path, template: template, existingText: text, mode: mode,
            outsideTarget: project.realPath(outside: path))
        return ComponentConfiguration(component: component, folder: folder, template: template, plan: plan)
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
