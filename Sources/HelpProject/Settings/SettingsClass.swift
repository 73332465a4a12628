/// A pydantic-settings class as its source declares it, read without running Python: the fields
/// (and whether each has a default), the `.env` files it reads and the prefix of its variables.
public struct SettingsClass: Sendable, Equatable {
    /// One annotated field of the class body.
    public struct Field: Sendable, Equatable {
        /// The attribute name as written (`POSTGRES_SERVER`, `database_url`).
        public var name: String
        /// The variable that sets it: the alias, or prefix + name (upper-cased unless the class
        /// is case-sensitive).
        public var key: String
        /// No default, no `Field(default=...)`, and not `Optional`/`| None`.
        public var isRequired: Bool
        /// `Field(alias=...)` or `validation_alias=...`: the variable, whatever the prefix.
        public var alias: String?

        /// A field as read.
        public init(name: String, key: String, isRequired: Bool, alias: String? = nil) {
            self.name = name
            self.key = key
            self.isRequired = isRequired
            self.alias = alias
        }
    }

    public var name: String
    /// The file it is declared in, relative to the component.
    public var file: String
    /// The base classes as written (`BaseSettings`, `DatabaseSettings`).
    public var bases: [String]
    /// Its own fields, in source order (inherited ones are resolved by `SettingsReader`).
    public var fields: [Field]
    /// `env_file` of `model_config` or `class Config:`, each as written (a tuple gives several).
    public var envFiles: [String]
    /// `env_prefix`, empty when none.
    public var envPrefix: String
    /// `case_sensitive=True`: keys keep the field's spelling.
    public var caseSensitive: Bool

    /// The variable that sets a field named `name` in this class.
    public func key(for name: String, alias: String?) -> String {
        alias ?? (caseSensitive ? envPrefix + name : (envPrefix + name).uppercased())
    }

    /// A class as read.
    public init(
        name: String, file: String, bases: [String], fields: [Field] = [], envFiles: [String] = [],
        envPrefix: String = "", caseSensitive: Bool = false
    ) {
        self.name = name
        self.file = file
        self.bases = bases
        self.fields = fields
        self.envFiles = envFiles
        self.envPrefix = envPrefix
        self.caseSensitive = caseSensitive
    }
}

/// What a component's settings classes say about its configuration, for `help run`.
public struct SettingsFacts: Sendable, Equatable {
    /// The settings classes found (subclasses of `BaseSettings`, directly or not), inherited
    /// fields included.
    public var classes: [SettingsClass]
    /// The code builds a PostgreSQL URL (`PostgresDsn`, `postgresql+psycopg`, `POSTGRES_*` fields)
    /// and mentions no SQLite anywhere: a SQLite default would not work for it.
    public var postgresOnly: Bool

    /// Facts as found.
    public init(classes: [SettingsClass] = [], postgresOnly: Bool = false) {
        self.classes = classes
        self.postgresOnly = postgresOnly
    }

    /// Keys without a default, in the order first seen.
    public var requiredKeys: [String] {
        var seen: Set<String> = []
        return classes.flatMap(\.fields).filter { $0.isRequired && seen.insert($0.key).inserted }.map(\.key)
    }

    /// Every key a settings class reads.
    public var knownKeys: Set<String> { Set(classes.flatMap(\.fields).map(\.key)) }

    /// The first `env_file` named, as written (relative to the folder the app runs in).
    public var envFile: String? { classes.lazy.flatMap(\.envFiles).first }
}
