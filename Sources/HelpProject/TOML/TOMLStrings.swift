/// The four TOML string forms: basic `"…"` with escapes, literal `'…'`, and their multi-line
/// `"""…"""` and `'''…'''` forms (first newline trimmed, line-ending backslash in basic ones).
extension TOMLScanner {
    /// A string value of any form.
    mutating func parseString() throws -> String {
        if starts(with: "\"\"\"") { return try parseMultiline(quote: UInt8(ascii: "\""), escapes: true) }
        if starts(with: "'''") { return try parseMultiline(quote: UInt8(ascii: "'"), escapes: false) }
        return try parseSingleLine()
    }

    /// A one-line basic or literal string (the only forms keys may use).
    mutating func parseSingleLine() throws -> String {
        let quote = bytes[index]
        let start = index
        index += 1
        var buffer: [UInt8] = []
        while true {
            guard let byte = peek(), byte != 0x0A, !(byte == 0x0D && peek(1) == 0x0A) else {
                throw error("unterminated string", at: start)
            }
            if byte == quote {
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                try appendEscape(to: &buffer)
                continue
            }
            try checkAllowed(byte)
            buffer.append(byte)
            index += 1
        }
    }

    private mutating func parseMultiline(quote: UInt8, escapes: Bool) throws -> String {
        let start = index
        index += 3
        if atNewline { skipNewline() }
        var buffer: [UInt8] = []
        while true {
            guard let byte = peek() else { throw error("unterminated multi-line string", at: start) }
            if byte == quote, peek(1) == quote, peek(2) == quote {
                var run = 0
                while peek(run) == quote { run += 1 }
                guard run <= 5 else { throw error("too many quotes closing a multi-line string") }
                buffer += Array(repeating: quote, count: run - 3)
                index += run
                return String(decoding: buffer, as: UTF8.self)
            }
            if atNewline {
                skipNewline()
                buffer.append(0x0A)
                continue
            }
            if escapes, byte == UInt8(ascii: "\\") {
                if trimLineEndingBackslash() { continue }
                try appendEscape(to: &buffer)
                continue
            }
            try checkAllowed(byte)
            buffer.append(byte)
            index += 1
        }
    }

    /// `\` followed by blanks and a line end: skips all whitespace up to the next content.
    private mutating func trimLineEndingBackslash() -> Bool {
        var probe = index + 1
        while probe < bytes.count, bytes[probe] == 0x20 || bytes[probe] == 0x09 { probe += 1 }
        guard probe < bytes.count,
            bytes[probe] == 0x0A || (bytes[probe] == 0x0D && probe + 1 < bytes.count && bytes[probe + 1] == 0x0A)
        else { return false }
        index = probe
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || (byte == 0x0D && peek(1) == 0x0A) {
            index += 1
        }
        return true
    }

    private mutating func appendEscape(to buffer: inout [UInt8]) throws {
        let start = index
        index += 1
        guard let letter = peek() else { throw error("unterminated escape", at: start) }
        index += 1
        switch letter {
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "\""): buffer.append(0x22)
        case UInt8(ascii: "\\"): buffer.append(0x5C)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = letter == UInt8(ascii: "u") ? 4 : 8
            guard index + count <= bytes.count,
                let code = UInt32(String(decoding: bytes[index..<index + count], as: UTF8.self), radix: 16),
                bytes[index..<index + count].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") }),
                let scalar = Unicode.Scalar(code)
            else {
                throw error("invalid unicode escape", at: start)
            }
            buffer += Array(String(Character(scalar)).utf8)
            index += count
        default:
            throw error("invalid escape '\\\(Character(Unicode.Scalar(letter)))'", at: start)
        }
    }

    /// Control characters other than tab must be escaped inside strings.
    private func checkAllowed(_ byte: UInt8) throws {
        if (byte < 0x20 && byte != 0x09) || byte == 0x7F { throw error("control character in a string") }
    }
}

/// Writing TOML text: strings and keys quoted only as needed.
enum TOMLText {
    /// A basic string literal with the escapes TOML requires.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A key, bare when it only has letters, digits, `_` and `-`.
    static func key(_ key: String) -> String {
        let bare =
            !key.isEmpty
            && key.utf8.allSatisfy {
                ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) || $0 == 95 || $0 == 45
            }
        return bare ? key : quote(key)
    }
}
