import HelpProject
import HelpSystem

/// The plan in words (for `--dry-run`) and as JSON, paths shown relative to the project root.
/// Nothing here reveals a value: keys are named, secrets are not shown at all.
extension RunPlan {
    /// One line per stage and component, in pipeline order.
    public func describe(root: String) -> [(stage: Stage, component: String, text: String)] {
        var result: [(Stage, String, String)] = []
        for preparation in preparations {
            let name = preparation.component
            if let local = preparation.localPostgres {
                let keys = local.keys.isEmpty ? "" : "; its address goes to " + local.keys.joined(separator: ", ")
                result.append(
                    (
                        .database, name,
                        "the project's PostgreSQL in .helpcache/postgres"
                            + (local.reused ? "" : " (created the first time)")
                            + ", started for the run and stopped after it; database \(local.database)" + keys
                    ))
            }
            // The project's PostgreSQL starts first: the configuration gets its address.
            if let configuration = preparation.configuration {
                result.append((.configuration, name, Self.describe(configuration, root: root)))
            }
            if preparation.localPostgres == nil, let database = preparation.database {
                result.append((.database, name, database.summary(relativeTo: root)))
            }
            if let migrations = preparation.migrations {
                let line = Self.relative(
                    Command(migrations.python, migrations.upgradeArguments).displayLine, root: root)
                result.append((.migrations, name, line + " (in \(Self.relative(migrations.folder, root: root)))"))
            }
            if let startup = preparation.startup {
                let argv = Command(startup.argv[0], Array(startup.argv.dropFirst())).displayLine
                result.append(
                    (
                        .startup, name,
                        "\(argv) (the project's start-up steps\(startup.migrates ? ", in place of help's migrations" : ""))"
                    ))
            }
        }
        for service in services {
            var text = Self.relative(Command(service.argv[0], Array(service.argv.dropFirst())).displayLine, root: root)
            text += " (in \(Self.relative(service.folder, root: root)))"
            if let note = service.portNote { text += "; " + note }
            if let base = service.baseURL, case .http(let path) = service.readiness {
                text += "; ready when GET \(path) on \(base) answers"
            }
            result.append((.server, service.component, text))
        }
        return result
    }

    /// What the configuration step does to one `.env`, keys named, values never shown.
    static func describe(_ plan: EnvFilePlan, root: String) -> String {
        let file = relative(plan.path, root: root)
        let source = "the \(plan.template.source.name) template (\(relative(plan.template.source.label, root: root)))"
        let generated = Set(plan.generatedKeys)
        let keys = plan.additions.map { generated.contains($0.key) ? "\($0.key) (generated)" : $0.key }
        var parts: [String] = []
        if plan.existingText == nil {
            parts.append("create \(file) from \(source)" + (keys.isEmpty ? "" : ": " + keys.joined(separator: ", ")))
        } else if !keys.isEmpty {
            parts.append("add to \(file) from \(source): " + keys.joined(separator: ", "))
        } else {
            parts.append("\(file) has every key of \(source)")
        }
        if !plan.fills.isEmpty { parts.append("fill empty " + plan.fills.joined(separator: ", ") + " (generated)") }
        if plan.narrowsMode { parts.append("make it private (mode 0600)") }
        return parts.joined(separator: "; ")
    }

    /// The plan as JSON: stages with their commands (argv) and the services with their addresses.
    public func json(root: String) -> JSONValue {
        let steps: [JSONValue] = describe(root: root).map { step in
            [
                "stage": .string(step.stage.rawValue), "component": .string(step.component),
                "summary": .string(step.text),
            ]
        }
        let launches: [JSONValue] = services.map { service in
            var object: JSONObject = [
                "component": .string(service.component), "argv": .strings(service.argv),
                "folder": .string(service.folder),
                "url": .optional(service.baseURL),
            ]
            if case .http(let path) = service.readiness { object["ready_path"] = .string(path) }
            return .object(object)
        }
        return ["steps": .array(steps), "services": .array(launches)]
    }

    /// `path` (or each absolute path inside a command line) relative to `root`.
    static func relative(_ text: String, root: String) -> String {
        text.replacingAll(root + "/", with: "")
    }
}

extension String {
    /// Literal replacement of every occurrence of `target`.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
