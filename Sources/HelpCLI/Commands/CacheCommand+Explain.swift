import HelpCache
import HelpProject
import HelpSystem
import HelpTasks

/// `help cache explain COMPONENT` and the `help cache key PATH` diagnostic.
extension CacheCommand {
    // MARK: - explain

    static func explain(_ invocation: Invocation, component name: String, _ context: Context) throws -> Report {
        let project = try Project.load(from: context.workingDirectory)
        guard let component = project.component(named: name) else {
            let names = project.components.map(\.name)
            let guess = Suggestion.closest(to: name, in: names).map { "did you mean '\($0)'? " } ?? ""
            throw HelpError.usage(
                "no component '\(name)' in \(project.root.path)",
                hint: names.isEmpty
                    ? "This project has no components; see 'help components'."
                    : guess + "Components: " + names.joined(separator: ", ") + ".")
        }
        let action = invocation.value("action").flatMap(ComponentCacheKey.Action.init(rawValue:)) ?? .test
        let store = try CacheStore(
            projectRoot: project.root.path, maxSize: CacheMaintenance.cap(project.config),
            warn: { context.console.warn($0) })
        let computed = try ComponentCacheKey.compute(
            component: component, project: project, action: action, store: store,
            runner: context.runner, environment: context.environment)
        let explanation = store.explain(kind: computed.kind, key: computed.key, manifest: computed.manifest)
        let inputs = computed.inputs
        var lines = [
            "\(component.name) \(action.rawValue): key \(computed.key.hex.prefix(12)) over \(inputs.files.count) file"
                + (inputs.files.count == 1 ? "" : "s")
                + " (listed by \(inputs.source.rawValue), \(inputs.report.hashed) read)"
        ]
        lines +=
            explanation.verdict == .firstRun
            ? ["no entry yet: nothing stored for \(component.name) \(action.rawValue)"] : explanation.lines()
        return Report(
            lines: lines, json: explainJSON(explanation, component: component.name, action: action, inputs: inputs))
    }

    /// The stable `--json` schema of `cache explain`; variables by name only.
    static func explainJSON(
        _ explanation: CacheExplanation, component: String, action: ComponentCacheKey.Action, inputs: InputSet
    ) -> JSONValue {
        func changes(_ list: [CacheExplanation.Change]) -> JSONValue {
            .array(
                list.map { ["name": .string($0.name), "before": .optional($0.before), "after": .optional($0.after)] })
        }
        return [
            "component": .string(component), "action": .string(action.rawValue),
            "verdict": .string(explanation.verdict.rawValue), "key": .string(explanation.key.hex),
            "previous_key": .optional(explanation.previousKey?.hex), "files": .int(inputs.files.count),
            "source": .string(inputs.source.rawValue),
            "added": .strings(explanation.addedFiles), "removed": .strings(explanation.removedFiles),
            "modified": .strings(explanation.modifiedFiles), "environment": .strings(explanation.environmentChanged),
            "tools": changes(explanation.toolsChanged),
            "command": explanation.commandChanged.map { changes([$0])[0] ?? .null } ?? .null,
            "config": changes(explanation.configChanged), "format_changed": .bool(explanation.formatChanged),
        ]
    }

    // MARK: - key

    static func key(_ invocation: Invocation, path: String, _ context: Context) throws -> Report {
        let folder = path.hasPrefix("/") ? path : context.workingDirectory + "/" + path
        guard FileSystem().isDirectory(folder) else {
            throw HelpError.usage("'\(path)' is not a folder", hint: "help cache key takes the folder to key.")
        }
        let result = try CacheProbe.run(
            root: folder, runner: context.runner, rehash: invocation.flag("rehash"), warn: { context.console.warn($0) })
        let json: JSONValue = [
            "key": .string(result.key.hex), "files": .int(result.files), "hashed": .int(result.hashed),
            "source": .string(result.source.rawValue), "seconds": .double(result.seconds),
        ]
        return Report(lines: [result.summary], json: json)
    }
}
