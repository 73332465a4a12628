import HelpSystem

/// Recursive descent over the PEP 508 marker grammar:
/// `or_expr := and_expr ('or' and_expr)*`, `and_expr := atom ('and' atom)*`,
/// `atom := '(' or_expr ')' | value op value`, values being variables or quoted strings.
struct MarkerParser {
    private let text: String
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        self.text = text
        self.characters = Array(text)
    }

    /// The whole text as one marker; anything left over is an error.
    mutating func parseWhole() throws -> Marker {
        let marker = try parseOr()
        skipSpaces()
        guard index == characters.count else { throw failure("unexpected '\(rest)'") }
        return marker
    }

    // MARK: - Grammar

    private mutating func parseOr() throws -> Marker {
        var marker = try parseAnd()
        while consumeWord("or") { marker = .or(marker, try parseAnd()) }
        return marker
    }

    private mutating func parseAnd() throws -> Marker {
        var marker = try parseAtom()
        while consumeWord("and") { marker = .and(marker, try parseAtom()) }
        return marker
    }

    private mutating func parseAtom() throws -> Marker {
        skipSpaces()
        if peek() == "(" {
            index += 1
            let inner = try parseOr()
            skipSpaces()
            guard peek() == ")" else { throw failure("expected ')' to close '('") }
            index += 1
            return inner
        }
        let lhs = try parseValue()
        let op = try parseOperator()
        let rhs = try parseValue()
        return .comparison(lhs, op, rhs)
    }

    private mutating func parseValue() throws -> MarkerValue {
        skipSpaces()
        guard let first = peek() else { throw failure("expected a marker variable or a quoted string at the end") }
        if first == "\"" || first == "'" {
            index += 1
            let start = index
            while let character = peek(), character != first { index += 1 }
            guard peek() == first else { throw failure("unterminated string \(first)\(String(characters[start...]))") }
            let literal = String(characters[start..<index])
            index += 1
            return .literal(literal)
        }
        let word = readWord()
        guard !word.isEmpty else { throw failure("expected a marker variable or a quoted string at '\(rest)'") }
        guard let name = MarkerVariables.canonical[word] else {
            throw failure("'\(word)' is not a marker variable (python_version, sys_platform, extra, …)")
        }
        return .variable(name)
    }

    private mutating func parseOperator() throws -> MarkerOperator {
        skipSpaces()
        for op in ["===", "==", "~=", "!=", "<=", ">=", "<", ">"] where consumeSymbol(op) {
            return MarkerOperator(rawValue: op)!
        }
        if consumeWord("in") { return .in }
        let start = index
        if consumeWord("not") {
            if consumeWord("in") { return .notIn }
            index = start
        }
        throw failure("expected a comparison operator (==, <, in, not in, …) at '\(rest)'")
    }

    // MARK: - Scanning

    private mutating func consumeWord(_ word: String) -> Bool {
        skipSpaces()
        let start = index
        guard readWord() == word else {
            index = start
            return false
        }
        return true
    }

    private mutating func consumeSymbol(_ symbol: String) -> Bool {
        let symbolCharacters = Array(symbol)
        guard index + symbolCharacters.count <= characters.count,
              Array(characters[index..<index + symbolCharacters.count]) == symbolCharacters else { return false }
        index += symbolCharacters.count
        return true
    }

    /// Letters, digits, `_` and `.`: variable names (`os.name`) and the words and/or/in/not.
    private mutating func readWord() -> String {
        let start = index
        while let character = peek(), character.isASCII, character.isLetter || character.isNumber || character == "_" || character == "." {
            index += 1
        }
        return String(characters[start..<index])
    }

    private mutating func skipSpaces() {
        while let character = peek(), character == " " || character == "\t" { index += 1 }
    }

    private func peek() -> Character? { index < characters.count ? characters[index] : nil }
    private var rest: String { String(characters[index...]) }

    private func failure(_ reason: String) -> HelpError {
        HelpError.badData("invalid environment marker '\(text)': \(reason)",
                          hint: "markers look like python_version < \"3.11\" and sys_platform == \"linux\"")
    }
}
