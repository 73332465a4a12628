/// Which package.json script runs a Node component's unit tests. `test` as a rule; but when `test`
/// chains a tool that is not installed (`eslint . && node --test`, a linter from devDependencies
/// that could not be installed) the project's `test:unit` script, else the `node --test …` part of
/// the chain, and the report says why.
enum NodeTestScript {
    /// The chosen script's name and command (nil command: none declared, `node --test` is used)
    /// and, when not plain `test`, the reason.
    struct Choice: Equatable {
        var script: String
        var command: String?
        var note: String?
    }

    static func choose(test: String?, unit: String?, installed: (String) -> Bool) -> Choice {
        guard let test else { return Choice(script: "test", command: nil) }
        let parts = segments(of: test)
        guard parts.count > 1,
            let missing = parts.compactMap({ $0.first }).first(where: { !builtIn.contains($0) && !installed($0) })
        else { return Choice(script: "test", command: test) }
        let why = "test chains \(missing), which is not installed"
        if let unit { return Choice(script: "test:unit", command: unit, note: "\(why): ran test:unit") }
        if let nodeTest = parts.first(where: { $0.first == "node" && $0.contains("--test") }) {
            let command = nodeTest.joined(separator: " ")
            return Choice(script: "test", command: command, note: "\(why): ran \(command)")
        }
        return Choice(script: "test", command: test)
    }

    /// Programs that come with Node itself.
    static let builtIn: Set<String> = ["node", "npm", "npx"]

    /// The commands of a script chained with `&&`, `||` or `;`, each as words.
    static func segments(of script: String) -> [[String]] {
        var parts: [[String]] = []
        var current: [String] = []
        for word in script.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) {
            if ["&&", "||", ";"].contains(word) {
                parts.append(current)
                current = []
            } else if word.hasSuffix(";") {
                current.append(String(word.dropLast()))
                parts.append(current)
                current = []
            } else {
                current.append(word)
            }
        }
        parts.append(current)
        return parts.filter { !$0.isEmpty }
    }
}
