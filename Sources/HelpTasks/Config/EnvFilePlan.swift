import HelpProject
import HelpSystem

/// What the configuration step will do to one component's `.env`, computed without touching
/// anything: the keys the template has and the file lacks (added at the end with their comments),
/// the template's secrets that are empty in the file (filled in place), and whether the file's
/// mode must be narrowed to 0600. Values already in the file are never changed.
public struct EnvFilePlan: Sendable, Equatable {
    /// The component's name.
    public var component: String
    /// The `.env` file, absolute.
    public var path: String
    public var template: EnvTemplate
    /// The file's text now; nil when there is no `.env` yet.
    public var existingText: String?
    /// The file as python-dotenv reads it now (empty when there is none).
    public var existing: DotEnvFile
    /// Template entries the file does not have, in template order.
    public var additions: [EnvTemplate.Entry]
    /// Keys marked `secret` that the file has with an empty value on a plain `KEY=` line.
    public var fills: [String]
    /// The file exists and others than its owner may read it.
    public var narrowsMode: Bool
    /// Where the file really is when a symlink leads it out of the project; nothing is written there.
    public var outsideTarget: String?
    /// Values `help run` supplies itself (the database it prepared): written for added keys and
    /// into empty plain assignments, never over a value the file has.
    public var provided: [String: Secret]

    /// The plan for `template` and the `.env` at `path` whose text is `existingText` (nil when
    /// missing) and whose permission bits are `mode`; `outsideTarget` is where a symlink at `path`
    /// leads when that is outside the project.
    public init(
        component: String, path: String, template: EnvTemplate, existingText: String?, mode: UInt32?,
        outsideTarget: String? = nil, provided: [String: Secret] = [:]
    ) throws {
        self.component = component
        self.provided = provided
        self.path = path
        self.outsideTarget = outsideTarget
        self.template = template
        self.existingText = existingText
        existing = DotEnvFile(text: existingText ?? "")
        if let unreadable = existing.unreadableLines.first {
            throw HelpError.badData(
                "\(path):\(unreadable.lowerBound): python-dotenv cannot read this line",
                hint: "close its quotes, or quote a value that holds spaces or #")
        }
        let present = Set(existing.keys)
        additions = template.entries.filter { !present.contains($0.key) }
        let lines = existingText.map(EnvFilePlan.lines) ?? []
        var fills: [String] = []
        for entry in template.entries
        where (entry.isSecret && entry.value.isEmpty) || provided[entry.key].map({ !$0.reveal().isEmpty }) == true {
            // The last assignment wins for readers, so that is the one to fill.
            guard let binding = existing.entries.last(where: { $0.key == entry.key }), (binding.value ?? "").isEmpty,
                binding.lines.count == 1,
                EnvFilePlan.isPlainEmptyAssignment(lines[binding.lines.lowerBound - 1], key: entry.key)
            else { continue }
            fills.append(entry.key)
        }
        self.fills = fills
        narrowsMode = existingText != nil && (mode ?? 0) & 0o077 != 0
    }

    /// True when the file must be written (a new file, added keys, filled secrets).
    public var writes: Bool { existingText == nil || !additions.isEmpty || !fills.isEmpty }

    /// Refuses (exit 65) a plan that would write or chmod a file outside the project through a symlink.
    public func checkInsideProject() throws {
        guard let outsideTarget, writes || narrowsMode else { return }
        throw HelpError.badData(
            "\(path) is a symlink to \(outsideTarget), outside the project; help run does not write through it",
            hint: writes
                ? "replace the link with a file, or add " + (additions.map(\.key) + fills).joined(separator: ", ")
                    + " to \(outsideTarget) yourself"
                : "chmod 600 \(outsideTarget) yourself")
    }

    /// Keys whose value will be generated: secrets added empty, and secrets filled in place.
    public var generatedKeys: [String] {
        (additions.filter { $0.isSecret && $0.value.isEmpty }.map(\.key) + fills).filter { provided[$0] == nil }
    }

    // MARK: - Text

    /// The new file's text, with `secrets` (key -> generated value) in place of empty secrets.
    public func render(secrets: [String: Secret]) throws -> String {
        let secrets = secrets.merging(provided) { generated, _ in generated }
        func value(_ entry: EnvTemplate.Entry) -> String {
            secrets[entry.key]?.reveal() ?? entry.value
        }
        let entries = try additions.map { entry in
            (entry.comments + [try EnvTemplate.line(key: entry.key, value: value(entry))]).joined(separator: "\n")
        }
        guard let existingText else {
            let header = [
                "# Written by `help run` from the \(template.source.name) template (\(template.source.label)).",
                "# Edit values freely: `help run` only adds keys that are missing. Keep this file out of git.",
            ]
            return (header + [""] + [entries.joined(separator: "\n\n")]).joined(separator: "\n") + "\n"
        }
        var lines = EnvFilePlan.lines(existingText)
        for key in fills {
            guard let binding = existing.entries.last(where: { $0.key == key }), let secret = secrets[key] else {
                continue
            }
            let index = binding.lines.lowerBound - 1
            let line = lines[index]
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            let export = line.dropFirst(indent.count).hasPrefix("export ") ? "export " : ""
            lines[index] = String(indent) + export + key + "=" + secret.reveal()
        }
        var text = lines.joined(separator: "\n")
        guard !additions.isEmpty else { return text }
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        return text + "\n# Added by `help run` from the \(template.source.name) template (\(template.source.label)).\n"
            + entries.joined(separator: "\n\n") + "\n"
    }

    // MARK: - Helpers

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// `KEY=`, `export KEY=`, `KEY=''`, `KEY=""`, with blanks or a comment after: a line whose
    /// value can be filled without touching anything else.
    static func isPlainEmptyAssignment(_ line: String, key: String) -> Bool {
        var rest = Substring(line).drop { $0 == " " || $0 == "\t" }
        if rest.hasPrefix("export ") { rest = rest.dropFirst(7).drop { $0 == " " || $0 == "\t" } }
        guard rest.hasPrefix(key) else { return false }
        rest = rest.dropFirst(key.count).drop { $0 == " " || $0 == "\t" }
        guard rest.hasPrefix("=") else { return false }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\r" }
        if rest.hasPrefix("''") || rest.hasPrefix("\"\"") {
            rest = rest.dropFirst(2).drop { $0 == " " || $0 == "\t" || $0 == "\r" }
        }
        return rest.isEmpty || rest.hasPrefix("#")
    }
}
