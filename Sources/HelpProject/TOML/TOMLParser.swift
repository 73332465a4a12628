/// Reads a TOML 1.0 document statement by statement into a table tree, keeping the byte spans of
/// headers and key/value pairs for format-preserving edits.
struct TOMLParser {
    private var scanner: TOMLScanner
    private let root = TOMLTableNode(origin: .header)
    private var current: TOMLTableNode
    private var currentPath: [String] = []
    private var currentThroughArray = false
    private var section = -1
    private var inlineSections = 0
    /// Arrays and inline tables open around the value being read: recursion past this many would
    /// run out of stack on a hostile file (the JSON parser stops at the same depth).
    static let maximumDepth = 512
    private var depth = 0
    private(set) var entries: [TOMLEntrySpan] = []
    private(set) var headers: [TOMLHeaderSpan] = []

    init(_ text: String, fileName: String) {
        scanner = TOMLScanner(text, fileName: fileName)
        current = root
    }

    mutating func parse() throws -> TOMLTable {
        while true {
            try scanner.skipBlanksCommentsAndNewlines()
            if scanner.isAtEnd { return root.table }
            if scanner.peek() == UInt8(ascii: "[") { try parseHeader() } else { try parseKeyValue() }
        }
    }

    // MARK: - Statements

    private mutating func parseHeader() throws {
        let start = scanner.index
        let lineStart = self.lineStart(of: start)
        let isArray = scanner.starts(with: "[[")
        scanner.index += isArray ? 2 : 1
        scanner.skipBlanks()
        let path = try parseKey()
        scanner.skipBlanks()
        guard scanner.consume(UInt8(ascii: "]")), !isArray || scanner.consume(UInt8(ascii: "]")) else {
            throw scanner.error(
                isArray ? "expected ']]' to close the table array header" : "expected ']' to close the table header")
        }
        try scanner.expectLineEnd(after: "a table header")
        do {
            (current, currentThroughArray) = try root.open(header: path, isArray: isArray)
        } catch let error as TOMLTreeError {
            throw scanner.error(error.message, at: start)
        }
        currentPath = path
        headers.append(
            TOMLHeaderSpan(
                path: path, isArray: isArray, throughArray: currentThroughArray,
                lineStart: lineStart, lineEnd: scanner.index))
        section = headers.count - 1
    }

    private mutating func parseKeyValue() throws {
        let keyStart = scanner.index
        let lineStart = self.lineStart(of: keyStart)
        let key = try parseKey()
        let absolute = currentThroughArray ? nil : currentPath + key
        let (value, span) = try parseAssignment(spanPath: absolute, inInline: false)
        try scanner.expectLineEnd(after: "a value")
        do {
            try current.assign(key, value, section: section)
        } catch let error as TOMLTreeError {
            throw scanner.error(error.message, at: keyStart)
        }
        if var span {
            span.lineStart = lineStart
            span.end = scanner.index
            entries.append(span)
        }
    }

    /// `= value` after a key; returns the value and, when `spanPath` is given, its span.
    private mutating func parseAssignment(spanPath: [String]?, inInline: Bool) throws -> (TOMLValue, TOMLEntrySpan?) {
        let keyStart = scanner.index
        scanner.skipBlanks()
        guard scanner.consume(UInt8(ascii: "=")) else { throw scanner.error("expected '=' after the key") }
        scanner.skipBlanks()
        let valueStart = scanner.index
        var array: TOMLArraySpan?
        var inline: TOMLInlineSpan?
        let value = try parseValue(spanPath: spanPath, array: &array, inline: &inline)
        guard let spanPath else { return (value, nil) }
        let span = TOMLEntrySpan(
            path: spanPath, section: section, lineStart: keyStart, valueRange: valueStart..<scanner.index,
            end: scanner.index, array: array, inlineTable: inline, inInlineTable: inInline)
        return (value, span)
    }

    // MARK: - Keys

