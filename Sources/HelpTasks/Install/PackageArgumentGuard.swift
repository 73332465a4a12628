import HelpSystem

/// The first gate for a package argument of `help install`, before PEP 508 parsing: pip options
/// (`--index-url=…`, `-e`), shell metacharacters and control characters are refused with exit 64,
/// so nothing a user pastes can redirect pip to another index or smuggle a second command.
public enum PackageArgumentGuard {
    /// Characters no requirement needs and shells give meaning to. `;` (markers), `<`, `>`, `!`,
    /// `(`, `)`, quotes, `*` and `@` are legal in PEP 508 and left to its parser.
    static let forbidden: Set<Character> = ["`", "$", "|", "&", "\\", "{", "}"]

    /// Throws a usage error explaining what is wrong with `argument`.
    public static func check(_ argument: String) throws {
        let trimmed = argument.trimmingCharacters(in: " \t")
        if trimmed.isEmpty {
            throw HelpError.usage("an empty package name was given")
        }
        if trimmed.hasPrefix("-") {
            throw HelpError.usage(
                "'\(argument)' is an option for pip, not a package",
                hint: "help install takes package requirements only (httpx, 'httpx>=0.27'); configure indexes in pip.conf or uv.toml")
        }
        if let bad = argument.first(where: { forbidden.contains($0) || $0.isNewline || ($0.asciiValue.map { $0 < 0x20 } ?? false) }) {
            let shown = bad.isNewline ? "a line break" : "'\(bad)'"
            throw HelpError.usage(
                "'\(argument)' contains \(shown), which no package requirement needs",
                hint: "give a PEP 508 requirement such as httpx, 'httpx>=0.27' or 'uvicorn[standard]'")
        }
    }
}

extension String {
    /// Drops the given characters from both ends.
    func trimmingCharacters(in set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
