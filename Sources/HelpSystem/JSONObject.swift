/// The members of a JSON object, in the order they were written or inserted, with lookup by key.
/// Two objects are equal when they hold the same keys with equal values, whatever the order (as JSON
/// means it); the order only shows in the encoding.
public struct JSONObject: Equatable, Sendable {
    /// One member: a key and its value.
    public typealias Member = (key: String, value: JSONValue)

    private var members: [Member] = []
    /// Key -> position in `members`, built only once an object grows past `indexThreshold` members:
    /// most objects are small, and hashing every key of every parsed object costs more than a scan.
    private var positions: [String: Int]?
    private static let indexThreshold = 12

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
        get { position(of: key).map { members[$0].value } }
        set {
            if let newValue {
                if let position = position(of: key) {
                    members[position].value = newValue
                } else {
                    append(key, newValue)
                }
            } else if let position = position(of: key) {
                members.remove(at: position)
                positions = nil
                indexIfLarge()
            }
        }
    }

    /// Adds a member unless the key is already there; returns false (and changes nothing) for a
    /// repeated key. The parser uses this to refuse duplicate keys.
    public mutating func insertNew(_ key: String, _ value: JSONValue) -> Bool {
        guard position(of: key) == nil else { return false }
        append(key, value)
        return true
    }

    private func position(of key: String) -> Int? {
        if let positions { return positions[key] }
        return members.firstIndex { $0.key == key }
    }

    private mutating func append(_ key: String, _ value: JSONValue) {
        positions?[key] = members.count
        members.append((key, value))
        indexIfLarge()
    }

    private mutating func indexIfLarge() {
        guard positions == nil, members.count > Self.indexThreshold else { return }
        var index: [String: Int] = [:]
        index.reserveCapacity(members.count * 2)
        for (position, member) in members.enumerated() { index[member.key] = position }
        positions = index
    }

    /// The keys in order.
    public var keys: [String] { members.map(\.key) }

    public var count: Int { members.count }

    public var isEmpty: Bool { members.isEmpty }

    // MARK: - Equatable

    /// Same keys with equal values, in any order.
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
