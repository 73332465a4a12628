import HelpSystem

/// Why a cache lookup hits or misses: compared with the last entry stored for the same component
/// and action, which files were added, removed or modified, which declared variables, tools,
/// command or config changed. Structured so the CLI can render it for people or as JSON.
public struct CacheExplanation: Sendable, Equatable {
    /// The outcome of the lookup being explained.
    public enum Verdict: String, Sendable {
        /// An entry with this exact key exists.
        case hit
        /// No entry for this key; the differences say why.
        case miss
        /// Nothing was ever stored for this component and action.
        case firstRun = "first-run"
    }

    /// A value that differs between the stored entry and now (nil: absent on that side).
    public struct Change: Sendable, Equatable {
        public var name: String
        public var before: String?
        public var after: String?

        /// A change of `name` from `before` to `after`.
        public init(name: String, before: String?, after: String?) {
            self.name = name
            self.before = before
            self.after = after
        }
    }

    public var verdict: Verdict
    public var key: Digest
    /// The key of the entry compared against.
    public var previousKey: Digest?
    public var addedFiles: [String] = []
    public var removedFiles: [String] = []
    public var modifiedFiles: [String] = []
    /// Names only: values are never shown (they may be secrets).
    public var environmentChanged: [String] = []
    public var toolsChanged: [Change] = []
    public var commandChanged: Change?
    public var configChanged: [Change] = []
    /// The entry was written by another cache format version.
    public var formatChanged = false

    /// Whether any difference was found (a miss with none means the entry was removed or pruned).
    public var hasDifferences: Bool {
        !addedFiles.isEmpty || !removedFiles.isEmpty || !modifiedFiles.isEmpty || !environmentChanged.isEmpty
            || !toolsChanged.isEmpty || commandChanged != nil || !configChanged.isEmpty || formatChanged
    }

    // MARK: - Comparing

    /// The differences from `previous` (the last stored manifest) to `current`.
    public static func compare(
        current: InputManifest, key: Digest, previous: InputManifest?, previousKey: Digest?,
        isHit: Bool
    ) -> CacheExplanation {
        var result = CacheExplanation(
            verdict: isHit ? .hit : (previous == nil ? .firstRun : .miss), key: key, previousKey: previousKey)
        guard let previous, !isHit else { return result }
        result.formatChanged = previous.formatVersion != current.formatVersion
        diffFiles(previous.files, current.files, into: &result)
        let names = Set(previous.environment.keys).union(current.environment.keys)
        result.environmentChanged = names.filter { previous.environment[$0] != current.environment[$0] }.sorted()
        result.toolsChanged = changes(previous.tools, current.tools)
        result.configChanged = changes(previous.config, current.config)
        if previous.command != current.command {
            result.commandChanged = Change(
                name: "command", before: displayLine(previous.command), after: displayLine(current.command))
        }
        return result
    }

    /// Added, removed and modified paths by a merge of the two sorted file lists.
    private static func diffFiles(_ before: InputFiles, _ after: InputFiles, into result: inout CacheExplanation) {
        var i = 0
        var j = 0
        while i < before.count || j < after.count {
            let order: Int32 =
                i == before.count ? 1 : (j == after.count ? -1 : PathList.compare(before.paths, i, after.paths, j))
            if order < 0 {
                result.removedFiles.append(before.paths.path(i))
                i += 1
            } else if order > 0 {
                result.addedFiles.append(after.paths.path(j))
                j += 1
            } else {
                if before.digests[i] != after.digests[j] { result.modifiedFiles.append(after.paths.path(j)) }
                i += 1
                j += 1
            }
        }
    }

    private static func changes(_ before: [String: String], _ after: [String: String]) -> [Change] {
        Set(before.keys).union(after.keys).sorted().compactMap { name in
            before[name] == after[name] ? nil : Change(name: name, before: before[name], after: after[name])
        }
    }

    private static func displayLine(_ argv: [String]) -> String {
        argv.map { Command.shellQuote($0) }.joined(separator: " ")
    }

    // MARK: - Rendering

    /// Plain lines for people, most telling first; long file lists are cut at `limit` per group.
    public func lines(limit: Int = 20) -> [String] {
        switch verdict {
        case .hit: return ["hit: nothing changed since the stored result (\(key.hex.prefix(12)))"]
        case .firstRun: return ["miss: nothing stored yet for this component and action"]
        case .miss: break
        }
        guard hasDifferences else { return ["miss: the last stored result was removed (cleaned or pruned)"] }
        var out = [
            "miss: changed since the last stored result (\(previousKey.map { String($0.hex.prefix(12)) } ?? "?"))"
        ]
        if formatChanged { out.append("  cache format changed") }
        for (label, files) in [("modified", modifiedFiles), ("added", addedFiles), ("removed", removedFiles)]
        where !files.isEmpty {
            out.append("  \(label) (\(files.count)):")
            out += files.prefix(limit).map { "    " + $0 }
            if files.count > limit { out.append("    … and \(files.count - limit) more") }
        }
        if !environmentChanged.isEmpty { out.append("  environment: " + environmentChanged.joined(separator: ", ")) }
        for change in toolsChanged {
            out.append("  tool \(change.name): \(change.before ?? "none") -> \(change.after ?? "none")")
        }
        if let commandChanged {
            out.append("  command: \(commandChanged.before ?? "") -> \(commandChanged.after ?? "")")
        }
        for change in configChanged {
            out.append("  config \(change.name): \(change.before ?? "unset") -> \(change.after ?? "unset")")
        }
        return out
    }
}

extension CacheStore {
    /// Explains the lookup of `key` for the manifest's component and action: a hit, or what
    /// changed since the last stored entry. Counts nothing and stamps nothing.
    public func explain(kind: CacheKind, key: Digest, manifest: InputManifest) -> CacheExplanation {
        if contains(kind: kind, key: key) {
            return CacheExplanation.compare(current: manifest, key: key, previous: nil, previousKey: nil, isHit: true)
        }
        let previous = latestManifest(kind: kind, component: manifest.component, action: manifest.action)
        return CacheExplanation.compare(
            current: manifest, key: key, previous: previous?.manifest, previousKey: previous?.key, isHit: false)
    }
}
