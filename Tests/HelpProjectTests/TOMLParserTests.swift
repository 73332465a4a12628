import HelpSystem
import Testing

@testable import HelpProject

/// TOML 1.0 reading: every value form, tables of all kinds, the definition rules, and errors with
/// line and column.
@Suite struct TOMLParserTests {
    private func parse(_ text: String) throws -> TOMLDocument { try TOMLDocument(text) }

    private func error(_ text: String) -> String? {
        do {
            _ = try TOMLDocument(text, fileName: "x.toml")
            return nil
        } catch let error as HelpError {
            return error.code == .dataError ? error.message : "wrong code \(error.code)"
        } catch {
            return "\(error)"
        }
    }

    @Test func readsTheSpecificationExample() throws {
        let doc = try parse(
            """
            # This is a TOML document
            title = "TOML Example"

            [owner]
            name = "Tom Preston-Werner"
            dob = 1979-05-27T07:32:00-08:00

            [database]
            enabled = true
            ports = [ 8000, 8001, 8002 ]
            data = [ ["delta", "phi"], [3.14] ]
            temp_targets = { cpu = 79.5, case = 72.0 }

            [servers.alpha]
            ip = "10.0.0.1"
            """)
        #expect(doc["title"] == .string("TOML Example"))
        #expect(doc["owner", "dob"] == .dateTime("1979-05-27T07:32:00-08:00"))
        #expect(doc["database", "ports"] == .array([.integer(8000), .integer(8001), .integer(8002)]))
        #expect(
            doc["database", "data"] == .array([.array([.string("delta"), .string("phi")]), .array([.float(3.14)])]))
        #expect(doc["database", "temp_targets", "case"] == .float(72.0))
        #expect(doc["servers", "alpha", "ip"]?.string == "10.0.0.1")
        #expect(doc.root.keys == ["title", "owner", "database", "servers"])
    }

    @Test func readsAllStringForms() throws {
        let doc = try parse(
            #"""
            basic = "tab\there \"quoted\" \\ \u00E9 \U0001F600"
            literal = 'C:\Users\nodejs'
            multi = """
            Roses are red
            Violets are blue"""
            folded = """\
                   The quick brown \
                   fox."""
            quotes = """Here are two: "". Three: ""\"."""
            edge = """"This," she said""""
            raw = '''
            first newline trimmed\n kept'''
            """#)
        #expect(doc["basic"]?.string == "tab\there \"quoted\" \\ é 😀")
        #expect(doc["literal"]?.string == #"C:\Users\nodejs"#)
        #expect(doc["multi"]?.string == "Roses are red\nViolets are blue")
        #expect(doc["folded"]?.string == "The quick brown fox.")
        #expect(doc["quotes"]?.string == "Here are two: \"\". Three: \"\"\".")
        #expect(doc["edge"]?.string == "\"This,\" she said\"")
        #expect(doc["raw"]?.string == #"first newline trimmed\n kept"#)
    }

    @Test func readsNumbersBooleansAndDates() throws {
        let doc = try parse(
            """
            a = +99
            b = -17
            c = 5_349_221
            d = 0xDEAD_beef
            e = 0o755
            f = 0b1101
            g = 6.626e-34
            h = 224_617.445_991_228
            i = -inf
            j = nan
            k = true
            l = 1979-05-27 07:32:00Z
            m = 07:32:00.999
            n = 1979-05-27
            o = -9223372036854775808
            """)
        #expect(doc["a"] == .integer(99))
        #expect(doc["b"] == .integer(-17))
        #expect(doc["c"] == .integer(5_349_221))
        #expect(doc["d"] == .integer(0xDEAD_BEEF))
        #expect(doc["e"] == .integer(0o755))
        #expect(doc["f"] == .integer(13))
        #expect(doc["g"] == .float(6.626e-34))
        #expect(doc["h"] == .float(224_617.445_991_228))
        #expect(doc["i"] == .float(-.infinity))
        #expect(doc["j"].map { if case .float(let x) = $0 { return x.isNaN } else { return false } } == true)
        #expect(doc["k"] == .boolean(true))
        #expect(doc["l"] == .dateTime("1979-05-27 07:32:00Z"))
        #expect(doc["m"] == .dateTime("07:32:00.999"))
        #expect(doc["n"] == .dateTime("1979-05-27"))
        #expect(doc["o"] == .integer(.min))
    }

    @Test func readsDottedKeysInlineTablesAndArraysOfTables() throws {
        let doc = try parse(
            """
            site."google.com" = true
            fruit . color = "yellow"
            animal = { type.name = "pug", legs = 4 }
            [a.b.c]
            [a]
            x = 1
            b.y = 2
            [[products]]
            name = "Hammer"
            [products.size]
            width = 3
            [[products]]
            name = "Nail"
            """)
        #expect(doc["site", "google.com"] == .boolean(true))
        #expect(doc["fruit", "color"]?.string == "yellow")
        #expect(doc["animal", "type", "name"]?.string == "pug")
        #expect(doc["a", "b", "y"] == .integer(2))
        #expect(doc["a", "b", "c"]?.table?.isEmpty == true)
        let products = try #require(doc["products"]?.array)
        #expect(products.count == 2)
        #expect(products[0]["size", "width"] == .integer(3))
        #expect(products[1]["name"]?.string == "Nail")
    }

    @Test(arguments: [
        ("a = 1\na = 2\n", "x.toml:2:1: key 'a' is defined twice"),
        ("[t]\n[t]\n", "x.toml:2:1: table [t] is defined twice"),
        ("[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n", "x.toml:4:1: dotted key 'b.c.t' reaches into table 'c' defined elsewhere"),
        ("[fruit]\napple.color = 'red'\n[fruit.apple]\n", "x.toml:3:1: table [fruit.apple] is defined twice"),
        ("a = {b = 1}\na.c = 2\n", "x.toml:2:1: 'a' already holds a value"),
        ("a = {b = 1}\n[a.c]\n", "x.toml:2:1: 'a' already holds a value"),
        ("a = []\n[[a]]\n", "x.toml:2:1: 'a' is already defined and is not an array of tables"),
        ("a = 1\nb = \n", "x.toml:2:5: expected a value"),
        ("a = \"open\nb = 1\n", "x.toml:1:5: unterminated string"),
        ("a = 1 b = 2\n", "x.toml:1:7: expected the end of the line after a value"),
        ("a = [1 2]\n", "x.toml:1:8: expected ',' or ']' in an array"),
        ("a = { b = 1, }\n", "x.toml:1:14: trailing comma in an inline table"),
        ("a = { b = 1\n}\n", "x.toml:1:12: expected ',' or '}' in an inline table"),
        ("a = 01\n", "x.toml:1:5: '01' is not a TOML value"),
        ("a = 9223372036854775808\n", "is not a TOML value"),
        ("a = \"\\q\"\n", "x.toml:1:6: invalid escape '\\q'"),
        ("[a\n", "x.toml:1:3: expected ']' to close the table header"),
        ("= 1\n", "x.toml:1:1: expected a key"),
        ("é = 1\n", "x.toml:1:1: expected a key"),
        ("a = 'x' # \u{1}\n", "control character in a comment"),
        ("a = 1979-13-01\n", "is not a TOML value"),
    ])
    func reportsErrorsWithLineAndColumn(text: String, expected: String) {
        let message = error(text)
        #expect(message?.contains(expected) == true, "\(message ?? "no error")")
    }

    @Test func acceptsWindowsLineEndingsAndEmptyDocuments() throws {
        let doc = try parse("a = 1\r\n[b]\r\nc = \"\"\"x\r\ny\"\"\"\r\n")
        #expect(doc["b", "c"]?.string == "x\ny")
        #expect(try parse("").root.isEmpty)
        #expect(try parse("# only a comment").root.isEmpty)
    }
}
