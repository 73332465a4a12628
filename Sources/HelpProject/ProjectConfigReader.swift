import HelpSystem

/// Checks a parsed help.json against what `help` accepts (the same rules as
/// Templates/help.schema.json) and turns it into a `ProjectConfig`. Every error names the JSON path
/// and the line:column of the offending key or value.
struct ProjectConfigReader {
    let document: JSONDocument

    static let topKeys = ["$schema", "components", "cache"]
    static let componentKeys = ["path", "kind", "role", "app", "commands", "env", "inputs", "exclude", "depends_on"]
    static let cacheKeys = ["max_size"]

    // MARK: - Document

    func read() throws -> ProjectConfig {
        let top = try object(document.root, at: "")
        try checkKeys(top, at: "", allowed: Self.topKeys)
        if let schema = top["$schema"] { _ = try string(schema, at: "$schema") }
        var components: [ProjectConfig.DeclaredComponent] = []
        if let declared = top["components"] {
            for (name, value) in try object(declared, at: "components") {
                let path = JSONPath.member("components", name)
                guard ConfigRules.isComponentName(name) else {
                    throw document.keyError(
                        at: path,
                        "component names are letters, digits, '.', '_' and '-', starting with a letter or digit")
                }
                components.append(try component(name, value, at: path))
            }
        }
        var cache = ProjectConfig.Cache()
        if let cacheValue = top["cache"] {
            let settings = try object(cacheValue, at: "cache")
            try checkKeys(settings, at: "cache", allowed: Self.cacheKeys)
            if let size = settings["max_size"] { cache.maxSize = try byteSize(size, at: "cache.max_size") }
        }
        return ProjectConfig(components: components, cache: cache, document: document)
    }

    // MARK: - Components

    private func component(_ name: String, _ value: JSONValue, at path: String) throws
        -> ProjectConfig.DeclaredComponent
    {
        let fields = try object(value, at: path)
        try checkKeys(fields, at: path, allowed: Self.componentKeys)
        var declared = ProjectConfig.DeclaredComponent(name: name)
        func field(_ key: String) -> (JSONValue, String)? { fields[key].map { ($0, JSONPath.member(path, key)) } }

        if let (value, at) = field("path") {
            let text = try string(value, at: at)
            guard let normalized = ConfigRules.relativePath(text) else {
                throw document.error(at: at, "expected a relative path inside the project (no leading '/', no '..')")
            }
            declared.path = normalized
        }
        if let (value, at) = field("kind") { declared.kind = try choice(value, at: at, ComponentKind.self) }
        if let (value, at) = field("role") { declared.role = try choice(value, at: at, ComponentRole.self) }
        if let (value, at) = field("app") {
            let text = try string(value, at: at)
            guard ConfigRules.isAppReference(text) else {
                throw document.error(at: at, "expected module:attribute, such as \"app.main:app\"")
            }
            declared.app = text
        }
        if let (value, at) = field("commands") {
            let commands = try object(value, at: at)
            try checkKeys(commands, at: at, allowed: ComponentCommands.names)
            for (command, argv) in commands {
                let argvPath = JSONPath.member(at, command)
                let words = try strings(argv, at: argvPath)
                guard let program = words.first, !program.isEmpty else {
                    throw document.error(at: argvPath, "expected an argv array whose first element names the program")
                }
                declared.commands[command] = words
            }
        }
        if let (value, at) = field("env") {
            for (key, entry) in try object(value, at: at) {
                let entryPath = JSONPath.member(at, key)
                guard ConfigRules.isEnvironmentName(key) else {
                    throw document.keyError(
                        at: entryPath,
                        "environment variable names are letters, digits and '_', not starting with a digit")
                }
                declared.environment[key] = try string(entry, at: entryPath)
            }
        }
        if let (value, at) = field("inputs") { declared.inputs = try globs(value, at: at) }
        if let (value, at) = field("exclude") { declared.exclude = try globs(value, at: at) }
        if let (value, at) = field("depends_on") {
            let names = try strings(value, at: at)
            for (index, other) in names.enumerated() where names[..<index].contains(other) || other == name {
                let reason = other == name ? "a component cannot depend on itself" : "\"\(other)\" is listed twice"
                throw document.error(at: JSONPath.element(at, index), reason)
            }
            declared.dependsOn = names
        }
        return declared
    }

    // MARK: - Typed values

    private func object(_ value: JSONValue, at path: String) throws -> JSONObject {
        guard let object = value.object else { throw mismatch(value, at: path, expected: "an object") }
        return object
    }

    private func string(_ value: JSONValue, at path: String) throws -> String {
        guard let text = value.string else { throw mismatch(value, at: path, expected: "a string") }
        return text
    }

    private func strings(_ value: JSONValue, at path: String) throws -> [String] {
        guard let elements = value.array else { throw mismatch(value, at: path, expected: "an array of strings") }
        return try elements.enumerated().map { try string($1, at: JSONPath.element(path, $0)) }
    }

    private func globs(_ value: JSONValue, at path: String) throws -> [String] {
        let patterns = try strings(value, at: path)
        if let empty = patterns.firstIndex(of: "") {
            throw document.error(at: JSONPath.element(path, empty), "expected a non-empty glob")
        }
        return patterns
    }

    private func choice<Choice: RawRepresentable & CaseIterable>(_ value: JSONValue, at path: String, _: Choice.Type)
        throws -> Choice
    where Choice.RawValue == String {
        let text = try string(value, at: path)
        guard let choice = Choice(rawValue: text) else {
            let allowed = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw document.error(at: path, "expected one of \(allowed), found \"\(text)\"")
        }
        return choice
    }

    private func byteSize(_ value: JSONValue, at path: String) throws -> Int64 {
        if let bytes = value.int, bytes >= 0 { return Int64(bytes) }
        if let text = value.string, let bytes = ConfigRules.byteSize(text) { return bytes }
        throw document.error(
            at: path,
            "expected a size such as \"2G\", \"500M\" or a number of bytes, found \(value.typeName == "a string" ? value.description : value.typeName)"
        )
    }

    // MARK: - Errors

    private func checkKeys(_ object: JSONObject, at path: String, allowed: [String]) throws {
        for key in object.keys where !allowed.contains(key) {
            let suggestion = ConfigRules.closest(to: key, among: allowed).map { "did you mean \"\($0)\"? " } ?? ""
            throw document.keyError(
                at: JSONPath.member(path, key), "unknown key",
                hint: suggestion + "known keys: " + allowed.joined(separator: ", "))
        }
    }

    private func mismatch(_ value: JSONValue, at path: String, expected: String) -> HelpError {
        document.error(at: path, "expected \(expected), found \(value.typeName)")
    }
}
