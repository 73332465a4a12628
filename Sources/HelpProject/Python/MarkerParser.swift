import HelpSystem

/// Reads PEP 508 marker text into a `MarkerExpression` by recursive descent:
/// `or` of `and` of comparisons or parenthesised groups.
enum MarkerParser {
    enum Token: Equatable {
        case open, close, and, or
        case word(String)
        case string(String)
        case op(MarkerOperator)
    }

    // MARK: - Entry

    static func parse(_ text: String) throws -> MarkerExpression {
        var tokens = try tokenize(text)[...]
        let fail = { (why: String) in
            HelpError.badData(
                "'\(text)' is not a valid environment marker: \(why)",
                hint: "write markers like python_version >= \"3.9\" and sys_platform == \"linux\"")
        }
        let expression = try orExpression(&tokens, fail)
        if let extra = tokens.first { throw fail("unexpected \(describe(extra))") }
        return expression
    }

    // MARK: - Grammar

    private static func orExpression(_ tokens: inout ArraySlice<Token>, _ fail: (String) -> HelpError) throws
        -> MarkerExpression
    {
        var left = try andExpression(&tokens, fail)
        while tokens.first == .or {
            tokens.removeFirst()
            left = .or(left, try andExpression(&tokens, fail))
        }
        return left
    }

    private static func andExpression(_ tokens: inout ArraySlice<Token>, _ fail: (String) -> HelpError) throws
        -> MarkerExpression
    {
        var left = try atom(&tokens, fail)
        while tokens.first == .and {
            tokens.removeFirst()
            left = .and(left, try atom(&tokens, fail))
        }
        return left
    }

    private static func atom(_ tokens: inout ArraySlice<Token>, _ fail: (String) -> HelpError) throws
        -> MarkerExpression
    {
        if tokens.first == .open {
            tokens.removeFirst()
            let inner = try orExpression(&tokens, fail)
            guard tokens.first == .close else { throw fail("missing )") }
            tokens.removeFirst()
            return inner
        }
        let lhs = try value(&tokens, fail)
        guard case .op(let op)? = tokens.first else {
            throw fail(
                tokens.first.map { "expected a comparison operator, found \(describe($0))" }
                    ?? "expected a comparison operator")
        }
        tokens.removeFirst()
        let rhs = try value(&tokens, fail)
        return .compare(lhs, op, rhs)
    }

    private static func value(_ tokens: inout ArraySlice<Token>, _ fail: (String) -> HelpError) throws -> MarkerValue {
        switch tokens.first {
        case .string(let text)?:
            tokens.removeFirst()
            return .literal(text)
        case .word(let name)?:
            let canonical = MarkerEnvironment.aliases[name] ?? name
            guard MarkerEnvironment.variables.contains(canonical) else { throw fail("unknown variable '\(name)'") }
            tokens.removeFirst()
            return .variable(canonical)
        case let token?:
            throw fail("expected a variable or a quoted string, found \(describe(token))")
        case nil:
            throw fail("it ends too early")
        }
    }

    private static func describe(_ token: Token) -> String {
        switch token {
        case .open: return "'('"
        case .close: return "')'"
        case .and: return "'and'"
        case .or: return "'or'"
        case .word(let w): return "'\(w)'"
        case .string(let s): return "\"\(s)\""
        case .op(let op): return "'\(op.rawValue)'"
        }
    }

    // MARK: - Tokens

    private static func tokenize(_ text: String) throws -> [Token] {
        let chars = Array(text)
        var tokens: [Token] = []
        var index = 0
        let fail = { (why: String) in HelpError.badData("'\(text)' is not a valid environment marker: \(why)") }
        while index < chars.count {
            let c = chars[index]
            if c == " " || c == "\t" {
                index += 1
                continue
            }
            if c == "(" {
                tokens.append(.open)
                index += 1
                continue
            }
            if c == ")" {
                tokens.append(.close)
                index += 1
                continue
            }
            if c == "'" || c == "\"" {
                guard let close = chars[(index + 1)...].firstIndex(of: c) else { throw fail("unclosed quote") }
                tokens.append(.string(String(chars[(index + 1)..<close])))
                index = close + 1
                continue
            }
            if "<>=!~".contains(c) {
                var end = index
                while end < chars.count, "<>=!~".contains(chars[end]) { end += 1 }
                guard let op = MarkerOperator(rawValue: String(chars[index..<end])), op != .in, op != .notIn else {
                    throw fail("unknown operator '\(String(chars[index..<end]))'")
                }
                tokens.append(.op(op))
                index = end
                continue
            }
            var end = index
            while end < chars.count,
                chars[end].isLetter || chars[end].isNumber || chars[end] == "_" || chars[end] == "."
            { end += 1 }
            guard end > index else { throw fail("unexpected '\(c)'") }
            let word = String(chars[index..<end])
            index = end
            switch word {
            case "and": tokens.append(.and)
            case "or": tokens.append(.or)
            case "in": tokens.append(.op(.in))
            case "not":
                guard let next = nextWord(chars, from: index), next.word == "in" else {
                    throw fail("'not' must be followed by 'in'")
                }
                tokens.append(.op(.notIn))
                index = next.end
            default: tokens.append(.word(word))
            }
        }
        return tokens
    }

    private static func nextWord(_ chars: [Character], from start: Int) -> (word: String, end: Int)? {
        var index = start
        while index < chars.count, chars[index] == " " || chars[index] == "\t" { index += 1 }
        guard index > start else { return nil }
        var end = index
        while end < chars.count, chars[end].isLetter { end += 1 }
        return (String(chars[index..<end]), end)
    }
}
