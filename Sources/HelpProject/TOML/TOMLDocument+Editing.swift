import HelpSystem

/// Format-preserving edits: each changes only the bytes of the value or line concerned, then
/// parses the result again, so an edit can never leave a broken document behind.
extension TOMLDocument {
    /// What an array edit did.
    public enum ArrayChange: Sendable, Equatable {
        case added
        case replaced(previous: String)
        case unchanged
    }

    /// Puts `string` into the array at `path`: replaces the first element `matches` accepts (keeping
    /// its quote style) or appends it in the array's own style (one per line with indentation and
    /// trailing comma, or inline); creates the array, and its table, when missing.
    public func upsertingString(
        _ string: String, inArrayAt path: [String],
        matching matches: (String) -> Bool
    ) throws -> (TOMLDocument, ArrayChange) {
        guard let key = path.last else { throw HelpError.usage("an array path needs at least one key") }
        guard let existing = value(at: path) else {
            let rendered = TOMLLayout(self).newArray(with: [TOMLText.quote(string)])
            return (try inserting(key: key, rendered: rendered, inTable: Array(path.dropLast())), .added)
        }
        guard let elements = existing.array, let entry = entry(at: path), let span = entry.array else {
            throw HelpError.badData("\(fileName): \(path.joined(separator: ".")) is not an array this edit can change")
        }
        if let index = elements.firstIndex(where: { $0.string.map(matches) ?? false }),
            let previous = elements[index].string
        {
            if previous == string { return (self, .unchanged) }
            let item = span.items[index]
            let literal = bytes[item.lowerBound] == UInt8(ascii: "'") && TOMLText.fitsLiteral(string)
            let rendered = literal ? "'\(string)'" : TOMLText.quote(string)
            return (try splicing([(item, rendered)]), .replaced(previous: previous))
        }
        let insertions = TOMLLayout(self).appending(TOMLText.quote(string), to: span, entry: entry)
        return (try splicing(insertions), .added)
    }

    /// Removes every string element of the array at `path` that `matches` accepts, with its comma
    /// and, when it stood alone on its line, the line; returns how many went.
    public func removingStrings(inArrayAt path: [String], matching matches: (String) -> Bool) throws -> (
        TOMLDocument, Int
    ) {
        guard let elements = value(at: path)?.array else { return (self, 0) }
        guard let entry = entry(at: path), let span = entry.array else {
            throw HelpError.badData("\(fileName): \(path.joined(separator: ".")) is not an array this edit can change")
        }
        let doomed = elements.indices.filter { elements[$0].string.map(matches) ?? false }
        guard !doomed.isEmpty else { return (self, 0) }
        let ranges = TOMLLayout(self).removalRanges(for: doomed, in: span)
        return (try splicing(ranges.map { ($0, "") }), doomed.count)
    }

    /// Sets a key of the table at `tablePath` to `rendered` (TOML value text such as `"^1.0"` or
    /// `{ version = ">=1", extras = ["a"] }`): the value of the first key `matchesKey` accepts is
    /// replaced, otherwise `key` is added; the table is created when missing. Returns the new
    /// document and the previous value.
    public func settingValue(
        _ rendered: String, forKey key: String, inTable tablePath: [String],
        matchingKey matchesKey: (String) -> Bool
    ) throws -> (TOMLDocument, TOMLValue?) {
        if let table = value(at: tablePath)?.table, let found = table.keys.first(where: matchesKey) {
            return (try replacingValue(at: tablePath + [found], with: rendered), table[found])
        }
        return (try inserting(key: key, rendered: rendered, inTable: tablePath), nil)
    }

    /// Replaces the value at `path`, which must exist outside arrays of tables, by `rendered`.
    public func replacingValue(at path: [String], with rendered: String) throws -> TOMLDocument {
        guard let entry = entry(at: path) else {
            throw HelpError.badData("\(fileName): no value at \(path.joined(separator: ".")) to replace")
        }
        return try splicing([(entry.valueRange, rendered)])
    }

    // MARK: - Bytes

    var bytes: [UInt8] { Array(text.utf8) }

    /// The document with each range replaced by its text (ranges must not overlap), parsed again.
    func splicing(_ edits: [(Range<Int>, String)]) throws -> TOMLDocument {
        var result = bytes
        for (range, replacement) in edits.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            result.replaceSubrange(range, with: Array(replacement.utf8))
        }
        return try TOMLDocument(String(decoding: result, as: UTF8.self), fileName: fileName)
    }
}

extension TOMLText {
    /// True when `text` can be written as a literal `'…'` string.
    static func fitsLiteral(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0 == "'" || ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }
    }
}

extension TOMLDocument {
    /// The value at `path` exactly as written (`{ version = "^1.0" }`), outside arrays of tables.
    public func sourceText(at path: [String]) -> String? {
        guard let entry = entry(at: path) else { return nil }
        return String(decoding: bytes[entry.valueRange], as: UTF8.self)
    }

    /// Removes the pair at `path`: its whole line (comment included), or inside an inline table the
    /// pair and one comma beside it.
    public func removingEntry(at path: [String]) throws -> TOMLDocument {
        guard let entry = entry(at: path) else {
            throw HelpError.badData("\(fileName): no value at \(path.joined(separator: ".")) to remove")
        }
        guard entry.inInlineTable else { return try splicing([(entry.lineStart..<entry.end, "")]) }
        var start = entry.lineStart
        var end = entry.end
        let source = bytes
        var after = end
        while after < source.count, source[after] == 0x20 || source[after] == 0x09 { after += 1 }
        if after < source.count, source[after] == UInt8(ascii: ",") {
            end = after + 1
            while end < source.count, source[end] == 0x20 || source[end] == 0x09 { end += 1 }
        } else {
            var before = start
            while before > 0, source[before - 1] == 0x20 || source[before - 1] == 0x09 { before -= 1 }
            if before > 0, source[before - 1] == UInt8(ascii: ",") { start = before - 1 }
        }
        return try splicing([(start..<end, "")])
    }
}
