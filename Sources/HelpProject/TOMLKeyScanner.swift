/// Walks TOML text and reports each table header and each `key = value` with its full key path
/// (table path + dotted key; inline tables flattened into their leaves). Values keep only what
/// detection reads: strings and arrays of them. It never fails: a line it cannot read is skipped.
struct TOMLKeyScanner {
    /// Something found in the text.
    enum Event {
        /// A `[table]` or `[[array.table]]` header.
        case table([String])
        case value([String], Value)
    }

    /// A value, reduced to what detection needs.
    enum Value {
        case string(String)
        case array([Value])
        /// Numbers, booleans, dates, inline tables (reported through their leaves).
        case other

        var string: String? {
            if case .string(let text) = self { return text }
            return nil
        }

        /// The string elements of an array, or the string itself.
        var strings: [String] {
            switch self {
            case .string(let text): return [text]
            case .array(let elements): return elements.compactMap(\.string)
            case .other: return []
            }
        }
    }

    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    // MARK: - Top level

    mutating func scan(_ visit: (Event) -> Void) {
        var table: [String] = []
        while true {
            skipBlank(newlines: true)
            guard let byte = peek() else { return }
            if byte == UInt8(ascii: "[") {
                index += 1
                if peek() == UInt8(ascii: "[") { index += 1 }
                if let path = readKeyPath(), peek() == UInt8(ascii: "]") {
                    table = path
                    visit(.table(path))
                }
            } else if let key = readKeyPath(), peek() == UInt8(ascii: "=") {
                index += 1
                skipBlank(newlines: false)
                let value = readValue(path: table + key, visit)
                visit(.value(table + key, value))
            }
            skipLine()
        }
    }

    // MARK: - Keys

    /// `a.b."c d".'e'` up to `=`, `]` or the end of the line.
    private mutating func readKeyPath() -> [String]? {
        var path: [String] = []
        while true {
            skipBlank(newlines: false)
            guard let byte = peek() else { return nil }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                path.append(readString())
            } else {
                let start = index
                while let next = peek(), isBareKey(next) { index += 1 }
                guard index > start else { return nil }
                path.append(String(decoding: bytes[start..<index], as: UTF8.self))
            }
            skipBlank(newlines: false)
            guard peek() == UInt8(ascii: ".") else { return path }
            index += 1
        }
    }

    private func isBareKey(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default: return false
        }
    }

    // MARK: - Values

    private mutating func readValue(path: [String], _ visit: (Event) -> Void) -> Value {
        guard let byte = peek() else { return .other }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return .string(readString())
        case UInt8(ascii: "["):
            index += 1
            var elements: [Value] = []
            while true {
                skipBlank(newlines: true)
                guard let next = peek() else { return .array(elements) }
                if next == UInt8(ascii: "]") {
                    index += 1
                    return .array(elements)
                }
                if next == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                let before = index
                elements.append(readValue(path: path, visit))
                if index == before { index += 1 }
            }
        case UInt8(ascii: "{"):
            index += 1
            while true {
                skipBlank(newlines: false)
                guard let next = peek(), next != UInt8(ascii: "\n") else { return .other }
                if next == UInt8(ascii: "}") {
                    index += 1
                    return .other
                }
                if next == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard let key = readKeyPath(), peek() == UInt8(ascii: "=") else { return .other }
                index += 1
                skipBlank(newlines: false)
                let value = readValue(path: path + key, visit)
                visit(.value(path + key, value))
            }
        default:
            // Bare scalars: numbers, booleans, dates.
            while let next = peek(), !isScalarEnd(next) { index += 1 }
            return .other
        }
    }

    private func isScalarEnd(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "#"),
            UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: " "), UInt8(ascii: "\t"):
            return true
        default: return false
        }
    }

    /// Any of the four string forms, at its opening quote. Basic strings unescape the common escapes.
    private mutating func readString() -> String {
        let quote = bytes[index]
        let isMultiline = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
        index += isMultiline ? 3 : 1
        if isMultiline && peek() == UInt8(ascii: "\n") { index += 1 }
        var text: [UInt8] = []
        while let byte = peek() {
            if byte == quote {
                if !isMultiline {
                    index += 1
                    break
                }
                if index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote {
                    index += 3
                    break
                }
            }
            if byte == UInt8(ascii: "\n") && !isMultiline { break }
            if byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") && index + 1 < bytes.count {
                let escaped = bytes[index + 1]
                switch escaped {
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "t"): text.append(0x09)
                default: text.append(escaped)
                }
                index += 2
                continue
            }
            text.append(byte)
            index += 1
        }
        return String(decoding: text, as: UTF8.self)
    }

    // MARK: - Blanks

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Skips spaces and tabs, and with `newlines` also line ends and comments.
    private mutating func skipBlank(newlines: Bool) {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"): index += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                guard newlines else { return }
                index += 1
            case UInt8(ascii: "#"):
                guard newlines else { return }
                skipLine()
            default: return
            }
        }
    }

    /// Moves past the end of the current line.
    private mutating func skipLine() {
        while let byte = peek() {
            index += 1
            if byte == UInt8(ascii: "\n") { return }
        }
    }
}
