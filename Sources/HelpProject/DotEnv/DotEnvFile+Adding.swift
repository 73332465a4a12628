import HelpSystem

/// Appending variables that are missing, never touching those present, with values quoted so that
/// python-dotenv reads back exactly what was written.
extension DotEnvFile {
    /// The file with each `(key, value)` whose key is absent appended as `KEY=value` (first pair wins
    /// for a repeated key); present keys, even without a value, are left alone. Throws
    /// `HelpError.usage` for a key that is not a shell variable name and `HelpError.badData` for a
    /// value python-dotenv could not read back (one containing `${`).
    public func adding(missing pairs: [(key: String, value: String)]) throws -> DotEnvFile {
        let newline = entries.contains { $0.text.contains("\r\n") } ? "\r\n" : "\n"
        var present = Set(entries.compactMap(\.key))
        var appended = ""
        for (key, value) in pairs where !present.contains(key) {
            guard DotEnvFile.isVariableName(key) else {
                throw HelpError.usage("'\(key)' is not a valid environment variable name",
                                      hint: "use letters, digits and _, not starting with a digit")
            }
            appended += key + "=" + (try DotEnvFile.render(value, key: key)) + newline
            present.insert(key)
        }
        guard !appended.isEmpty else { return self }
        var text = self.text
        if let last = text.unicodeScalars.last, last != "\n", last != "\r" { text += newline }
        return DotEnvFile(text: text + appended)
    }

    /// `adding(missing:)` for generated secrets; their values never appear in errors.
    public func adding(missingSecrets pairs: [(key: String, value: Secret)]) throws -> DotEnvFile {
        try adding(missing: pairs.map { ($0.key, $0.value.reveal()) })
    }

    // MARK: - Writing values

    /// `[A-Za-z_][A-Za-z0-9_]*`.
    static func isVariableName(_ key: String) -> Bool {
        guard let first = key.utf8.first, !(first >= 48 && first <= 57) else { return false }
        return key.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) || $0 == 95 }
    }

    /// The value as written after `=`: bare when safe, else single quotes, else double quotes with
    /// escapes.
    static func render(_ value: String, key: String) throws -> String {
        if value.contains("${") {
            throw HelpError.badData("the value for \(key) contains '${', which python-dotenv would expand",
                                    hint: "choose a value without '${'")
        }
        let safe = value.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "_-.,:/@+=%~^*!?[]".unicodeScalars.contains(scalar))
        }
        if safe { return value }
        if !value.contains("'"), !value.contains("\\"), !value.contains(where: \.isNewline) {
            return "'" + value + "'"
        }
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "\"" + escaped + "\""
    }
}
