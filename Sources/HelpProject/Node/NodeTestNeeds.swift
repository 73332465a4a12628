import HelpSystem

/// Whether a Node package's tests need `npm install` at all. A package with no runtime
/// `dependencies` whose `test` script is Node's own runner (`node --test …`) imports nothing that
/// npm would install: its devDependencies (linters, formatters) are not needed to run the tests,
/// and installing them may be impossible without a registry.
public enum NodeTestNeeds {
    /// The reason npm install can be skipped, or nil when the tests may need installed packages.
    public static func installSkipReason(manifest: JSONValue) -> String? {
        guard manifest["dependencies"]?.object?.isEmpty ?? true,
            manifest["optionalDependencies"]?.object?.isEmpty ?? true,
            let test = manifest["scripts"]?["test"]?.string, runsNodeTestOnly(test)
        else { return nil }
        return "no runtime dependencies and tests run with node --test: npm install skipped"
    }

    /// True for `node --test [files…]` alone: no `&&`, `;` or pipe that chains another tool.
    static func runsNodeTestOnly(_ script: String) -> Bool {
        let words = script.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.count >= 2, words[0] == "node", words.contains("--test") else { return false }
        let chaining: Set<Character> = ["&", "|", ";", "`", "$", "(", ")"]
        return !script.contains(where: chaining.contains)
    }
}
