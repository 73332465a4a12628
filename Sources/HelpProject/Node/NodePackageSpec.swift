import HelpSystem

/// A package argument for a Node component (`help install @types/node --js-client`,
/// `react@18`, `lodash@^4.17`, `typescript@next`), checked by npm's naming rules before npm sees
/// it. Paths, URLs and git specs are refused: they install code from somewhere other than the
/// registry the project uses.
public struct NodePackageSpec: Sendable, Equatable, CustomStringConvertible {
    /// `@scope/name` or `name`.
    public var name: String
    /// A semver range or a dist-tag after the last `@`; nil when absent.
    public var version: String?

    public var description: String { version.map { name + "@" + $0 } ?? name }

    /// Parses one argument, throwing a usage error that names the rule it breaks.
    public static func parseUserInput(_ input: String) throws -> NodePackageSpec {
        let text = PEPText.trim(input)
        let hint = "give an npm package as name, @scope/name, name@1.2.3, name@^1.2 or name@tag"
        func refuse(_ why: String) -> HelpError {
            HelpError.usage("'\(text)' is not an npm package: \(why)", hint: hint)
        }
        guard !text.isEmpty else { throw HelpError.usage("an empty package name was given", hint: hint) }
        if text.hasPrefix("-") { throw refuse("it looks like an option; options are not passed through to npm") }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw refuse("it contains a control character")
        }
        if text.contains("://") || text.hasPrefix(".") || text.hasPrefix("/") || text.hasPrefix("~")
            || text.contains(":")
        {
            throw refuse("paths, URLs and git specs are not installed by name")
        }
        // The version starts at the first `@` that is not the scope's.
        let searchFrom = text.hasPrefix("@") ? text.index(after: text.startIndex) : text.startIndex
        let at = text[searchFrom...].firstIndex(of: "@")
        let name = String(text[..<(at ?? text.endIndex)])
        let version = at.map { String(text[text.index(after: $0)...]) }
        try checkName(name, refuse: refuse)
        if let version {
            guard !version.isEmpty else { throw refuse("nothing follows '@'") }
            let allowed = version.unicodeScalars.allSatisfy { scalar in
                (scalar.value < 128 && (Character(scalar).isLetter || Character(scalar).isNumber))
                    || ".^~<>=|*+- ".unicodeScalars.contains(scalar)
            }
            guard allowed else { throw refuse("'\(version)' is neither a version range nor a tag") }
        }
        return NodePackageSpec(name: name, version: version)
    }

    /// npm's rules for new package names: at most 214 characters, lower case, URL-safe, not
    /// starting with `.` or `_`; a scope is `@scope/` with the same characters.
    private static func checkName(_ name: String, refuse: (String) -> HelpError) throws {
        guard name.count <= 214 else { throw refuse("names are at most 214 characters") }
        var parts = [Substring(name)]
        if name.hasPrefix("@") {
            let pieces = name.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count == 2 else { throw refuse("a scoped name is @scope/name") }
            parts = pieces
        }
        for part in parts {
            guard let first = part.first else { throw refuse("a name part is empty") }
            if first == "." || first == "_" { throw refuse("a name cannot start with '\(first)'") }
            let safe = part.unicodeScalars.allSatisfy { scalar in
                ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || "-._~".unicodeScalars.contains(scalar)
            }
            guard safe else { throw refuse("names use lower-case letters, digits and - . _ ~ only") }
        }
    }
}
