import HelpProject
import HelpSystem

/// Component flags (`--server`, `--python-client`): every component of the project can be named
/// by its own flag on commands that take `--component NAME`. The flags depend on the project, so
/// they cannot sit in a static option table; unknown `--words` that match a component's flag are
/// rewritten to `--component NAME` before parsing.
enum ComponentFlags {
    /// `words` with component flags turned into `--component NAME`; unchanged when the project
    /// cannot be read or no word is such a flag (the parser then reports the unknown option).
    static func rewrite(_ words: [String], known: [OptionSpec], folder: String) -> [String] {
        let knownSpellings = Set(known.map { "--" + $0.long })
        let candidates = words.prefix(while: { $0 != "--" }).filter {
            $0.hasPrefix("--") && !$0.contains("=") && !knownSpellings.contains($0)
        }
        guard !candidates.isEmpty, let project = try? Project.load(from: folder) else { return words }
        var result: [String] = []
        var afterTerminator = false
        for word in words {
            if word == "--" { afterTerminator = true }
            if !afterTerminator, candidates.contains(word),
                let component = project.components.first(where: { $0.flag == word })
            {
                result += ["--component", component.name]
            } else {
                result.append(word)
            }
        }
        return result
    }
}
