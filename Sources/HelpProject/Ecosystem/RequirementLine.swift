import HelpSystem

/// One PEP 508 requirement as `help install` handles it: name, extras, version specifier, URL and
/// marker, parsed strictly (anything else is refused before pip sees it) and written back as given.
public struct RequirementLine: Sendable, Equatable, CustomStringConvertible {
    public var name: String
    public var extras: [String]
    /// The version specifier as written, without spaces (`>=0.27,<1`); empty when absent.
    public var specifier: String
    /// `name @ url` requirements.
    public var url: String?
    /// The environment marker after `;`, as written.
    public var marker: String?

    /// PEP 503 normalized name: lower case, runs of `-`, `_`, `.` as one `-`.
    public var normalizedName: String { RequirementLine.normalize(name) }

    public static func normalize(_ name: String) -> String {
        var out = ""
        var pendingDash = false
        for character in name.lowercased() {
            if character == "-" || character == "_" || character == "." {
                pendingDash = true
            } else {
                if pendingDash && !out.isEmpty { out.append("-") }
                out.append(character)
                pendingDash = false
            }
        }
        return out
    }

    /// The canonical text: `uvicorn[standard]>=0.30; python_version >= "3.9"`.
    public var description: String {
        var text = name
        if !extras.isEmpty { text += "[" + extras.joined(separator: ",") + "]" }
        if let url { text += " @ " + url } else { text += specifier }
        if let marker { text += (url == nil ? "; " : " ; ") + marker }
        return text
    }

    // MARK: - Parsing

    /// Parses one requirement; throws a usage error that says what is wrong.
    public static func parse(_ input: String) throws -> RequirementLine {
        var scanner = Substring(input)
        func fail(_ why: String) -> HelpError {
            HelpError.usage("'\(input)' is not a valid requirement: \(why)", hint: "use PEP 508 form: name, name[extra], name>=1.2, name @ https://…")
        }
        skipSpaces(&scanner)
        let name = take(&scanner) { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        guard let first = name.first, let last = name.last, first.isLetter || first.isNumber, last.isLetter || last.isNumber else {
            throw fail("a package name starts and ends with a letter or digit")
        }
        skipSpaces(&scanner)
        var extras: [String] = []
        if scanner.first == "[" {
            guard let close = scanner.firstIndex(of: "]") else { throw fail("unclosed [") }
            for part in scanner[scanner.index(after: scanner.startIndex)..<close].split(separator: ",") {
                let extra = part.trimmingSpaces()
                guard !extra.isEmpty, extra.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
                    throw fail("bad extra '\(extra)'")
                }
                extras.append(extra)
            }
            scanner = scanner[scanner.index(after: close)...]
            skipSpaces(&scanner)
        }
        var url: String?
        var specifier = ""
        if scanner.first == "@" {
            scanner = scanner.dropFirst()
            skipSpaces(&scanner)
            let text = take(&scanner) { !$0.isWhitespace }
            guard text.contains("://") || text.hasPrefix("file:") else { throw fail("'\(text)' is not a URL") }
            url = text
        } else {
            let end = scanner.firstIndex(of: ";") ?? scanner.endIndex
            var spec = String(scanner[..<end]).filter { !$0.isWhitespace }
            if spec.hasPrefix("(") && spec.hasSuffix(")") { spec = String(spec.dropFirst().dropLast()) }
            if !spec.isEmpty {
                guard let clauses = VersionRange.clauses(spec) else { throw fail("bad version specifier '\(spec)'") }
                specifier = clauses.joined(separator: ",")
            }
            scanner = scanner[end...]
        }
        skipSpaces(&scanner)
        var marker: String?
        if scanner.first == ";" {
            let text = String(scanner.dropFirst()).trimmingSpaces()
            guard MarkerCheck.isValid(text) else { throw fail("bad environment marker '\(text)'") }
            marker = text
        } else if !scanner.isEmpty {
            throw fail("unexpected '\(scanner)'")
        }
        return RequirementLine(name: name, extras: extras, specifier: specifier, url: url, marker: marker)
    }

    private static func skipSpaces(_ text: inout Substring) {
        while let c = text.first, c == " " || c == "\t" { text = text.dropFirst() }
    }

    private static func take(_ text: inout Substring, while accept: (Character) -> Bool) -> String {
        let end = text.firstIndex(where: { !accept($0) }) ?? text.endIndex
        defer { text = text[end...] }
        return String(text[..<end])
    }
}

/// Checks that a PEP 508 marker is made of marker variables, quoted strings, comparison
/// operators, `and`/`or`/`in`/`not` and balanced parentheses.
enum MarkerCheck {
    static let variables: Set<String> = [
        "python_version", "python_full_version", "os_name", "sys_platform", "platform_release", "platform_system",
        "platform_version", "platform_machine", "platform_python_implementation", "implementation_name",
        "implementation_version", "extra", "os.name", "sys.platform", "platform.version", "platform.machine",
    ]

    static func isValid(_ marker: String) -> Bool {
        var text = Substring(marker)
        var depth = 0
        var sawVariable = false
        while let c = text.first {
            if c == " " || c == "\t" { text = text.dropFirst(); continue }
            if c == "(" { depth += 1; text = text.dropFirst(); continue }
            if c == ")" { depth -= 1; guard depth >= 0 else { return false }; text = text.dropFirst(); continue }
            if c == "'" || c == "\"" {
                guard let close = text.dropFirst().firstIndex(of: c) else { return false }
                text = text[text.index(after: close)...]
                continue
            }
            if "<>=!~".contains(c) {
                text = Substring(text.drop(while: { "<>=!~".contains($0) }))
                continue
            }
            let word = text.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." })
            guard !word.isEmpty else { return false }
            if variables.contains(String(word)) { sawVariable = true } else if !["and", "or", "in", "not"].contains(String(word)) { return false }
            text = text.dropFirst(word.count)
        }
        return depth == 0 && sawVariable
    }
}
