/// Reads class declarations out of Python source for `SettingsReader`: each class's bases, its
/// annotated fields (with or without a default), and the settings of `model_config =
/// SettingsConfigDict(...)` or of the older nested `class Config:`. Which classes are settings
/// classes is decided later, across files, from the bases.
enum SettingsSourceParser {
    /// Every class declared in `source`, in source order.
    static func classes(in source: String, file: String) -> [SettingsClass] {
        let lines = PythonLogicalLines.lines(source)
        let optionalMeansUnset = Self.optionalMeansUnset(source)
        var result: [SettingsClass] = []
        var index = 0
        while index < lines.count {
            guard let (name, bases) = classHeader(lines[index].text) else {
                index += 1
                continue
            }
            let classIndent = lines[index].indent
            var body: [PythonLogicalLines.Line] = []
            index += 1
            while index < lines.count, lines[index].indent > classIndent {
                body.append(lines[index])
                index += 1
            }
            result.append(
                read(
                    body, into: SettingsClass(name: name, file: file, bases: bases),
                    optionalMeansUnset: optionalMeansUnset))
            // Nested classes are read again as classes of their own: harmless, and `Config` has
            // no settings base.
            index -= body.count
        }
        return result
    }

    /// pydantic 1 (`BaseSettings` from pydantic itself, or `pydantic.v1`) gives an `Optional`
    /// field without a default the default None; pydantic 2 (`pydantic_settings`) requires every
    /// field without a default, `Optional` or not, and fails at start-up when it is unset.
    static func optionalMeansUnset(_ source: String) -> Bool {
        if source.contains("pydantic.v1") { return true }
        if source.contains("pydantic_settings") { return false }
        return source.contains("from pydantic import") && source.contains("BaseSettings")
    }

    /// `class Name(A, B):` -> ("Name", ["A", "B"]); nil for any other line.
    static func classHeader(_ text: String) -> (String, [String])? {
        guard text.hasPrefix("class "), text.hasSuffix(":") else { return nil }
        let rest = text.dropFirst(6).dropLast()
        let name = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        guard !name.isEmpty else { return nil }
        var bases: [String] = []
        if let open = rest.firstIndex(of: "("), let close = rest.lastIndex(of: ")"), open < close {
            bases = PythonExpression.split(String(rest[rest.index(after: open)..<close]), on: ",")
                .filter { !$0.contains("=") }
                .map { $0.split(separator: ".").last.map(String.init) ?? $0 }
        }
        return (name, bases)
    }

    // MARK: - Body

    private static func read(
        _ body: [PythonLogicalLines.Line], into settings: SettingsClass, optionalMeansUnset: Bool
    ) -> SettingsClass {
        var settings = settings
        guard let bodyIndent = body.first?.indent else { return settings }
        var index = 0
        var options: [String: String] = [:]
        var declared: [(name: String, annotation: String, value: String?)] = []
        while index < body.count {
            let line = body[index]
            index += 1
            guard line.indent == bodyIndent else { continue }
            if let (name, _) = classHeader(line.text), name == "Config" {
                while index < body.count, body[index].indent > bodyIndent {
                    if let (key, value) = assignment(body[index].text) { options[key] = value }
                    index += 1
                }
                continue
            }
            if let (key, value) = assignment(line.text), key == "model_config" {
                for argument in PythonExpression.callArguments(value) {
                    if let (name, argumentValue) = PythonExpression.keyword(argument) { options[name] = argumentValue }
                }
                continue
            }
            if let field = annotated(line.text) { declared.append(field) }
        }
        settings.envFiles = options["env_file"].map(PythonExpression.stringLiterals) ?? []
        settings.envPrefix = options["env_prefix"].flatMap { PythonExpression.stringLiterals($0).first } ?? ""
        settings.caseSensitive = options["case_sensitive"] == "True"
        settings.fields = declared.compactMap { field in
            guard !field.name.hasPrefix("_"), !field.annotation.contains("ClassVar") else { return nil }
            let (hasDefault, alias) = defaultAndAlias(field.value)
            let optional = optionalMeansUnset && PythonExpression.isOptional(field.annotation)
            return SettingsClass.Field(
                name: field.name, key: settings.key(for: field.name, alias: alias),
                isRequired: !hasDefault && !optional, alias: alias)
        }
        return settings
    }

    /// `name = value` (not `==`, not annotated): the name and the value's text.
    static func assignment(_ text: String) -> (String, String)? {
        let parts = PythonExpression.split(text, on: "=", limit: 2)
        guard parts.count == 2 else { return nil }
        let name = parts[0]
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        return (name, parts[1])
    }

    /// `name: annotation [= value]`.
    static func annotated(_ text: String) -> (name: String, annotation: String, value: String?)? {
        let name = String(text.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        guard !name.isEmpty, !(name.first?.isNumber ?? true) else { return nil }
        let rest = text.dropFirst(name.count).drop { $0 == " " }
        guard rest.first == ":", !rest.dropFirst().hasPrefix("=") else { return nil }
        let parts = PythonExpression.split(String(rest.dropFirst()), on: "=", limit: 2)
        guard let annotation = parts.first, !annotation.isEmpty else { return nil }
        return (name, annotation, parts.count > 1 ? parts[1] : nil)
    }

    /// Whether a field's value gives it a default, and the alias it names. `...` and a `Field()`
    /// with neither a positional default nor `default=`/`default_factory=` give none.
    static func defaultAndAlias(_ value: String?) -> (Bool, String?) {
        guard let value else { return (false, nil) }
        if value == "..." { return (false, nil) }
        guard value.hasPrefix("Field(") || value.hasPrefix("pydantic.Field(") else { return (true, nil) }
        var hasDefault = false
        var alias: String?
        for (position, argument) in PythonExpression.callArguments(value).enumerated() {
            if let (name, argumentValue) = PythonExpression.keyword(argument) {
                if name == "default" || name == "default_factory" { hasDefault = argumentValue != "..." }
                if name == "alias" || name == "validation_alias" {
                    alias = PythonExpression.stringLiterals(argumentValue).first ?? alias
                }
            } else if position == 0 {
                hasDefault = argument != "..."
            }
        }
        return (hasDefault, alias)
    }
}
