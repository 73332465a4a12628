/// Splits `.env` text into pieces the way python-dotenv reads it: each piece is a binding
/// (`KEY=value`, `export KEY="…"`, bare `KEY`), a comment, blank space, or a line it cannot read.
/// The pieces cover the text exactly, so writing them back gives the same bytes.
enum DotEnvParser {
    /// One piece of the file, with its byte range and the lines its content spans (1-based).
    struct Chunk: Sendable, Equatable {
        /// What the piece is: a binding, a comment, blank space, or a line that does not parse.
        enum Kind: Sendable, Equatable {
            case binding(key: String, value: String?)
            case comment(String)
            case blank
            case invalid
        }

        var kind: Kind
        var bytes: Range<Int>
        var lines: ClosedRange<Int>
    }

    // MARK: - Entry

    static func parse(_ text: String) -> [Chunk] {
        var reader = Reader(bytes: Array(text.utf8))
        var chunks: [Chunk] = []
        while !reader.atEnd {
            chunks.append(binding(&reader))
        }
        return chunks
    }

    /// python-dotenv's `parse_binding`: leading blank lines, `export`, key, `=`, value, comment, end of line.
    private static func binding(_ r: inout Reader) -> Chunk {
        let mark = r.index
        r.skip(while: isSpace)
        let contentStart = r.index
        let startLine = r.line(at: contentStart)
        if r.atEnd { return Chunk(kind: .blank, bytes: mark..<r.index, lines: startLine...startLine) }
        do {
            _ = r.exportPrefix()
            var kind: Chunk.Kind
            if r.peek == UInt8(ascii: "#") {
                let start = r.index
                r.skip { $0 != 10 && $0 != 13 }
                kind = .comment(r.string(start..<r.index))
            } else {
                let key = try self.key(&r)
                r.skip(while: isInlineSpace)
                var value: String?
                if r.peek == UInt8(ascii: "=") {
                    r.index += 1
                    r.skip(while: isInlineSpace)
                    value = try self.value(&r)
                }
                kind = .binding(key: key, value: value)
                r.skipComment()
            }
            let end = r.index
            try r.endOfLine()
            return Chunk(
                kind: kind, bytes: mark..<r.index,
                lines: startLine...max(startLine, r.line(at: max(contentStart, end - 1))))
        } catch {
            r.skip { $0 != 10 && $0 != 13 }
            let end = r.index
            r.lineBreak()
            return Chunk(
                kind: .invalid, bytes: mark..<r.index,
                lines: startLine...max(startLine, r.line(at: max(contentStart, end - 1))))
        }
    }

    // MARK: - Parts

    private struct Unreadable: Error {}

    private static func key(_ r: inout Reader) throws -> String {
        if r.peek == UInt8(ascii: "'") {
            let start = r.index + 1
            guard let close = r.bytes[start...].firstIndex(of: UInt8(ascii: "'")), close > start else {
                throw Unreadable()
            }
            r.index = close + 1
            return r.string(start..<close)
        }
        let start = r.index
        r.skip { !isSpace($0) && $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: "#") }
        guard r.index > start else { throw Unreadable() }
        return r.string(start..<r.index)
    }

    private static func value(_ r: inout Reader) throws -> String {
        switch r.peek {
        case UInt8(ascii: "'")?:
            return DotEnvEscapes.decodeSingle(try quoted(&r, quote: UInt8(ascii: "'")))
        case UInt8(ascii: "\"")?:
            return DotEnvEscapes.decodeDouble(try quoted(&r, quote: UInt8(ascii: "\"")))
        case nil, 10?, 13?:
            return ""
        default:
            let start = r.index
            r.skip { $0 != 10 && $0 != 13 }
            return DotEnvEscapes.unquoted(r.string(start..<r.index))
        }
    }

    /// The raw text between quotes, which may span lines. `\'` (or `\"`) does not close; when no
    /// bare quote follows, the last escaped one closes instead, as the regular expression would.
    private static func quoted(_ r: inout Reader, quote: UInt8) throws -> String {
        let start = r.index + 1
        var index = start
        var lastEscaped: Int?
        while index < r.bytes.count {
            if r.bytes[index] == UInt8(ascii: "\\"), index + 1 < r.bytes.count, r.bytes[index + 1] == quote {
                lastEscaped = index + 1
                index += 2
            } else if r.bytes[index] == quote {
                r.index = index + 1
                return r.string(start..<index)
            } else {
                index += 1
            }
        }
        guard let close = lastEscaped else { throw Unreadable() }
        r.index = close + 1
        return r.string(start..<close)
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 32 || (c >= 9 && c <= 13) }
    static func isInlineSpace(_ c: UInt8) -> Bool { isSpace(c) && c != 10 && c != 13 }

    // MARK: - Reader

    /// A cursor over the file's UTF-8 bytes; every syntax character is ASCII.
    struct Reader {
        let bytes: [UInt8]
        var index = 0
        /// Offsets where each line starts, for line numbers.
        let lineStarts: [Int]

        init(bytes: [UInt8]) {
            self.bytes = bytes
            var starts = [0]
            for (offset, byte) in bytes.enumerated() {
                if byte == 10 || (byte == 13 && (offset + 1 == bytes.count || bytes[offset + 1] != 10)) {
                    starts.append(offset + 1)
                }
            }
            lineStarts = starts
        }

        var atEnd: Bool { index >= bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        /// 1-based line of a byte offset.
        func line(at offset: Int) -> Int {
            var low = 0
            var high = lineStarts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
            }
            return low + 1
        }

        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

        mutating func skip(while accept: (UInt8) -> Bool) {
            while let c = peek, accept(c) { index += 1 }
        }

        /// `export` followed by spaces; left unread when no space follows (`export=1` is a key).
        mutating func exportPrefix() -> Bool {
            let word = Array("export".utf8)
            guard index + word.count < bytes.count, bytes[index..<index + word.count].elementsEqual(word),
                DotEnvParser.isInlineSpace(bytes[index + word.count])
            else { return false }
            index += word.count
            skip(while: DotEnvParser.isInlineSpace)
            return true
        }

        mutating func skipComment() {
            let start = index
            skip(while: DotEnvParser.isInlineSpace)
            if peek == UInt8(ascii: "#") { skip { $0 != 10 && $0 != 13 } } else { index = start }
        }

        mutating func endOfLine() throws {
            skip(while: DotEnvParser.isInlineSpace)
            guard atEnd || peek == 10 || peek == 13 else { throw Unreadable() }
            lineBreak()
        }

        mutating func lineBreak() {
            if peek == 13 {
                index += 1
                if peek == 10 { index += 1 }
            } else if peek == 10 {
                index += 1
            }
        }
    }
}
