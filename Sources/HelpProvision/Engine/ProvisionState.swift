import HelpSystem

/// What a provisioning command did on this machine, persisted after every step (atomically, so
/// a kill leaves the old state or the new) in `state.json` of its `ProvisionStateFolder`: which
/// steps are verified, whether this tool applied them (only those are undone), what `undo`
/// needs, and the facts later steps and runs rely on. Never holds a secret.
public struct ProvisionState: Sendable, Equatable {
    /// One step's entry.
    public struct StepEntry: Sendable, Equatable {
        public var id: String
        /// `verified` once its outcome was seen; `applied` between apply and verify.
        public var status: String
        /// True when this tool did the work (false when `check` found it already done).
        public var appliedByUs: Bool
        public var record: [String: String]
    }

    public var steps: [StepEntry] = []
    public var facts: [String: String] = [:]
    /// Set by `--leave`/`--rollback`: the machine is no longer provisioned by this tool.
    public var left = false

    public init() {}

    public func entry(_ id: String) -> StepEntry? { steps.first { $0.id == id } }

    public mutating func set(_ entry: StepEntry) {
        if let index = steps.firstIndex(where: { $0.id == entry.id }) {
            steps[index] = entry
        } else {
            steps.append(entry)
        }
    }

    // MARK: - Files

    /// The state at `path`; empty when there is none. A file that does not parse is refused
    /// (exit 65) rather than overwritten, so nothing this tool did is forgotten.
    public static func load(_ path: String, fileSystem: FileSystem) throws -> ProvisionState {
        guard fileSystem.exists(path) else { return ProvisionState() }
        let value = try JSONValue.parse(try fileSystem.readFile(path), source: path)
        var state = ProvisionState()
        state.left = value["left"]?.bool ?? false
        let facts = value["facts"]?.object ?? JSONObject()
        for key in facts.keys {
            if let text = facts[key]?.string { state.facts[key] = text }
        }
        for step in value["steps"]?.array ?? [] {
            guard let id = step["id"]?.string, let status = step["status"]?.string else {
                throw HelpError.badData(
                    "\(path): a step without id or status", hint: "Restore it or delete it to start over.")
            }
            var record: [String: String] = [:]
            let stored = step["record"]?.object ?? JSONObject()
            for key in stored.keys { record[key] = stored[key]?.string ?? "" }
            state.steps.append(
                StepEntry(id: id, status: status, appliedByUs: step["applied_by_us"]?.bool ?? false, record: record))
        }
        return state
    }

    /// Writes the state atomically, readable by its owner only.
    public func save(_ path: String, fileSystem: FileSystem) throws {
        if let slash = path.lastIndex(of: "/") { try fileSystem.createDirectories(String(path[..<slash])) }
        try fileSystem.writeAtomically(path, json.encodedBytes(.pretty) + [0x0A], mode: 0o600)
    }

    /// The document written to disk (and shown by `status --json`).
    public var json: JSONValue {
        var document = JSONValue.object(JSONObject())
        document["version"] = 1
        document["left"] = .bool(left)
        var factObject = JSONObject()
        for key in facts.keys.sorted() { factObject[key] = .string(facts[key]!) }
        document["facts"] = .object(factObject)
        document["steps"] = .array(
            steps.map { step in
                var object = JSONObject()
                object["id"] = .string(step.id)
                object["status"] = .string(step.status)
                object["applied_by_us"] = .bool(step.appliedByUs)
                var record = JSONObject()
                for key in step.record.keys.sorted() { record[key] = .string(step.record[key]!) }
                object["record"] = .object(record)
                return .object(object)
            })
        return document
    }
}
