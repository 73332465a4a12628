import HelpProject
import HelpSystem

/// What `help config show|check` found, as lines for people and one JSON document. Secret
/// values are masked unless `reveal`, and JSON never holds them whatever `reveal` says.
public struct ConfigReport: Sendable {
    /// One component's configuration and what the check said about it.
    public struct Component: Sendable {
        public var configuration: ComponentConfiguration
        public var effective: EffectiveConfiguration
        public var problems: [String] = []
        public var notes: [String] = []
    }

    public var root: String
    public var reveal: Bool
    public var components: [Component] = []
    /// Set by `check` when there are problems (exit 65).
    public var failure: HelpError?

    /// An empty report for the project at `root`.
    public init(root: String, reveal: Bool) {
        self.root = root
        self.reveal = reveal
    }

    // MARK: - For people

    public var lines: [String] {
        var lines: [String] = []
        for component in components {
            let file = component.configuration.label(relativeTo: root)
            let source = component.configuration.template.source
            if !lines.isEmpty { lines.append("") }
            lines.append(
                "\(component.configuration.component.name): \(file) (template: \(source.name), \(source.origin.rawValue): \(RunPlan.relative(source.label, root: root)))"
            )
            let width = component.effective.items.map { Self.visible($0.key).count }.max() ?? 0
            let values = component.effective.items.map {
                $0.value.isEmpty ? "(empty)" : Self.visible($0.display(reveal: reveal))
            }
            let valueWidth = min(60, values.map(\.count).max() ?? 0)
            for (item, value) in zip(component.effective.items, values) {
                var flags: [String] = [Self.sourceLabel(item.source)]
                if item.isSecret { flags.append("secret") }
                if item.isRequired { flags.append("required") }
                lines.append(
                    "  " + Self.visible(item.key).padding(to: width) + "  " + value.padding(to: valueWidth) + "  ["
                        + flags.joined(separator: ", ") + "]")
            }
            lines += component.problems.map { "  problem: " + $0 }
            lines += component.notes.map { "  note: " + $0 }
        }
        return lines
    }

    /// Text from a file as it is safe to print: with a control character (an escape sequence
    /// would drive the terminal, a newline would break the table) it is shown as a JSON string.
    static func visible(_ text: String) -> String {
        text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? JSONValue.quoted(text) : text
    }

    static func sourceLabel(_ source: EffectiveConfiguration.Item.Source) -> String {
        switch source {
        case .envFile: return ".env"
        case .environment: return "environment"
        case .template: return "template default, not in .env yet"
        }
    }

    // MARK: - For machines

    /// The stable `--json` schema of `help config`: values of secrets are always `***`.
    public var json: JSONValue {
        var document: JSONObject = [
            "components": .array(
                components.map { component in
                    let source = component.configuration.template.source
                    return [
                        "component": .string(component.configuration.component.name),
                        "file": .string(component.configuration.plan.path),
                        "template": [
                            "name": .string(source.name), "origin": .string(source.origin.rawValue),
                            "path": .optional(source.path),
                        ],
                        "items": .array(
                            component.effective.items.map { item in
                                [
                                    "key": .string(item.key), "value": .string(item.display(reveal: false)),
                                    "source": .string(item.source.rawValue),
                                    "secret": .bool(item.isSecret), "required": .bool(item.isRequired),
                                ]
                            }),
                        "problems": .strings(component.problems),
                        "notes": .strings(component.notes),
                    ]
                })
        ]
        if let failure {
            document["error"] = [
                "message": .string(failure.message), "hint": .optional(failure.hint),
                "code": .int(Int(failure.code.rawValue)),
            ]
        }
        return .object(document)
    }
}
