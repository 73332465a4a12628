import HelpSystem

/// The contents of an optional `help.json` at the project root: components declared or overridden,
/// and cache settings. `Templates/help.schema.json` describes exactly what is accepted; anything
/// else is an error naming the place (`help.json:4:7: components.server.rol: unknown key`).
public struct ProjectConfig: Sendable {
    /// One entry of `components`: every field is optional and overrides what detection found.
    public struct DeclaredComponent: Sendable, Equatable {
        /// The key under `components`.
        public var name: String
        /// Relative to the root; defaults to the component's detected path, else to its name.
        public var path: String?
        public var kind: ComponentKind?
        public var role: ComponentRole?
        /// The ASGI application as `module:attribute`.
        public var app: String?
        /// Command name (`test`, `run`, `lint`, `build`) -> argv.
        public var commands: [String: [String]]
        public var environment: [String: String]
        public var inputs: [String]?
        public var exclude: [String]?
        public var dependsOn: [String]?

        /// A declaration overriding only the fields given.
        public init(
            name: String, path: String? = nil, kind: ComponentKind? = nil, role: ComponentRole? = nil,
            app: String? = nil, commands: [String: [String]] = [:], environment: [String: String] = [:],
            inputs: [String]? = nil, exclude: [String]? = nil, dependsOn: [String]? = nil
        ) {
            self.name = name
            self.path = path
            self.kind = kind
            self.role = role
            self.app = app
            self.commands = commands
            self.environment = environment
            self.inputs = inputs
            self.exclude = exclude
            self.dependsOn = dependsOn
        }
    }

    /// `cache` settings.
    public struct Cache: Sendable, Equatable {
        /// `max_size` in bytes (`"2G"` is 2 GiB); nil when not set.
        public var maxSize: Int64?
        /// Cache settings; nil leaves the default limit.
        public init(maxSize: Int64? = nil) { self.maxSize = maxSize }
    }

    /// Declared components in file order.
    public var components: [DeclaredComponent]
    public var cache: Cache
    /// The parsed file with its positions, for errors found later (unknown `depends_on` names,
    /// missing folders); nil when there is no help.json.
    public let document: JSONDocument?

    /// An empty configuration: what a project without help.json has.
    public init(components: [DeclaredComponent] = [], cache: Cache = Cache()) {
        self.components = components
        self.cache = cache
        self.document = nil
    }

    init(components: [DeclaredComponent], cache: Cache, document: JSONDocument) {
        self.components = components
        self.cache = cache
        self.document = document
    }

    /// The declared component called `name`.
    public func component(named name: String) -> DeclaredComponent? {
        components.first { $0.name == name }
    }

    // MARK: - Loading

    /// Reads `help.json` at the root, or returns an empty configuration when there is none.
    /// A malformed or invalid file is a data error (exit 65); an unreadable one an I/O error.
    public static func load(root: ProjectRoot) throws -> ProjectConfig {
        let path = root.resolve(ProjectLocator.configFileName)
        guard FileProbe.exists(path) else { return ProjectConfig() }
        guard let bytes = FileProbe.read(path) else {
            throw HelpError.io("cannot read \(path)", hint: "check that it is a readable file under 4 MB")
        }
        return try parse(bytes, source: ProjectLocator.configFileName)
    }

    /// Parses and checks help.json contents; `source` names the file in messages.
    public static func parse(_ bytes: [UInt8], source: String = ProjectLocator.configFileName) throws -> ProjectConfig {
        let document = try JSONDocument(parsing: bytes, source: source)
        return try ProjectConfigReader(document: document).read()
    }

    /// Parses and checks help.json text.
    public static func parse(_ text: String, source: String = ProjectLocator.configFileName) throws -> ProjectConfig {
        try parse(Array(text.utf8), source: source)
    }
}
