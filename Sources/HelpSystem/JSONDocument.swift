/// A parsed JSON file that remembers where each value and key was written, so a checker can report
/// `help.json:7:15: components.server.role: expected a string, found an integer`.
public struct JSONDocument: Sendable {
    /// The parsed value.
    public let root: JSONValue
    /// The name used in messages, such as `help.json`.
    public let source: String
    private let bytes: [UInt8]
    private let valueOffsets: [String: Int]
    private let keyOffsets: [String: Int]

    /// Parses `bytes`, recording positions; errors are as in `JSONValue.parse`.
    public init(parsing bytes: [UInt8], source: String) throws {
        var offsets: (values: [String: Int], keys: [String: Int]) = ([:], [:])
        root = try bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(buffer, source: source, recording: true)
            let value = try parser.parseDocument()
            offsets = (parser.valueOffsets, parser.keyOffsets)
            return value
        }
        self.source = source
        self.bytes = bytes
        valueOffsets = offsets.values
        keyOffsets = offsets.keys
    }

    /// Parses JSON text; see `init(parsing:source:)`.
    public init(parsing text: String, source: String) throws {
        try self.init(parsing: Array(text.utf8), source: source)
    }

    // MARK: - Locations

    /// `source:line:column` of the value at `path` (a `JSONPath` string), or just `source` if unknown.
    public func location(of path: String) -> String {
        locate(valueOffsets[path])
    }

    /// `source:line:column` of the key that names the member at `path`; the value's place for the root
    /// or an array element.
    public func keyLocation(of path: String) -> String {
        locate(keyOffsets[path] ?? valueOffsets[path])
    }

    /// A data error about the value at `path`: `help.json:3:14: components.server.role: message`.
    public func error(at path: String, _ message: String, hint: String? = nil) -> HelpError {
        let prefix = path.isEmpty ? "" : "\(path): "
        return HelpError("\(location(of: path)): \(prefix)\(message)", hint: hint, code: .dataError)
    }

    /// A data error about the key of the member at `path`, such as an unknown key.
    public func keyError(at path: String, _ message: String, hint: String? = nil) -> HelpError {
        let prefix = path.isEmpty ? "" : "\(path): "
        return HelpError("\(keyLocation(of: path)): \(prefix)\(message)", hint: hint, code: .dataError)
    }

    private func locate(_ offset: Int?) -> String {
        guard let offset else { return source }
        let (line, column) = bytes.withUnsafeBufferPointer { JSONPath.lineAndColumn(of: offset, in: $0) }
        return "\(source):\(line):\(column)"
    }
}

/// How places in a document are named: `components.server.commands.test[0]`; keys that are not plain
/// words are bracketed and quoted (`env["A.B"]`). The root is the empty path.
public enum JSONPath {
    /// The path of member `key` inside the object at `parent`.
    public static func member(_ parent: String, _ key: String) -> String {
        let plain =
            !key.isEmpty
            && key.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                    return true
                default: return false
                }
            }
        if !plain { return "\(parent)[\(JSONValue.quoted(key))]" }
        return parent.isEmpty ? key : "\(parent).\(key)"
    }

    /// The path of element `index` inside the array at `parent`.
    public static func element(_ parent: String, _ index: Int) -> String {
        "\(parent)[\(index)]"
    }

    /// 1-based line and column of a byte offset; columns count characters (Unicode scalars), not bytes.
    static func lineAndColumn(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
