import HelpProject
import HelpSystem

/// `help doctor`'s work: which tools the project around the working folder needs (Node and Swift
/// only when it has such components), each probed at once, and the failure when a required one is
/// missing or broken. The command renders the findings.
public enum DoctorWorkflow {
    /// What the probe found.
    public struct Findings: Sendable {
        /// One status per catalogued tool, in catalogue order.
        public var statuses: [ToolStatus]
        /// The project's root; nil when no project could be read.
        public var root: String?
        /// The kinds of the project's components; nil when no project could be read.
        public var kinds: Set<ComponentKind>?
        public var platform: Platform

        /// Exit 69 naming the required tools that are missing or broken; nil when all are fine.
        public var failure: HelpError? {
            let failing = statuses.filter { $0.required && $0.state != .ok }
            guard !failing.isEmpty else { return nil }
            return HelpError.unavailable(
                "required tool\(failing.count == 1 ? "" : "s") missing or broken: "
                    + failing.map(\.name).joined(separator: ", "),
                hint: "Install as shown above, then run 'help doctor' again.")
        }
    }

    /// Probes every tool of `ToolCatalog.all`; a project that cannot be read is a warning, and
    /// then only the common tools count as required.
    public static func run(context: Context) -> Findings {
        var kinds: Set<ComponentKind>?
        var root: String?
        do {
            let project = try Project.load(from: context.workingDirectory)
            root = project.root.path
            kinds = Set(project.components.map(\.kind))
        } catch {
            let message = (error as? HelpError)?.message ?? "\(error)"
            context.console.warn("cannot read the project (\(message)); checking the common tools only")
        }
        let platform = Platform.detect(environment: context.environment, fileSystem: context.fileSystem)
        let statuses = ToolProbe(runner: context.runner, kinds: kinds, platform: platform).probe(ToolCatalog.all)
        return Findings(statuses: statuses, root: root, kinds: kinds, platform: platform)
    }
}
