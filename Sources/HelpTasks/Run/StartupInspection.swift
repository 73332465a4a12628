import HelpProject
import HelpSystem

/// Finds a server's own start-up steps, the ones its deployment runs before the server: a
/// prestart script (`scripts/prestart.sh`, `prestart.sh`) or the `release:` line of a Procfile,
/// and what they touch (Alembic, a seed module such as `app/initial_data.py`).
enum StartupInspection {
    /// Where prestart scripts live, relative to the component, in the order looked for.
    static let scripts = ["scripts/prestart.sh", "prestart.sh", "scripts/prestart", "prestart"]

    /// What was found in `folder`; nil when there are no such steps.
    struct Found: Equatable {
        var label: String
        var argv: [String]
        var migrates: Bool
        var inputs: [String]
    }

    static func find(folder: String) -> Found? {
        for script in scripts {
            guard let text = read(folder + "/" + script) else { continue }
            let shell = text.hasPrefix("#!") && !(text.split(separator: "\n").first?.contains("bash") ?? false)
            return Found(
                label: script, argv: [shell ? "sh" : "bash", script], migrates: migrates(text),
                inputs: [script] + modules(in: text, folder: folder))
        }
        guard let procfile = read(folder + "/Procfile") else { return nil }
        for line in procfile.split(whereSeparator: \.isNewline) where line.hasPrefix("release:") {
            let command = String(line.dropFirst("release:".count)).drop { $0 == " " || $0 == "\t" }
            guard !command.isEmpty else { continue }
            // A Procfile line is a shell command line by definition (the platform runs it with a
            // shell); it is the project's own text, run as it is.
            return Found(
                label: "Procfile release", argv: ["sh", "-c", String(command)], migrates: migrates(String(command)),
                inputs: ["Procfile"] + modules(in: String(command), folder: folder))
        }
        return nil
    }

    /// True when the text runs `alembic upgrade`.
    static func migrates(_ text: String) -> Bool {
        text.split(whereSeparator: \.isNewline).contains { line in
            !line.drop { $0 == " " }.hasPrefix("#") && line.contains("alembic") && line.contains("upgrade")
        }
    }

    /// Python files the text names that exist in `folder`: `python app/initial_data.py` and
    /// `python -m app.initial_data` both give `app/initial_data.py`.
    static func modules(in text: String, folder: String) -> [String] {
        var found: [String] = []
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == ";" || $0 == "&" })
        for (index, word) in words.enumerated() {
            var candidates: [String] = []
            if word.hasSuffix(".py") { candidates.append(String(word.hasPrefix("./") ? word.dropFirst(2) : word)) }
            if word == "-m", index + 1 < words.count {
                let module = String(words[index + 1]).replacingAll(".", with: "/")
                candidates += [module + ".py", module + "/__main__.py"]
            }
            for candidate in candidates where !candidate.hasPrefix("/") && !candidate.contains("..") {
                if (try? FileSystem().stat(folder + "/" + candidate))?.kind == .regular, !found.contains(candidate) {
                    found.append(candidate)
                }
            }
        }
        return found
    }

    /// A small regular file's text; nil when missing or over 256 KB.
    private static func read(_ path: String) -> String? {
        let fileSystem = FileSystem()
        guard let info = try? fileSystem.stat(path), info.kind == .regular, info.size < 256 << 10 else { return nil }
        return try? fileSystem.readText(path)
    }
}
