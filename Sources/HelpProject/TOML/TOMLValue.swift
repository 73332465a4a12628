/// A TOML 1.0 value. Dates and times keep their written text (`1979-05-27T07:32:00Z`), which is all
/// `help` needs of them.
public enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    /// An offset or local date-time, local date or local time, as written.
    case dateTime(String)
    case array([TOMLValue])
    case table(TOMLTable)

    // MARK: - Reading

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    public var boolean: Bool? {
        if case .boolean(let value) = self { return value }
        return nil
    }

    public var array: [TOMLValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var table: TOMLTable? {
        if case .table(let value) = self { return value }
        return nil
    }

    /// The strings of an array, nil when this is not an array of strings only.
    public var strings: [String]? {
        guard let array else { return nil }
        let strings = array.compactMap(\.string)
        return strings.count == array.count ? strings : nil
    }

    /// The value at `path` below this one (tables only).
    public subscript(path: String...) -> TOMLValue? { value(at: path) }

    /// The value at `path` below this one, nil when a step is missing or not a table.
    public func value(at path: [String]) -> TOMLValue? {
        var current = self
        for key in path {
            guard let next = current.table?[key] else { return nil }
            current = next
        }
        return current
    }
}

/// A TOML table: keys in the order the document defines them, each with its value.
public struct TOMLTable: Sendable, Equatable {
    public private(set) var keys: [String] = []
    private var storage: [String: TOMLValue] = [:]

    /// An empty table.
    public init() {}

    /// The value under `key`.
    public subscript(key: String) -> TOMLValue? {
        get { storage[key] }
        set {
            if storage[key] == nil, newValue != nil { keys.append(key) }
            if newValue == nil { keys.removeAll { $0 == key } }
            storage[key] = newValue
        }
    }

    public var isEmpty: Bool { keys.isEmpty }

    /// Key and value pairs in document order.
    public var entries: [(key: String, value: TOMLValue)] { keys.compactMap { key in storage[key].map { (key, $0) } } }
}
