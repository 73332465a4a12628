import HelpSystem

/// Reads PEP 508 text: a name, optional extras in brackets, then either `@ url` or version clauses
/// (optionally in parentheses), then an optional `; marker`.
struct RequirementParser {
    private let text: String
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        self.text = text
        self.characters = Array(text)
    }

    mutating func parse() throws -> Requirement {
        skipSpaces()
        let name = readWhile { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
        guard !name.isEmpty else { throw failure("expected a package name at the start") }
        guard isValidPackageName(name) else {
            throw failure("'\(name)' is not a valid name: it must start and end with a letter or digit")
        }
        var requirement = Requirement(name: name)
        skipSpaces()
        if peek() == "[" { requirement.extras = try parseExtras() }
        skipSpaces()
        if peek() == "@" {
            index += 1
            skipSpaces()
            let url = readWhile { $0 != " " && $0 != "\t" }
            guard !url.isEmpty else { throw failure("expected a URL after '@'") }
            requirement.url = url
            guard index < characters.count else { return requirement }
            skipSpaces()
            guard index < characters.count else { return requirement }
        } else {
            requirement.specifier = try parseSpecifier()
        }
        skipSpaces()
        guard index < characters.count else { return requirement }
        guard peek() == ";" else {
            throw failure("expected ',' between version clauses, ';' before a marker, or the end at '\(rest)'")
        }
        index += 1
        let markerText = rest
        guard !markerText.trimmingPythonSpace().isEmpty else { throw failure("expected a marker after ';'") }
        requirement.marker = try Marker(markerText)
        return requirement
    }

    // MARK: - Parts

    private mutating func parseExtras() throws -> [String] {
        index += 1
        var extras: [String] = []
        while true {
            skipSpaces()
            if peek() == "]", extras.isEmpty {
                index += 1
                return extras
            }
            let extra = readWhile { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
            guard isValidPackageName(extra) else { throw failure("expected an extra name inside [ ] at '\(rest)'") }
            extras.append(extra)
            skipSpaces()
            if peek() == "," {
                index += 1
                continue
            }
            guard peek() == "]" else { throw failure("expected ',' or ']' after extra '\(extra)'") }
            index += 1
            return extras
        }
    }

    /// Version clauses up to `;` or the end; `name (>=1, <2)` keeps its parentheses out.
    private mutating func parseSpecifier() throws -> SpecifierSet {
        let clauses: String
        if peek() == "(" {
            index += 1
            clauses = readWhile { $0 != ")" }
            guard peek() == ")" else { throw failure("expected ')' to close the version clauses") }
            index += 1
        } else {
            clauses = readWhile { $0 != ";" }
        }
        if clauses.trimmingPythonSpace().isEmpty { return SpecifierSet() }
        guard let first = clauses.trimmingPythonSpace().first, "<>=!~".contains(first) else {
            throw failure("expected a version clause (>=1.0, ==2.*, …), '@ url' or ';' at '\(clauses.trimmingPythonSpace())'")
        }
        let parts = clauses.split(separator: ",", omittingEmptySubsequences: false)
        var specifiers: [VersionSpecifier] = []
        for part in parts {
            guard !part.trimmingPythonSpace().isEmpty else { throw failure("empty version clause between commas") }
            do {
                specifiers.append(try VersionSpecifier(String(part)))
            } catch let error as HelpError {
                throw failure(error.message)
            }
        }
        return SpecifierSet(specifiers)
    }

    // MARK: - Scanning

    private mutating func readWhile(_ accept: (Character) -> Bool) -> String {
        let start = index
        while let character = peek(), accept(character) { index += 1 }
        return String(characters[start..<index])
    }

    private mutating func skipSpaces() {
        while let character = peek(), character == " " || character == "\t" { index += 1 }
    }

    private func peek() -> Character? { index < characters.count ? characters[index] : nil }
    private var rest: String { String(characters[index...]) }

    private func failure(_ reason: String) -> HelpError {
        HelpError.badData("'\(text)' is not a valid requirement: \(reason)",
                          hint: "requirements look like httpx, httpx>=0.27, uvicorn[standard]~=0.30 or pkg @ https://…")
    }
}
