import HelpProject
import HelpSystem

/// The configuration a component runs with: its `.env` values, under the variables of the
/// environment `help` was started with (which win, as in python-dotenv and pydantic-settings),
/// with the template's defaults standing in for keys `.env` does not have yet. Knows which values
/// are secret, for masking and for handing them to children only through their environment.
public struct EffectiveConfiguration: Sendable, Equatable {
    /// One key and where its value comes from.
    public struct Item: Sendable, Equatable {
        /// Where the value was found.
        public enum Source: String, Sendable, Equatable {
            case envFile = ".env"
            case environment
            /// The template's default: `.env` does not have the key yet (`help run` adds it).
            case template
        }

        public var key: String
        public var value: String
        public var source: Source
        /// Marked `secret` in the template, or named like one, or a URL holding a password.
        public var isSecret: Bool
        public var isRequired: Bool

        /// The value as it may be shown: `***` for a non-empty secret, a URL's password masked.
        public func display(reveal: Bool = false) -> String {
            if reveal { return value }
            if isSecret && !value.isEmpty && !EffectiveConfiguration.hasURLPassword(value) { return "***" }
            return PostgresDatabase.redact(value)
        }
    }

    public var items: [Item]

    /// Items in template order, then keys only `.env` has, in file order. `environment` is the
    /// process environment; it only overrides keys the template or `.env` knows.
    public init(template: EnvTemplate?, envFile: DotEnvFile, environment: [String: String]) {
        var fileValues: [String: String] = [:]
        var order: [String] = template?.entries.map(\.key) ?? []
        for key in envFile.keys {
            if !order.contains(key) { order.append(key) }
            fileValues[key] = envFile.value(for: key)
        }
        items = order.map { key in
            let entry = template?.entry(key)
            let value: String
            let source: Item.Source
            if let fromEnvironment = environment[key] {
                (value, source) = (fromEnvironment, .environment)
            } else if let fromFile = fileValues[key] {
                (value, source) = (fromFile, .envFile)
            } else {
                (value, source) = (entry?.value ?? "", .template)
            }
            let secret = entry?.isSecret == true || Self.looksSecret(key) || Self.hasURLPassword(value)
            return Item(key: key, value: value, source: source, isSecret: secret, isRequired: entry?.isRequired == true)
        }
    }

    // MARK: - Questions

    /// Key -> effective value.
    public var values: [String: String] {
        Dictionary(items.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// The item for `key`.
    public func item(_ key: String) -> Item? { items.first { $0.key == key } }

    /// Keys marked `required` whose value is empty.
    public var missingRequired: [String] {
        items.filter { $0.isRequired && $0.value.isEmpty }.map(\.key)
    }

    /// The values `.env` (or the template) adds to a child's environment: variables already in the
    /// environment are inherited as they are. Secret ones come back as `Secret`s, for
    /// `Command.secrets`, so they never show in logs.
    public var childVariables: (plain: [String: String], secrets: [String: Secret]) {
        var plain: [String: String] = [:]
        var secrets: [String: Secret] = [:]
        for item in items where item.source != .environment {
            if item.isSecret { secrets[item.key] = Secret(item.value) } else { plain[item.key] = item.value }
        }
        return (plain, secrets)
    }

    /// Every secret value, for redacting child output.
    public var secretValues: [Secret] {
        items.filter { $0.isSecret && !$0.value.isEmpty }.map { Secret($0.value) }
    }

    // MARK: - Secret detection

    /// True for names such as `SECRET_KEY`, `API_TOKEN`, `DB_PASS`.
    public static func looksSecret(_ key: String) -> Bool { EnvTemplate.looksSecret(key) }

    /// True for `scheme://user:password@host...`.
    public static func hasURLPassword(_ value: String) -> Bool {
        PostgresDatabase.redact(value) != value
    }
}
