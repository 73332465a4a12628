/// The members of a JSON object, in the order they were written or inserted, with lookup by key.
/// Two objects are equal when they hold the same keys with equal values, whatever the order (as JSON
/// means it); the order only shows in the encoding.
public struct JSONObject: Equatable, Sendable {
    /// One member: a key and its value.
    public typealias Member = (key: String, value: JSONValue)

    private var members: [Member] = []
    /// Key -> position in `members`; keys are unique.
    private var positions: [String: Int] = [:]

    /// An empty object.
    public init() {}

    /// An object with these members in this order; a repeated key keeps its first position and its
    /// last value.
    public init(_ pairs: [(String, JSONValue)]) {
        members.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    // MARK: - Access

    /// The value of `key`; assigning nil removes the member, assigning a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get { positions[key].map { members[$0].value } }
        set {
            if let newValue {
                if let position = positions[key] {
                    members[position].value = newValue
                } else {
                    positions[key] = members.count
                    members.append((key, newValue))
                }
            } else if let position = positions.removeValue(forKey: key) {
                members.remove(at: position)
                for index in position..<members.count { positions[members[index].key] = index }
            }
        }
    }

    /// Adds a member the caller knows to be new; returns false (and changes nothing) for a repeated key.
    /// The parser uses this to refuse duplicate keys.
    public mutating func insertNew(_ key: String, _ value: JSONValue) -> Bool {
        guard positions[key] == nil else { return false }
        positions[key] = members.count
        members.append((key, value))
        return true
    }

    /// The keys in order.
    public var keys: [String] { members.map(\.key) }

    public var count: Int { members.count }

    public var isEmpty: Bool { members.isEmpty }

    // MARK: - Equatable

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        for member in lhs.members {
            guard let other = rhs[member.key], other == member.value else { return false }
        }
        return true
    }
}

// MARK: - Iteration

extension JSONObject: Sequence {
    /// Members in order.
    public func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }

    public var underestimatedCount: Int { members.count }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Keys keep the order written in the literal.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
