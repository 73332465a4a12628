import HelpCache
import HelpProject
import HelpSystem
import HelpTasks

/// `help cache stats`, `clean` and `prune`: what the store holds and removing from it.
extension CacheCommand {
    // MARK: - stats

    static func stats(_ invocation: Invocation, _ context: Context) throws -> Report {
        let cache = try CacheMaintenance(context: context)
        let (statistics, exists) = (cache.statistics(), cache.store != nil)
        return Report(
            lines: statsLines(
                statistics, folder: cache.folder, exists: exists, cap: cache.cap, console: context.console),
            json: statsJSON(statistics, folder: cache.folder, exists: exists, cap: cache.cap))
    }

    static func statsLines(_ statistics: CacheStatistics, folder: String, exists: Bool, cap: UInt64, console: Console)
        -> [String]
    {
        var lines = ["Cache " + folder + (exists ? "" : " (not created yet)"), ""]
        var rows = statistics.kinds.map { [$0.kind.rawValue, "\($0.entries)", CacheLimits.formatSize($0.bytes)] }
        rows.append(["total", "\(statistics.totalEntries)", CacheLimits.formatSize(statistics.totalBytes)])
        lines += TextTable(header: ["KIND", "ENTRIES", "SIZE"], rows: rows).lines { row, _, text in
            row < 0 || row == rows.count - 1 ? console.paint(text, .bold) : text
        }
        let percent = cap == 0 ? 100 : Int((Double(statistics.totalBytes) / Double(cap) * 100).rounded())
        lines.append("")
        lines.append(
            "Size   \(CacheLimits.formatSize(statistics.totalBytes)) of \(CacheLimits.formatSize(cap)) cap (\(percent)%)"
        )
        let counters = statistics.counters
        let lookups = counters.hits + counters.misses
        let rate = lookups == 0 ? "" : " (\(Int((Double(counters.hits) / Double(lookups) * 100).rounded()))% hits)"
        lines.append("Hits   \(counters.hits), misses \(counters.misses)" + rate)
        lines.append("Saved  " + duration(counters.timeSaved) + " of work by hits")
        return lines
    }

    /// The stable `--json` schema of `cache stats`.
    static func statsJSON(_ statistics: CacheStatistics, folder: String, exists: Bool, cap: UInt64) -> JSONValue {
        let kinds: [JSONValue] = statistics.kinds.map {
            ["kind": .string($0.kind.rawValue), "entries": .int($0.entries), "bytes": .int(Int($0.bytes))]
        }
        return [
            "folder": .string(folder), "exists": .bool(exists), "kinds": .array(kinds),
            "entries": .int(statistics.totalEntries), "bytes": .int(Int(statistics.totalBytes)),
            "max_size": .int(Int(cap)),
            "hits": .int(Int(statistics.counters.hits)), "misses": .int(Int(statistics.counters.misses)),
            "time_saved_seconds": .double(statistics.counters.timeSaved),
        ]
    }

    // MARK: - clean

    static func clean(_ invocation: Invocation, _ context: Context) throws -> Report {
        var kind: CacheKind?
        if let word = invocation.value("kind") {
            guard let chosen = CacheKind(word: word) else {
                let names = CacheKind.allCases.map(\.rawValue)
                let guess = Suggestion.nearest(to: word, in: names).map { "did you mean '\($0)'? " } ?? ""
                let aside =
                    word == "logs" || word == "backups" ? "Logs and backups are not cache entries; they stay. " : ""
                throw HelpError.usage(
                    "'\(word)' is not a cache kind",
                    hint: aside + guess + "Use one of: " + names.joined(separator: ", ") + ".")
            }
            kind = chosen
        }
        let removal = try CacheMaintenance(context: context).clean(kind: kind)
        let scope = kind.map { "\($0.rawValue) " } ?? ""
        var lines: [String] = []
        if removal.removed.isEmpty {
            lines.append("Nothing to remove: no \(scope)entries stored")
        } else {
            for usage in perKind(removal.removed) {
                lines.append(
                    "Removed \(usage.entries) \(usage.kind.rawValue) entr\(usage.entries == 1 ? "y" : "ies") (\(CacheLimits.formatSize(usage.bytes)))"
                )
            }
            lines.append(
                "Freed \(CacheLimits.formatSize(removal.freedBytes)); \(CacheLimits.formatSize(removal.remainingBytes)) left"
            )
        }
        return Report(lines: lines, json: removalJSON(removal, maxSize: nil, maxAge: nil))
    }

