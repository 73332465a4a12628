/// The tables of a document while it is parsed, with TOML's definition rules: a key is set once,
/// a `[table]` is defined once, dotted keys may not reach into tables defined elsewhere, inline
/// tables and arrays are closed, and `[[array]]` headers append.
final class TOMLTableNode {
    /// How a table came to exist, which decides what may still add to it.
    enum Origin: Equatable {
        /// Created on the way to a deeper `[a.b.c]` header; may be defined later.
        case implicit
        /// Defined by its own `[header]`.
        case header
        /// Created by a dotted key in the section numbered `section`.
        case dotted(section: Int)
    }

    /// One key's content.
    enum Child {
        case value(TOMLValue)
        case table(TOMLTableNode)
        case tableArray([TOMLTableNode])
    }

    var origin: Origin
    private var keys: [String] = []
    private var children: [String: Child] = [:]

    init(origin: Origin) {
        self.origin = origin
    }

    // MARK: - Headers

    /// The table a `[path]` or `[[path]]` header opens; the Bool says whether the path runs through
    /// an array of tables (whose members cannot be addressed by a plain key path).
    func open(header path: [String], isArray: Bool) throws -> (TOMLTableNode, Bool) {
        var node = self
        var throughArray = false
        for key in path.dropLast() {
            switch node.children[key] {
            case nil:
                node = node.insertTable(key, origin: .implicit)
            case .table(let child):
                node = child
            case .tableArray(let members):
                node = members[members.count - 1]
                throughArray = true
            case .value:
                throw TOMLTreeError("'\(key)' already holds a value and cannot be a table")
            }
        }
        let last = path[path.count - 1]
        if isArray {
            switch node.children[last] {
            case nil:
                let member = TOMLTableNode(origin: .header)
                node.add(last, .tableArray([member]))
                return (member, true)
            case .tableArray(let members):
                let member = TOMLTableNode(origin: .header)
                node.children[last] = .tableArray(members + [member])
                return (member, true)
            default:
                throw TOMLTreeError("'\(path.joined(separator: "."))' is already defined and is not an array of tables")
            }
        }
        switch node.children[last] {
        case nil:
            return (node.insertTable(last, origin: .header), throughArray)
        case .table(let child) where child.origin == .implicit:
            child.origin = .header
            return (child, throughArray)
        case .table:
            throw TOMLTreeError("table [\(path.joined(separator: "."))] is defined twice")
        default:
            throw TOMLTreeError("'\(path.joined(separator: "."))' is already defined and is not a table")
        }
    }

    // MARK: - Key/value pairs

    /// Sets `path = value` relative to this table, creating dotted tables on the way.
    func assign(_ path: [String], _ value: TOMLValue, section: Int) throws {
        var node = self
        for key in path.dropLast() {
            switch node.children[key] {
            case nil:
                node = node.insertTable(key, origin: .dotted(section: section))
            case .table(let child):
                switch child.origin {
                case .implicit:
                    child.origin = .dotted(section: section)
                case .dotted(let owner) where owner == section:
                    break
                default:
                    throw TOMLTreeError(
                        "dotted key '\(path.joined(separator: "."))' reaches into table '\(key)' defined elsewhere")
                }
                node = child
            default:
                throw TOMLTreeError("'\(key)' already holds a value and cannot be extended by a dotted key")
            }
        }
        let last = path[path.count - 1]
        guard node.children[last] == nil else {
            throw TOMLTreeError("key '\(path.joined(separator: "."))' is defined twice")
        }
        node.add(last, .value(value))
    }

    // MARK: - Result

    /// The finished table.
    var table: TOMLTable {
        var table = TOMLTable()
        for key in keys {
            guard let child = children[key] else { continue }
            switch child {
            case .value(let value): table[key] = value
            case .table(let node): table[key] = .table(node.table)
            case .tableArray(let nodes): table[key] = .array(nodes.map { .table($0.table) })
            }
        }
        return table
    }

    private func insertTable(_ key: String, origin: Origin) -> TOMLTableNode {
        let node = TOMLTableNode(origin: origin)
        add(key, .table(node))
        return node
    }

    private func add(_ key: String, _ child: Child) {
        keys.append(key)
        children[key] = child
    }
}

/// A definition-rule violation, placed at the key by the parser.
struct TOMLTreeError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
