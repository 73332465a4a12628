import HelpSystem

/// Reading a requirement typed on the command line (`help install 'httpx>=0.27'`): anything that
/// is not a plain PEP 508 requirement is refused before an installer sees it.
extension PythonRequirement {
    /// Characters a shell gives meaning to; a requirement never needs them.
    static let shellCharacters: Set<Character> = ["|", "&", "$", "`", "<", ">", "\\"]

    /// Parses one requirement given by a user. Refuses options (`-e`, `--index-url=…`), paths and
    /// archives, shell metacharacters and a second `;`, with a usage error naming the problem.
    public static func parseUserInput(_ input: String) throws -> PythonRequirement {
        let text = PEPText.trim(input)
        let hint = "give a package as name, name[extra], name>=1.2 or name @ https://…, quoted for the shell"
        func refuse(_ why: String) -> HelpError {
            HelpError.usage("'\(text)' is not a requirement: \(why)", hint: hint)
        }

        guard !text.isEmpty else { throw HelpError.usage("an empty requirement was given", hint: hint) }
        if text.hasPrefix("-") {
            throw refuse("it looks like an option; options are not passed through to the installer")
        }
        if let control = text.first(where: { $0.isNewline || ($0.asciiValue.map { $0 < 32 && $0 != 9 } ?? false) }) {
            throw refuse(
                "it contains the control character \(control.unicodeScalars.first.map { "U+" + String($0.value, radix: 16, uppercase: true) } ?? "")"
            )
        }
        let markerStart = text.firstIndex(of: ";")
        // `<` and `>` are version operators before the marker and inside it, so only the rest count there.
        for (offset, character) in text.enumerated() where shellCharacters.contains(character) {
            if character == "<" || character == ">" { continue }
            throw refuse("it contains the shell character '\(character)' at position \(offset + 1)")
        }
        if let markerStart, text[text.index(after: markerStart)...].contains(";") {
            throw refuse("only one ';' is allowed, before the environment marker")
        }
        let head = String(text[..<(markerStart ?? text.endIndex)])
        let isURLForm = head.contains("@")
        let beforeURL = head.split(separator: "@", maxSplits: 1).first.map(String.init) ?? head
        if head.contains("://"), !isURLForm {
            throw refuse("a URL needs a package name: name @ \(head)")
        }
        if head.hasPrefix(".") || head.hasPrefix("/") || head.hasPrefix("~") || beforeURL.contains("/") {
            throw refuse(
                "it is a path; install a local project with its folder's requirements or as an editable project")
        }
        let archives = [".whl", ".tar.gz", ".zip", ".tar.bz2", ".tgz", ".egg"]
        if !isURLForm, archives.contains(where: { head.lowercased().hasSuffix($0) }) {
            throw refuse("it is a file name; give the package name, or name @ file:///path")
        }
        do {
            return try parse(text)
        } catch let error as HelpError {
            throw HelpError.usage(error.message, hint: error.hint ?? hint)
        }
    }
}
