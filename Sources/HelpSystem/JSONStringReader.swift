// MARK: - String literals

extension JSONParser {
    /// Reads a string literal starting at the opening quote. Strings without escapes (the common
    /// case) are decoded straight from the input; escapes switch to a byte buffer. The result must
    /// be valid UTF-8 and surrogate escapes must pair up.
    mutating func parseString() throws -> String {
        let quote = offset
        offset += 1
        let start = offset
        var ascii = true
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<offset])
                // Pure ASCII needs no validation, and skipping it is the parser's biggest saving.
                let text = ascii ? String(decoding: slice, as: UTF8.self) : try decodeUTF8(slice, stringAt: quote)
                offset += 1
                return text
            }
            ascii = ascii && byte < 0x80
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacter(byte) }
            offset += 1
        }
        var decoded = Array(UnsafeBufferPointer(rebasing: bytes[start..<offset]))
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return try decoded.withUnsafeBufferPointer { try decodeUTF8($0, stringAt: quote) }
            case UInt8(ascii: "\\"):
                try readEscape(into: &decoded)
            case 0x00..<0x20:
                throw controlCharacter(byte)
            default:
                decoded.append(byte)
                offset += 1
            }
        }
        throw failure("unterminated string", at: quote)
    }

    /// Reads one escape sequence at the backslash and appends what it stands for as UTF-8.
    private mutating func readEscape(into decoded: inout [UInt8]) throws {
        let backslash = offset
        offset += 1
        guard let letter = peek() else { throw failure("unterminated string") }
        offset += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(letter)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try readHex4()
            var scalarValue = UInt32(unit)
            if (0xD800...0xDBFF).contains(unit) {
                // A high surrogate must be followed at once by an escaped low surrogate.
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
                    bytes[offset + 1] == UInt8(ascii: "u")
                else {
                    throw failure("unpaired surrogate \\u\(hex(unit)) in string", at: backslash)
                }
                offset += 2
                let low = try readHex4()
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw failure("unpaired surrogate \\u\(hex(unit)) in string", at: backslash)
                }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw failure("unpaired surrogate \\u\(hex(unit)) in string", at: backslash)
            }
            // Every value left is a valid scalar: surrogates were handled above.
            guard let scalar = Unicode.Scalar(scalarValue), let bytes = UTF8.encode(scalar) else {
                throw failure("invalid escape \\u\(hex(unit)) in string", at: backslash)
            }
            decoded.append(contentsOf: bytes)
        default:
            throw failure("invalid escape '\\\(Character(Unicode.Scalar(letter)))' in string", at: backslash)
        }
    }

    private mutating func readHex4() throws -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = hexValue(byte) else {
                throw failure("expected four hex digits after \\u")
            }
            value = value << 4 | UInt16(digit)
            offset += 1
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private func hex(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    // MARK: - Checks

    private func decodeUTF8(_ slice: UnsafeBufferPointer<UInt8>, stringAt quote: Int) throws -> String {
        guard let text = String(validating: slice, as: UTF8.self) else {
            throw failure("invalid UTF-8 in string", at: quote)
        }
        return text
    }

    private func controlCharacter(_ byte: UInt8) -> HelpError {
        failure("unescaped control character U+00\(hex(UInt16(byte)).suffix(2)) in string")
    }
}