    // MARK: - prune

    static func prune(_ invocation: Invocation, _ context: Context) throws -> Report {
        var maxSize: UInt64?
        if let text = invocation.value("max-size") {
            guard let size = CacheLimits.parseSize(text) else {
                throw HelpError.usage(
                    "'\(text)' is not a size from 0 to 1 EiB",
                    hint: "Write bytes or a number with K, M, G or T, such as 500M or 2G (at most 1048576T).")
            }
            maxSize = size
        }
        var maxAge: Double?
        if let text = invocation.value("max-age") {
            guard let age = CacheLimits.parseAge(text) else {
                throw HelpError.usage(
                    "'\(text)' is not an age from 0 to 100 years",
                    hint: "Write a number with s, m, h, d or w, such as 12h or 7d (at most 36500d).")
            }
            maxAge = age
        }
        let cache = try CacheMaintenance(context: context)
        let size = maxSize ?? cache.cap
        let dryRun = invocation.flag("dry-run")
        let removal = try cache.prune(maxSize: size, maxAge: maxAge, dryRun: dryRun)
        let verb = dryRun ? "would remove" : "removed"
        let now = CacheFiles.now()
        var lines = removal.removed.map { entry in
            "\(verb) \(entry.kind.rawValue)/\(entry.keyHex.prefix(12))  \(CacheLimits.formatSize(entry.bytes))  last used \(age(now - entry.lastAccess)) ago"
        }
        let unused = maxAge.map { ", nothing unused for " + age(CacheLimits.nanoseconds(ofAge: $0)) } ?? ""
        let limits = "fits \(CacheLimits.formatSize(size))" + unused
        if removal.removed.isEmpty {
            lines.append("Nothing to prune: the store \(limits) (\(CacheLimits.formatSize(removal.remainingBytes)))")
        } else {
            let freed = CacheLimits.formatSize(removal.freedBytes)
            let left = CacheLimits.formatSize(removal.remainingBytes)
            lines.append(
                dryRun ? "Would free \(freed), leaving \(left) (\(limits))" : "Freed \(freed), \(left) left (\(limits))"
            )
        }
        return Report(lines: lines, json: removalJSON(removal, maxSize: size, maxAge: maxAge))
    }

    // MARK: - Pieces

    /// The stable `--json` schema of `cache clean` and `cache prune`.
    static func removalJSON(_ removal: CacheRemoval, maxSize: UInt64?, maxAge: Double?) -> JSONValue {
        let entries: [JSONValue] = removal.removed.map {
            [
                "kind": .string($0.kind.rawValue), "key": .string($0.keyHex), "bytes": .int(Int($0.bytes)),
                "last_access_ns": .int(Int($0.lastAccess)),
            ]
        }
        return [
            "dry_run": .bool(removal.dryRun), "removed": .array(entries), "freed_bytes": .int(Int(removal.freedBytes)),
            "remaining_bytes": .int(Int(removal.remainingBytes)), "max_size": maxSize.map { .int(Int($0)) } ?? .null,
            "max_age_seconds": maxAge.map { .double($0) } ?? .null,
        ]
    }

    /// Entries and bytes of `entries` per kind, in kind order, kinds without entries left out.
    static func perKind(_ entries: [StoredEntry]) -> [CacheStatistics.KindUsage] {
        CacheKind.allCases.compactMap { kind in
            let mine = entries.filter { $0.kind == kind }
            return mine.isEmpty ? nil : .init(kind: kind, entries: mine.count, bytes: mine.reduce(0) { $0 + $1.bytes })
        }
    }

    /// `3d`, `5h`, `12m`, `40s` for a span in nanoseconds.
    static func age(_ nanoseconds: Int64) -> String {
        let seconds = max(0, nanoseconds / 1_000_000_000)
        for (unit, size) in [("d", Int64(86400)), ("h", 3600), ("m", 60)] where seconds >= size {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }

    /// `1.2s`, `3m 4s`, `2h 5m` for a span in seconds.
    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return "\((seconds * 10).rounded() / 10)s" }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return "\(whole / 60)m \(whole % 60)s" }
        return "\(whole / 3600)h \(whole % 3600 / 60)m"
    }
}
