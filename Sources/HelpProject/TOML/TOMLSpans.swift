/// Where a key/value pair sits in the document's bytes, kept by the parser so that edits can
/// replace or insert exactly the bytes concerned.
struct TOMLEntrySpan: Sendable {
    /// The absolute key path (`["project", "dependencies"]`).
    var path: [String]
    /// The header section holding the pair (index into the header list; -1 before any header).
    var section: Int
    /// Start of the line holding the key (the key itself inside inline tables).
    var lineStart: Int
    var valueRange: Range<Int>
    /// After the line end of a top-level pair; the value's end inside inline tables.
    var end: Int
    var array: TOMLArraySpan?
    var inlineTable: TOMLInlineSpan?
    var inInlineTable: Bool
}

/// The brackets, elements and commas of an array value.
struct TOMLArraySpan: Sendable {
    var open: Int
    var close: Int
    var items: [Range<Int>]
    /// Offsets of the commas, in order; one after each element but maybe the last.
    var commas: [Int]

    var hasTrailingComma: Bool { !items.isEmpty && commas.count == items.count }
}

/// The braces of an inline table value.
struct TOMLInlineSpan: Sendable {
    var open: Int
    var close: Int
    var isEmpty: Bool
}

/// A `[table]` or `[[array]]` header line.
struct TOMLHeaderSpan: Sendable {
    var path: [String]
    var isArray: Bool
    /// True when the path runs through an array of tables, so its keys have no plain path.
    var throughArray: Bool
    var lineStart: Int
    /// After the header's line end.
    var lineEnd: Int
}
