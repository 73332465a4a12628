import Testing

@testable import HelpSystem

/// Encoding: compact and pretty layouts, escaping, stable key order, and building with literals.
@Suite struct JSONWriterTests {
    @Test func compactOutputHasNoWhitespaceAndKeepsInsertionOrder() {
        let value: JSONValue = ["name": "server", "ok": true, "n": 3, "x": 1.5, "none": nil, "list": [1, "a"]]
        #expect(value.encoded() == #"{"name":"server","ok":true,"n":3,"x":1.5,"none":null,"list":[1,"a"]}"#)
    }

    @Test func prettyOutputIndentsByTwoSpaces() {
        let value: JSONValue = ["a": [1, 2], "b": ["c": [:]], "d": []]
        let expected = """
            {
              "a": [
                1,
                2
              ],
              "b": {
                "c": {}
              },
              "d": []
            }
            """
        #expect(value.encoded(.pretty) == expected)
    }

    @Test func escapesQuotesBackslashesAndControls() {
        let value = JSONValue.string("q\"b\\n\nt\tr\rb\u{8}f\u{C}z\u{0}e\u{1F}d\u{7F}")
        #expect(value.encoded() == #""q\"b\\n\nt\tr\rb\bf\fz\u0000e\u001fd"# + "\u{7F}\"")
    }

    @Test func passesUnicodeThroughUnescaped() {
        #expect(JSONValue.string("é 世界 😀 /").encoded() == "\"é 世界 😀 /\"")
    }

    @Test func writesDoublesSoTheyReadBackAsDoubles() throws {
        let values: [JSONValue] = [.double(1.0), .double(0.1), .double(-2.5e-7), .double(1e300), .int(Int.min)]
        for value in values {
            #expect(try JSONValue.parse(value.encoded()) == value)
        }
        #expect(JSONValue.double(.nan).encoded() == "null")
        #expect(JSONValue.double(.infinity).encoded() == "null")
    }

    @Test func roundTripsADocument() throws {
        let text = #"{"z":[true,false,null,{"k":"v\u0001"}],"a":-12,"s":"😀\n"}"#
        let value = try JSONValue.parse(text)
        #expect(value.encoded() == text)
        #expect(try JSONValue.parse(value.encoded(.pretty)) == value)
    }

    // MARK: - Accessors and building

    @Test func accessorsAnswerOnlyForTheirOwnKind() {
        let value: JSONValue = ["s": "x", "i": 4, "d": 4.0, "f": 4.5, "b": false, "a": [1], "o": ["k": 1]]
        #expect(value["s"]?.string == "x")
        #expect(value["i"]?.int == 4)
        #expect(value["d"]?.int == 4)
        #expect(value["f"]?.int == nil)
        #expect(value["i"]?.double == 4.0)
        #expect(value["b"]?.bool == false)
        #expect(value["a"]?.array == [1])
        #expect(value["o"]?.object?.keys == ["k"])
        #expect(value["s"]?.int == nil)
        #expect(value["missing"] == nil)
        #expect(value["a"]?[5] == nil)
        #expect(JSONValue.null.isNull)
    }

    @Test func subscriptAssignmentAddsReplacesAndRemoves() {
        var value: JSONValue = ["a": 1, "b": 2]
        value["c"] = 3
        value["a"] = "one"
        value["b"] = nil
        #expect(value.object?.keys == ["a", "c"])
        #expect(value.encoded() == #"{"a":"one","c":3}"#)
    }

    @Test func largeObjectsKeepOrderThroughLookupsAndRemovals() throws {
        var object = JSONObject()
        for number in 0..<40 { object["k\(number)"] = .int(number) }
        object["k3"] = nil
        object["k39"] = "last"
        #expect(object.count == 39)
        #expect(object.keys.first == "k0" && object.keys[3] == "k4")
        #expect(object["k20"] == 20 && object["k3"] == nil && object["k39"] == "last")
        let inserted = object.insertNew("k20", 0)
        #expect(!inserted && object["k20"] == 20)
        let text = "{" + (0..<30).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + ",\"k7\":1}"
        #expect(throws: HelpError("input:1:252: duplicate key \"k7\"", code: .dataError)) { try JSONValue.parse(text) }
    }

    @Test func objectEqualityIgnoresKeyOrder() {
        let first: JSONValue = ["a": 1, "b": 2]
        let second: JSONValue = ["b": 2, "a": 1]
        #expect(first == second)
        #expect(first != ["a": 1, "b": 3])
        #expect(first.encoded() != second.encoded())
    }
}
