import HelpSystem

/// Adding a new `key = value` line where it belongs: in the table's own section, inside its
/// inline table, beside the dotted keys that made it, or under a new `[header]` placed after the
/// sections of its nearest existing parent.
extension TOMLDocument {
    /// The document with `key = rendered` added to the table at `tablePath` (`key` is quoted as
    /// needed here), creating the table when missing.
    func inserting(key: String, rendered: String, inTable tablePath: [String]) throws -> TOMLDocument {
        let layout = TOMLLayout(self)
        let line = TOMLText.key(key) + " = " + rendered
        let here = tablePath.joined(separator: ".")
        if let section = headers.lastIndex(where: { $0.path == tablePath && !$0.isArray && !$0.throughArray }) {
            return try insertLine(line, at: contentEnd(ofSection: section), layout: layout)
        }
        if tablePath.isEmpty {
            let rootEntries = entries.filter { $0.section == -1 && !$0.inInlineTable }
            return try insertLine(line, at: rootEntries.map(\.end).max() ?? 0, layout: layout)
        }
        if let existing = value(at: tablePath) {
            guard existing.table != nil else {
                throw HelpError.badData("\(fileName): \(here) is not a table, so '\(key)' cannot be added to it")
            }
            if let inline = entry(at: tablePath)?.inlineTable {
                return try insertIntoInline(key: key, rendered: rendered, inline)
            }
            // A table made by dotted keys (`optional-dependencies.dev = […]` under [project]).
            let members = entries.filter { $0.path.starts(with: tablePath) && !$0.inInlineTable }
            guard let last = members.max(by: { $0.end < $1.end }) else {
                throw HelpError.badData("\(fileName): cannot tell where \(here) is defined to add '\(key)' to it")
            }
            let sectionPath = last.section >= 0 ? headers[last.section].path : []
            let relative = (tablePath.dropFirst(sectionPath.count) + [key]).map(TOMLText.key).joined(separator: ".")
            let indent = layout.leadingBlanks(ofLineAt: last.lineStart)
            return try insertLine(indent + relative + " = " + rendered, at: last.end, layout: layout)
        }
        try checkPathCanHoldTable(tablePath)
        let header = "[" + tablePath.map(TOMLText.key).joined(separator: ".") + "]"
        let offset = newSectionOffset(for: tablePath)
        let nl = layout.newline
        var text = header + nl + line + nl
        if offset > 0 { text = nl + text }
        if offset > 0, layout.bytes[offset - 1] != 0x0A { text = nl + text }
        return try splicing([(offset..<offset, text)])
    }

    // MARK: - Placement

    /// After the last key/value line of a section, or after its header when it has none.
    private func contentEnd(ofSection section: Int) -> Int {
        let own = entries.filter { $0.section == section && !$0.inInlineTable }.map(\.end)
        return own.max() ?? headers[section].lineEnd
    }

    /// After the content of the last section sharing the longest prefix with `tablePath`, so that
    /// `[project.optional-dependencies]` lands after `[project]` and its sub-tables; else at the end.
    private func newSectionOffset(for tablePath: [String]) -> Int {
        for length in stride(from: tablePath.count - 1, through: 1, by: -1) {
            let prefix = Array(tablePath.prefix(length))
            if let section = headers.lastIndex(where: { $0.path.starts(with: prefix) }) {
                return contentEnd(ofSection: section)
            }
        }
        return bytes.count
    }

    /// A new `[header]` may not pass through values, inline tables or arrays.
    private func checkPathCanHoldTable(_ tablePath: [String]) throws {
        for length in 1..<max(tablePath.count, 1) {
            let prefix = Array(tablePath.prefix(length))
            guard let value = value(at: prefix) else { return }
            if value.table == nil || entry(at: prefix)?.inlineTable != nil {
                throw HelpError.badData(
                    "\(fileName): \(prefix.joined(separator: ".")) is not a table that can take [\(tablePath.joined(separator: "."))]"
                )
            }
        }
    }

    private func insertLine(_ line: String, at offset: Int, layout: TOMLLayout) throws -> TOMLDocument {
        let nl = layout.newline
        let needsBreakBefore = offset > 0 && layout.bytes[offset - 1] != 0x0A
        return try splicing([(offset..<offset, (needsBreakBefore ? nl : "") + line + nl)])
    }

    private func insertIntoInline(key: String, rendered: String, _ inline: TOMLInlineSpan) throws -> TOMLDocument {
        let pair = TOMLText.key(key) + " = " + rendered
        if inline.isEmpty { return try splicing([(inline.open + 1..<inline.close, " " + pair + " ")]) }
        var end = inline.close
        while end > inline.open, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return try splicing([(end..<end, ", " + pair)])
    }
}
