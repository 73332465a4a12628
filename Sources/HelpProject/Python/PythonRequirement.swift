import HelpSystem

/// One PEP 508 requirement (`uvicorn[standard]>=0.30; python_version >= "3.9"`, `pkg @ https://…`):
/// name, extras, version specifiers or URL, and environment marker.
public struct PythonRequirement: Sendable, Hashable, CustomStringConvertible {
    /// The name as written.
    public var name: String
    public var extras: [String]
    public var specifier: SpecifierSet
    /// For `name @ url` requirements.
    public var url: String?
    public var marker: MarkerExpression?

    /// A requirement from its parts.
    public init(
        name: String, extras: [String] = [], specifier: SpecifierSet = .any, url: String? = nil,
        marker: MarkerExpression? = nil
    ) {
        self.name = name
        self.extras = extras
        self.specifier = specifier
        self.url = url
        self.marker = marker
    }

    /// The PEP 503 name: lower case, each run of `-`, `_`, `.` as one `-` (`Foo.Bar__baz` -> `foo-bar-baz`).
    public var normalizedName: String { PythonRequirement.normalize(name) }

    /// PEP 503 normalization of a package or extra name.
    public static func normalize(_ name: String) -> String {
        var out = ""
        var pendingDash = false
        for character in name.lowercased() {
            if character == "-" || character == "_" || character == "." {
                pendingDash = !out.isEmpty
            } else {
                if pendingDash { out.append("-") }
                out.append(character)
                pendingDash = false
            }
        }
        return out
    }

    /// True when the requirement applies in `environment` (always, without a marker).
    public func applies(in environment: MarkerEnvironment) -> Bool { marker?.evaluate(in: environment) ?? true }

    /// The canonical text: `uvicorn[standard]<1,>=0.30; python_version >= "3.9"`.
    public var description: String {
        var text = name
        if !extras.isEmpty { text += "[" + extras.joined(separator: ",") + "]" }
        if let url { text += " @ " + url } else { text += specifier.description }
        if let marker { text += (url == nil ? "; " : " ; ") + marker.description }
        return text
    }

    // MARK: - Parsing

    /// Parses one requirement line as it appears in metadata or a requirements file; throws a
    /// data error that says what is wrong.
    public static func parse(_ input: String) throws -> PythonRequirement {
        let text = Array(input)
        var index = 0
        func fail(_ why: String) -> HelpError {
            HelpError.badData(
                "'\(PEPText.trim(input))' is not a valid requirement: \(why)",
                hint: "use PEP 508 form: name, name[extra], name>=1.2, name @ https://…, then ; marker")
        }
        func skipSpaces() { while index < text.count, text[index] == " " || text[index] == "\t" { index += 1 } }
        func take(while accept: (Character) -> Bool) -> String {
            let start = index
            while index < text.count, accept(text[index]) { index += 1 }
            return String(text[start..<index])
        }
        let nameCharacter: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        skipSpaces()
        let name = take(while: nameCharacter)
        guard let first = name.first, let last = name.last, first.isLetter || first.isNumber,
            last.isLetter || last.isNumber
        else {
            throw fail("a package name starts and ends with a letter or digit")
        }
        skipSpaces()
        var extras: [String] = []
        if index < text.count, text[index] == "[" {
            guard let close = text[index...].firstIndex(of: "]") else { throw fail("unclosed [") }
            let inside = String(text[(index + 1)..<close])
            for part in inside.split(separator: ",", omittingEmptySubsequences: false)
            where !(PEPText.trim(inside).isEmpty) {
                let extra = PEPText.trim(part)
                guard let f = extra.first, let l = extra.last, f.isLetter || f.isNumber, l.isLetter || l.isNumber,
                    extra.allSatisfy(nameCharacter)
                else { throw fail("bad extra '\(extra)'") }
                extras.append(extra)
            }
            index = close + 1
            skipSpaces()
        }
        var requirement = PythonRequirement(name: name, extras: extras)
        let rest = String(text[index...])
        var markerText: String?
        if rest.hasPrefix("@") {
            // A URL may itself hold `;`, so only `;` after whitespace starts the marker.
            let body = PEPText.trim(rest.dropFirst())
            let url = String(body.prefix { $0 != " " && $0 != "\t" })
            guard url.contains("://") || url.hasPrefix("file:") else { throw fail("'\(url)' is not a URL") }
            requirement.url = url
            let after = PEPText.trim(body.dropFirst(url.count))
            if !after.isEmpty {
                guard after.hasPrefix(";") else { throw fail("unexpected '\(after)' after the URL") }
                markerText = String(after.dropFirst())
            }
        } else {
            let semicolon = rest.firstIndex(of: ";")
            var spec = PEPText.trim(rest[..<(semicolon ?? rest.endIndex)])
            if spec.hasPrefix("(") {
                guard spec.hasSuffix(")") else { throw fail("unclosed (") }
                spec = PEPText.trim(spec.dropFirst().dropLast())
            }
            guard spec.first.map({ "<>=!~".contains($0) }) ?? true else { throw fail("unexpected '\(spec)'") }
            do { requirement.specifier = try SpecifierSet(spec) } catch {
                throw fail("bad version specifier '\(spec)'")
            }
            if let semicolon { markerText = String(rest[rest.index(after: semicolon)...]) }
        }
        if let markerText {
            guard !PEPText.trim(markerText).isEmpty else { throw fail("nothing after ';'") }
            do { requirement.marker = try MarkerExpression.parse(markerText) } catch let error as HelpError {
                throw fail(error.message)
            }
        }
        return requirement
    }
}
