import HelpSystem

/// A cursor over the UTF-8 bytes of a TOML document: blanks, comments and line ends, with errors
/// that name the file, line and column.
struct TOMLScanner {
    let bytes: [UInt8]
    let fileName: String
    var index = 0

    init(_ text: String, fileName: String) {
        self.bytes = Array(text.utf8)
        self.fileName = fileName
    }

    var isAtEnd: Bool { index >= bytes.count }
    func peek(_ offset: Int = 0) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

    func starts(with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return text.withUTF8Buffer { bytes[index..<index + count].elementsEqual($0) }
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        index += 1
        return true
    }

    // MARK: - Blanks, comments, line ends

    mutating func skipBlanks() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 { index += 1 }
    }

    /// True at `\n` or `\r\n`.
    var atNewline: Bool { peek() == 0x0A || (peek() == 0x0D && peek(1) == 0x0A) }

    mutating func skipNewline() {
        if peek() == 0x0D { index += 1 }
        index += 1
    }

    /// A `#` comment up to the line end; control characters other than tab are refused.
    mutating func skipComment() throws {
        guard peek() == UInt8(ascii: "#") else { return }
        while let byte = peek(), byte != 0x0A {
            if byte == 0x0D, peek(1) == 0x0A { return }
            if (byte < 0x20 && byte != 0x09) || byte == 0x7F { throw error("control character in a comment") }
            index += 1
        }
    }

    /// Blanks, an optional comment, then a line end or the end of the document.
    mutating func expectLineEnd(after what: String) throws {
        skipBlanks()
        try skipComment()
        if isAtEnd { return }
        guard atNewline else { throw error("expected the end of the line after \(what)") }
        skipNewline()
    }

    /// Blanks, comments and line ends, as allowed between array elements.
    mutating func skipBlanksCommentsAndNewlines() throws {
        while true {
            skipBlanks()
            try skipComment()
            guard atNewline else { return }
            skipNewline()
        }
    }

    // MARK: - Errors

    /// `file:line:column: message` for the current position or `offset`.
    func error(_ message: String, at offset: Int? = nil) -> HelpError {
        let position = min(offset ?? index, bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<position where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        let column = String(decoding: bytes[lineStart..<position], as: UTF8.self).count + 1
        return HelpError.badData("\(fileName):\(line):\(column): \(message)", hint: "fix the TOML syntax there")
    }
}
