/// Several files that must change together (a version in pyproject.toml and in `__init__.py`)
/// are each written atomically, but a process killed between two writes would leave some new and
/// some old. The journal, written before the first file and removed after the last, names each
/// file's backup: whoever finds it left behind puts every file back, so the set is either all
/// old or all new.
public struct WriteJournal: Sendable {
    public var path: String
    let fs = FileSystem()

    public init(path: String) { self.path = path }

    /// Records the files about to change and their backups, before any of them is written.
    public func begin(_ files: [(path: String, backup: String)]) throws {
        let entries: [JSONValue] = files.map { ["path": .string($0.path), "backup": .string($0.backup)] }
        try fs.createDirectories(String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]))
        try fs.writeAtomically(path, Array((JSONValue.object(["files": .array(entries)]).description + "\n").utf8))
    }

    /// Every file was written: nothing to undo any more.
    public func end() throws { try fs.remove(path) }

    /// Puts back every file a killed run left half-changed and forgets the journal; returns the
    /// files restored (none when no journal was left). A journal that cannot be read is exit 65
    /// naming it, so it is looked at rather than silently dropped.
    @discardableResult
    public func recover() throws -> [String] {
        guard fs.exists(path) else { return [] }
        let document = try JSONValue.parse(try fs.readFile(path), source: path)
        guard let entries = document["files"]?.array else {
            throw HelpError.badData(
                "\(path) is not a write journal", hint: "Restore the files it names by hand, then delete it.")
        }
        var restored: [String] = []
        for entry in entries {
            guard let file = entry["path"]?.string, let backup = entry["backup"]?.string else { continue }
            guard fs.exists(backup) else { continue }
            if (try? fs.readFile(file)) != (try? fs.readFile(backup)) {
                try fs.restore(backup, to: file)
                restored.append(file)
            }
        }
        try fs.remove(path)
        return restored
    }
}
