extension JSONValue {
    /// Parses JSON text (RFC 8259, any value at the top, a leading UTF-8 BOM ignored). Errors are
    /// `HelpError`s with code `.dataError` and a message such as `help.json:3:14: expected ',' or '}'`,
    /// where `source` names the input.
    public static func parse(_ text: String, source: String = "input") throws -> JSONValue {
        try parse(Array(text.utf8), source: source)
    }

    /// Parses UTF-8 bytes of JSON text; see `parse(_:source:)`.
    public static func parse(_ bytes: [UInt8], source: String = "input") throws -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(buffer, source: source, recording: false)
            return try parser.parseDocument()
        }
    }
}

/// A recursive-descent JSON reader over a byte buffer. Positions are byte offsets; they turn into
/// line:column only when an error or a location is reported.
struct JSONParser {
    /// Deeper documents are refused rather than risking the stack.
    static let maximumDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    private let source: String
    var offset = 0
    private var depth = 0
    /// When recording: JSON path -> offset of the value, and of the key for object members.
    private let recording: Bool
    private(set) var valueOffsets: [String: Int] = [:]
    private(set) var keyOffsets: [String: Int] = [:]

    init(_ bytes: UnsafeBufferPointer<UInt8>, source: String, recording: Bool) {
        self.bytes = bytes
        self.source = source
        self.recording = recording
    }

    // MARK: - Document

    mutating func parseDocument() throws -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { offset = 3 }
        skipWhitespace()
        let value = try parseValue(path: "")
        skipWhitespace()
        guard offset == bytes.count else { throw failure("unexpected content after the JSON value") }
        return value
    }

    // MARK: - Values

    private mutating func parseValue(path: String) throws -> JSONValue {
        guard offset < bytes.count else { throw failure("unexpected end of input, expected a value") }
        if recording { valueOffsets[path] = offset }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try parseObject(path: path)
        case UInt8(ascii: "["): return try parseArray(path: path)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectWord("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure("expected a value, found \(describeCurrent())")
        }
    }

    private mutating func parseObject(path: String) throws -> JSONValue {
        try enterContainer()
        offset += 1
        var object = JSONObject()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            return .object(object)
        }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes") }
            let keyOffset = offset
            let key = try parseString()
            let memberPath = recording ? JSONPath.member(path, key) : ""
            if recording { keyOffsets[memberPath] = keyOffset }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw failure("expected ':' after the key") }
            offset += 1
            skipWhitespace()
            let value = try parseValue(path: memberPath)
            guard object.insertNew(key, value) else {
                offset = keyOffset
                throw failure("duplicate key \(JSONValue.quoted(key))")
            }
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                offset += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                offset += 1
                depth -= 1
                return .object(object)
            default: throw failure("expected ',' or '}'")
            }
        }
    }

    private mutating func parseArray(path: String) throws -> JSONValue {
        try enterContainer()
        offset += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            let elementPath = recording ? JSONPath.element(path, elements.count) : ""
            elements.append(try parseValue(path: elementPath))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                offset += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                offset += 1
                depth -= 1
                return .array(elements)
            default: throw failure("expected ',' or ']'")
            }
        }
    }

    private mutating func enterContainer() throws {
        depth += 1
        guard depth <= Self.maximumDepth else { throw failure("nesting deeper than \(Self.maximumDepth) levels") }
    }

    /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`; integers that fit in `Int` stay `.int`.
    private mutating func parseNumber() throws -> JSONValue {
        let start = offset
        let negative = peek() == UInt8(ascii: "-")
        if negative { offset += 1 }
        guard let first = peek(), isDigit(first) else { throw failure("expected a digit in the number") }
        var integer = 0
        var overflow = false
        if first == UInt8(ascii: "0") {
            offset += 1
            if let next = peek(), isDigit(next) { throw failure("leading zeros are not allowed in numbers") }
        } else {
            while let digit = peek(), isDigit(digit) {
                if !overflow {
                    // Accumulate on the negative side so Int.min is reachable.
                    let (shifted, o1) = integer.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = shifted.subtractingReportingOverflow(Int(digit - UInt8(ascii: "0")))
                    overflow = o1 || o2
                    integer = sum
                }
                offset += 1
            }
        }
        var isInteger = true
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            try digits(after: "'.'")
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            isInteger = false
            offset += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { offset += 1 }
            try digits(after: "the exponent")
        }
        if isInteger && !overflow {
            if negative { return .int(integer) }
            if integer != Int.min { return .int(-integer) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        guard let number = Double(text), number.isFinite else { throw failure("number out of range", at: start) }
        return .double(number)
    }

    private mutating func digits(after what: String) throws {
        guard let digit = peek(), isDigit(digit) else { throw failure("expected a digit after \(what)") }
        while let digit = peek(), isDigit(digit) { offset += 1 }
    }

    private mutating func expectWord(_ word: StaticString) throws {
        let start = offset
        for expected in UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount) {
            guard peek() == expected else { throw failure("expected \(word)", at: start) }
            offset += 1
        }
    }

    // MARK: - Reading bytes

    func peek() -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    // MARK: - Errors

    func describeCurrent() -> String {
        guard let byte = peek() else { return "the end of input" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return byte < 0x80 ? "byte 0x\(String(byte, radix: 16))" : "a non-ASCII character"
    }

    func failure(_ message: String, at position: Int? = nil) -> HelpError {
        let (line, column) = JSONPath.lineAndColumn(of: position ?? offset, in: bytes)
        return HelpError("\(source):\(line):\(column): \(message)", code: .dataError)
    }
}
