/// The `sha256sum` text format: writing `<hex>  <name>` lines and reading them back, including
/// the backslash escaping GNU coreutils uses for names holding `\`, newline or carriage return.
public enum HashCheckFormat {
    /// One checksum line as parsed from a SUMS file.
    public struct Entry: Equatable, Sendable {
        /// The digest the line promises.
        public var digest: Digest
        /// The file name with escapes undone, exactly as it names the file.
        public var name: String
        /// True for `*name` (binary mode); on Linux both modes hash the same bytes.
        public var binary: Bool
        /// 1-based line number in the SUMS text, for messages.
        public var line: Int

        /// An entry as written by `line(digest:name:binary:)` or read by `parseLine`.
        public init(digest: Digest, name: String, binary: Bool = false, line: Int = 0) {
            self.digest = digest
            self.name = name
            self.binary = binary
            self.line = line
        }
    }

    /// A parsed SUMS file: the usable entries and the numbers of the lines that were not.
    public struct Parsed: Equatable, Sendable {
        /// The checksum lines, in file order.
        public var entries: [Entry] = []
        /// 1-based numbers of the lines that were neither checksums, blank nor comments.
        public var malformedLines: [Int] = []

        /// A parse result, empty by default.
        public init(entries: [Entry] = [], malformedLines: [Int] = []) {
            self.entries = entries
            self.malformedLines = malformedLines
        }
    }

    // MARK: - Writing

    /// The line `sha256sum` prints for the file (without the newline): `<hex>  <name>`, or
    /// `\<hex>  <escaped name>` when the name holds a backslash, newline or carriage return.
    public static func line(digest: Digest, name: String, binary: Bool = false) -> String {
        let marker = binary ? " *" : "  "
        guard needsEscape(name) else { return digest.hex + marker + name }
        return "\\" + digest.hex + marker + escape(name)
    }

    /// How `sha256sum -c` shows a name in its report: escaped, with a leading `\`, when needed.
    public static func displayName(_ name: String) -> String {
        needsEscape(name) ? "\\" + escape(name) : name
    }

    static func needsEscape(_ name: String) -> Bool {
        name.utf8.contains { $0 == UInt8(ascii: "\\") || $0 == 0x0A || $0 == 0x0D }
    }

    static func escape(_ name: String) -> String {
        var out = ""
        out.reserveCapacity(name.utf8.count + 4)
        for character in name.unicodeScalars {
            switch character {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    // MARK: - Reading

    /// Parses a whole SUMS file. Empty lines and `#` comments are skipped; any other line that is
    /// neither `<hex>  name`, `<hex> *name`, `<hex> name` nor `SHA256 (name) = <hex>` is malformed.
    public static func parse(_ text: String) -> Parsed {
        var parsed = Parsed()
        var number = 0
        // Lines are split on bytes: as Characters, "\r\n" is one unit and would hide the newline.
        for rawLine in text.utf8.split(separator: newline, omittingEmptySubsequences: false) {
            number += 1
            var line = rawLine
            if line.last == carriageReturn { line = line.dropLast() }
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            if var entry = parseLine(Substring(line)) {
                entry.line = number
                parsed.entries.append(entry)
            } else {
                parsed.malformedLines.append(number)
            }
        }
        return parsed
    }

    /// One line without its newline; nil when it is not a checksum line.
    public static func parseLine(_ text: Substring) -> Entry? {
        var rest = text.utf8.drop { $0 == space || $0 == tab }
        let escaped = rest.first == backslash
        if escaped { rest = rest.dropFirst() }
        if rest.starts(with: "SHA256 (".utf8) { return parseTagged(rest.dropFirst(8), escaped: escaped) }

        guard rest.count > 64, let digest = Digest(hex: Substring(rest.prefix(64))) else { return nil }
        rest = rest.dropFirst(64)
        guard rest.first == space || rest.first == tab else { return nil }
        rest = rest.dropFirst()
        var binary = false
        // A single byte after the separator is the whole name (as in sha256sum).
        if rest.count > 1, rest.first == space || rest.first == UInt8(ascii: "*") {
            binary = rest.first == UInt8(ascii: "*")
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty, let name = escaped ? unescape(Substring(rest)) : String(Substring(rest)) else {
            return nil
        }
        return Entry(digest: digest, name: name, binary: binary)
    }

    /// The BSD tag form, after `SHA256 (`: `name) = <hex>`.
    private static func parseTagged(_ text: Substring.UTF8View, escaped: Bool) -> Entry? {
        guard text.count > 68, let digest = Digest(hex: Substring(text.suffix(64))) else { return nil }
        let head = text.dropLast(64)
        guard head.reversed().starts(with: " = )".utf8) else { return nil }
        let rawName = Substring(head.dropLast(4))
        guard !rawName.isEmpty, let name = escaped ? unescape(rawName) : String(rawName) else { return nil }
        return Entry(digest: digest, name: name, binary: false)
    }

    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let backslash = UInt8(ascii: "\\")

    /// Undoes `\\`, `\n` and `\r`; nil for any other escape or a trailing lone backslash.
    static func unescape(_ text: Substring) -> String? {
        var out = ""
        var pendingBackslash = false
        for character in text.unicodeScalars {
            if pendingBackslash {
                switch character {
                case "\\": out += "\\"
                case "n": out += "\n"
                case "r": out += "\r"
                default: return nil
                }
                pendingBackslash = false
            } else if character == "\\" {
                pendingBackslash = true
            } else {
                out.unicodeScalars.append(character)
            }
        }
        return pendingBackslash ? nil : out
    }
}
