import HelpProject
import HelpSystem

/// A child that failed because of the configuration it was given, recognised in its output: a
/// pydantic `ValidationError` on a settings class, a `KeyError` or a missing environment
/// variable. Such a failure is the user's configuration to fix (exit 65 naming the keys), not a
/// migration or a script to debug.
struct ConfigurationFailure: Equatable {
    /// The keys named in the output, upper-cased as variables are (may be empty).
    var keys: [String]

    /// The failure in `output`, or nil when the output shows no configuration error.
    static func detect(_ output: String) -> ConfigurationFailure? {
        let lines = output.split(whereSeparator: \.isNewline).map(String.init)
        var keys: [String] = []
        func add(_ key: String) {
            let upper = key.uppercased()
            if !upper.isEmpty, !keys.contains(upper) { keys.append(upper) }
        }
        var settingsError = false
        for (index, line) in lines.enumerated() {
            if line.contains("ValidationError"), line.contains("validation error") { settingsError = true }
            // pydantic: the field's name alone on a line, the reason indented below it.
            if settingsError, index + 1 < lines.count, isIdentifier(line), lines[index + 1].hasPrefix("  ") {
                add(line)
            }
            if let range = line.firstRange(of: "KeyError: '") {
                let name = line[range.upperBound...].prefix { $0 != "'" }
                if isIdentifier(String(name)) {
                    settingsError = true
                    add(String(name))
                }
            }
        }
        return settingsError ? ConfigurationFailure(keys: keys) : nil
    }

    /// Exit 65 naming the keys and the file to set them in.
    func error(component: String, step: String, file: String?) -> HelpError {
        let named = keys.isEmpty ? "" : ": " + keys.joined(separator: ", ")
        let place = file.map { "in \($0) (or in the environment)" } ?? "in the environment"
        return HelpError.badData(
            "\(component): \(step) stopped on the configuration, not on a migration\(named)",
            hint: "set \(keys.count == 1 ? "it" : keys.isEmpty ? "what the settings need" : "them") \(place) "
                + "and run again; the full output is in .helpcache/logs/")
    }

    private static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
