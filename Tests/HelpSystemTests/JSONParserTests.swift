import Testing

@testable import HelpSystem

/// RFC 8259 reading: values, numbers, strings, nesting, and errors that point at the spot.
@Suite struct JSONParserTests {
    // MARK: - Values

    @Test func readsEveryKindOfValueAtTheTop() throws {
        #expect(try JSONValue.parse("null") == .null)
        #expect(try JSONValue.parse(" true ") == .bool(true))
        #expect(try JSONValue.parse("false") == .bool(false))
        #expect(try JSONValue.parse("\"hi\"") == .string("hi"))
        #expect(try JSONValue.parse("42") == .int(42))
        #expect(try JSONValue.parse("[]") == .array([]))
        #expect(try JSONValue.parse("{}") == .object(JSONObject()))
    }

    @Test func keepsIntegersExactAndApartFromDoubles() throws {
        #expect(try JSONValue.parse("9223372036854775807") == .int(Int.max))
        #expect(try JSONValue.parse("-9223372036854775808") == .int(Int.min))
        #expect(try JSONValue.parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(try JSONValue.parse("1.0") == .double(1.0))
        #expect(try JSONValue.parse("-0") == .int(0))
        #expect(try JSONValue.parse("1e2") == .double(100))
        #expect(try JSONValue.parse("-1.5E-3") == .double(-0.0015))
        #expect(try JSONValue.parse("0.1") == .double(0.1))
    }

    @Test func refusesNumbersOutsideTheGrammar() {
        for bad in ["01", "+1", ".5", "1.", "1e", "1e+", "-", "0x10", "NaN", "Infinity"] {
            #expect(throws: HelpError.self, "\(bad)") { try JSONValue.parse(bad) }
        }
    }

    @Test func refusesNumbersBeyondADouble() throws {
        // Swift reads them as infinity, which JSON cannot write back.
        for huge in ["1e999", "-1e999", String(repeating: "2", count: 20) + "E" + String(repeating: "2", count: 40)] {
            #expect(throws: HelpError.self, "\(huge)") { try JSONValue.parse(huge) }
        }
        #expect(try JSONValue.parse("1e308").double == 1e308)
    }

    @Test func keepsObjectKeysInWrittenOrder() throws {
        let value = try JSONValue.parse(#"{"b": 1, "a": 2, "c": 3}"#)
        #expect(value.object?.keys == ["b", "a", "c"])
        #expect(value["a"]?.int == 2)
    }

    @Test func readsDeepNesting() throws {
        let text = String(repeating: "[", count: 100) + "{\"k\":[1]}" + String(repeating: "]", count: 100)
        var value = try JSONValue.parse(text)
        for _ in 0..<100 { value = try #require(value[0]) }
        #expect(value["k"]?[0] == .int(1))
    }

    @Test func refusesNestingBeyondTheLimit() {
        let text = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: HelpError.self) { try JSONValue.parse(text) }
    }

    @Test func ignoresALeadingByteOrderMark() throws {
        #expect(try JSONValue.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == [1])
    }

    // MARK: - Strings

    @Test func decodesEveryEscape() throws {
        let value = try JSONValue.parse(#""a\"b\\c\/d\be\ff\ng\rh\ti\u0041\u00e9\u0000""#)
        #expect(value == .string("a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti" + "A\u{E9}\u{0}"))
    }

    @Test func joinsSurrogatePairs() throws {
        #expect(try JSONValue.parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try JSONValue.parse(#""x\uD834\uDD1Ey""#) == .string("x𝄞y"))
    }

    @Test func passesRawUnicodeThrough() throws {
        #expect(try JSONValue.parse("\"héllo 世界 😀\"") == .string("héllo 世界 😀"))
    }

    @Test func refusesLoneSurrogates() {
        #expect(throws: HelpError.self) { try JSONValue.parse(#""\ud83d""#) }
        #expect(throws: HelpError.self) { try JSONValue.parse(#""\ude00""#) }
        #expect(throws: HelpError.self) { try JSONValue.parse(#""\ud83d\u0041""#) }
    }

    @Test func refusesRawControlCharactersAndBadEscapes() {
        #expect(throws: HelpError.self) { try JSONValue.parse("\"a\nb\"") }
        #expect(throws: HelpError.self) { try JSONValue.parse(#""\q""#) }
        #expect(throws: HelpError.self) { try JSONValue.parse(#""\u12G4""#) }
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: HelpError.self) { try JSONValue.parse([0x22, 0xC3, 0x28, 0x22]) }
    }

    // MARK: - Errors

    @Test func namesLineAndColumnOfAMissingComma() {
        let text = "{\n  \"a\": 1,\n  \"b\": 2 \"c\": 3\n}"
        #expect(throws: HelpError("help.json:3:10: expected ',' or '}'", code: .dataError)) {
            try JSONValue.parse(text, source: "help.json")
        }
    }

    @Test func countsColumnsInCharactersNotBytes() {
        #expect(throws: HelpError("input:1:10: expected ',' or ']'", code: .dataError)) {
            try JSONValue.parse("[\"éé\", 1 2]")
        }
    }

    @Test func reportsTrailingCommasAndGarbage() {
        #expect(throws: HelpError("input:1:8: expected a key in double quotes", code: .dataError)) {
            try JSONValue.parse("{\"a\":1,}")
        }
        #expect(throws: HelpError("input:1:5: unexpected content after the JSON value", code: .dataError)) {
            try JSONValue.parse("[1] x")
        }
        #expect(throws: HelpError("input:1:1: unterminated string", code: .dataError)) {
            try JSONValue.parse("\"abc")
        }
        #expect(throws: HelpError("input:1:1: unexpected end of input, expected a value", code: .dataError)) {
            try JSONValue.parse("")
        }
    }

    @Test func refusesDuplicateKeysAtTheSecondKey() {
        #expect(throws: HelpError("input:1:10: duplicate key \"a\"", code: .dataError)) {
            try JSONValue.parse(#"{"a": 1, "a": 2}"#)
        }
    }

    @Test func documentLocatesValuesAndKeysByPath() throws {
        let text = "{\n  \"components\": {\n    \"server\": {\"role\": 7}\n  }\n}"
        let document = try JSONDocument(parsing: text, source: "help.json")
        #expect(document.location(of: "components.server.role") == "help.json:3:24")
        #expect(document.keyLocation(of: "components.server.role") == "help.json:3:16")
        #expect(document.location(of: "nowhere") == "help.json")
        #expect(JSONPath.member("env", "A.B") == #"env["A.B"]"#)
        #expect(JSONPath.element("inputs", 2) == "inputs[2]")
    }
}