    /// A dotted key: bare or quoted parts separated by dots, blanks allowed around the dots.
    private mutating func parseKey() throws -> [String] {
        var parts: [String] = []
        while true {
            scanner.skipBlanks()
            guard let byte = scanner.peek() else { throw scanner.error("expected a key") }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                if scanner.starts(with: "\"\"\"") || scanner.starts(with: "'''") {
                    throw scanner.error("multi-line strings cannot be keys")
                }
                parts.append(try scanner.parseSingleLine())
            } else {
                let start = scanner.index
                while let byte = scanner.peek(),
                    TOMLScanner.isDigit(byte) || (byte | 0x20 >= 97 && byte | 0x20 <= 122)
                        || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                {
                    scanner.index += 1
                }
                guard scanner.index > start else { throw scanner.error("expected a key") }
                parts.append(String(decoding: scanner.bytes[start..<scanner.index], as: UTF8.self))
            }
            scanner.skipBlanks()
            guard scanner.consume(UInt8(ascii: ".")) else { return parts }
        }
    }

    // MARK: - Values

    private mutating func parseValue(
        spanPath: [String]?, array: inout TOMLArraySpan?,
        inline: inout TOMLInlineSpan?
    ) throws -> TOMLValue {
        guard let byte = scanner.peek() else { throw scanner.error("expected a value") }
        if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
            depth += 1
            guard depth <= Self.maximumDepth else {
                throw scanner.error("nesting deeper than \(Self.maximumDepth) levels")
            }
        }
        defer { if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { depth -= 1 } }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return .string(try scanner.parseString())
        case UInt8(ascii: "["):
            return try parseArray(span: &array)
        case UInt8(ascii: "{"):
            return try parseInlineTable(spanPath: spanPath, span: &inline)
        default:
            return try scanner.parseScalar()
        }
    }

    private mutating func parseArray(span: inout TOMLArraySpan?) throws -> TOMLValue {
        var layout = TOMLArraySpan(open: scanner.index, close: 0, items: [], commas: [])
        scanner.index += 1
        var values: [TOMLValue] = []
        while true {
            try scanner.skipBlanksCommentsAndNewlines()
            if scanner.consume(UInt8(ascii: "]")) { break }
            let start = scanner.index
            var nestedArray: TOMLArraySpan?
            var nestedInline: TOMLInlineSpan?
            values.append(try parseValue(spanPath: nil, array: &nestedArray, inline: &nestedInline))
            layout.items.append(start..<scanner.index)
            try scanner.skipBlanksCommentsAndNewlines()
            if scanner.peek() == UInt8(ascii: ",") {
                layout.commas.append(scanner.index)
                scanner.index += 1
                continue
            }
            guard scanner.consume(UInt8(ascii: "]")) else { throw scanner.error("expected ',' or ']' in an array") }
            break
        }
        layout.close = scanner.index - 1
        span = layout
        return .array(values)
    }

    private mutating func parseInlineTable(spanPath: [String]?, span: inout TOMLInlineSpan?) throws -> TOMLValue {
        let open = scanner.index
        scanner.index += 1
        let node = TOMLTableNode(origin: .header)
        inlineSections += 1
        let inlineSection = -1 - inlineSections
        scanner.skipBlanks()
        var isEmpty = true
        if !scanner.consume(UInt8(ascii: "}")) {
            isEmpty = false
            while true {
                scanner.skipBlanks()
                let keyStart = scanner.index
                let key = try parseKey()
                let (value, entry) = try parseAssignment(spanPath: spanPath.map { $0 + key }, inInline: true)
                do {
                    try node.assign(key, value, section: inlineSection)
                } catch let error as TOMLTreeError {
                    throw scanner.error(error.message, at: keyStart)
                }
                if var entry {
                    entry.lineStart = keyStart
                    entries.append(entry)
                }
                scanner.skipBlanks()
                if scanner.consume(UInt8(ascii: "}")) { break }
                guard scanner.consume(UInt8(ascii: ",")) else {
                    throw scanner.error("expected ',' or '}' in an inline table")
                }
                scanner.skipBlanks()
                if scanner.peek() == UInt8(ascii: "}") { throw scanner.error("trailing comma in an inline table") }
            }
        }
        span = TOMLInlineSpan(open: open, close: scanner.index - 1, isEmpty: isEmpty)
        return .table(node.table)
    }

    private func lineStart(of offset: Int) -> Int {
        var start = offset
        while start > 0, scanner.bytes[start - 1] != 0x0A { start -= 1 }
        return start
    }
}
