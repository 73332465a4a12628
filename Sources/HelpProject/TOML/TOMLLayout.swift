/// The style of an existing document (line ending, indentation, one element per line or inline)
/// and the exact insertions and removals that follow it.
struct TOMLLayout {
    let document: TOMLDocument
    let bytes: [UInt8]

    init(_ document: TOMLDocument) {
        self.document = document
        self.bytes = document.bytes
    }

    /// `\r\n` when the document's first line ends so, else `\n`.
    var newline: String {
        guard let first = bytes.firstIndex(of: 0x0A) else { return "\n" }
        return first > 0 && bytes[first - 1] == 0x0D ? "\r\n" : "\n"
    }

    /// The indentation of elements in the document's first one-per-line array, else four spaces.
    var elementIndent: String {
        for entry in document.entries {
            guard let span = entry.array, let item = span.items.first, isMultiline(span) else { continue }
            let indent = leadingBlanks(ofLineAt: item.lowerBound)
            if lineStart(of: item.lowerBound) + indent.utf8.count == item.lowerBound, !indent.isEmpty { return indent }
        }
        return "    "
    }

    /// A new array of already rendered elements, one per line with trailing commas.
    func newArray(with elements: [String]) -> String {
        "[" + elements.map { newline + elementIndent + $0 + "," }.joined() + newline + "]"
    }

    // MARK: - Appending

    /// The byte ranges to replace, and by what, to append `element` after the array's last element.
    func appending(_ element: String, to span: TOMLArraySpan, entry: TOMLEntrySpan) -> [(Range<Int>, String)] {
        guard let last = span.items.last else {
            if isMultiline(span) {
                let indent = leadingBlanks(ofLineAt: entry.lineStart) + elementIndent
                return [(span.open + 1..<span.open + 1, newline + indent + element + ",")]
            }
            return [(span.open + 1..<span.close, element)]  // `[ ]` becomes `["x"]`
        }
        let afterLast = span.hasTrailingComma ? span.commas[span.commas.count - 1] + 1 : last.upperBound
        if isMultiline(span), let lineEnd = restOfLineIsBlank(from: afterLast) {
            var indent = leadingBlanks(ofLineAt: last.lowerBound)
            if indent.isEmpty { indent = leadingBlanks(ofLineAt: entry.lineStart) + elementIndent }
            let text = newline + indent + element + (span.hasTrailingComma ? "," : "")
            if span.hasTrailingComma { return [(lineEnd..<lineEnd, text)] }
            // Two insertions at one offset would land in either order: make them one.
            if lineEnd == last.upperBound { return [(lineEnd..<lineEnd, "," + text)] }
            return [(last.upperBound..<last.upperBound, ","), (lineEnd..<lineEnd, text)]
        }
        return [(afterLast..<afterLast, span.hasTrailingComma ? " " + element + "," : ", " + element)]
    }

    // MARK: - Removing

    /// Byte ranges that remove the elements at `indices` with their commas.
    func removalRanges(for indices: [Int], in span: TOMLArraySpan) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        let doomed = Set(indices)
        let survivors = span.items.indices.filter { !doomed.contains($0) }
        for index in indices {
            let item = span.items[index]
            let comma = index < span.commas.count ? span.commas[index] : nil
            let start = lineStart(of: item.lowerBound)
            let end = comma.map { $0 + 1 } ?? item.upperBound
            let aloneOnLine = start + leadingBlanks(ofLineAt: start).utf8.count == item.lowerBound
            if isMultiline(span), aloneOnLine, let lineEnd = restOfLineIsBlank(from: end) {
                ranges.append(start..<lineEnd + newlineLength(at: lineEnd))
            } else if let comma {
                var stop = comma + 1
                while stop < span.close, bytes[stop] == 0x20 || bytes[stop] == 0x09 { stop += 1 }
                ranges.append(item.lowerBound..<stop)
            } else if let previous = survivors.last(where: { $0 < index }) {
                // The last element without a trailing comma: take the comma before it instead.
                ranges.append(span.commas[previous]..<item.upperBound)
            } else {
                ranges.append(item)
            }
        }
        return ranges
    }

    // MARK: - Lines

    func isMultiline(_ span: TOMLArraySpan) -> Bool {
        bytes[span.open..<span.close].contains(0x0A)
    }

    func lineStart(of offset: Int) -> Int {
        var start = offset
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        return start
    }

    func leadingBlanks(ofLineAt offset: Int) -> String {
        let start = lineStart(of: offset)
        let blanks = bytes[start...].prefix { $0 == 0x20 || $0 == 0x09 }
        return String(decoding: blanks, as: UTF8.self)
    }

    /// When only blanks and a comment follow `offset` on its line: the offset of the line end.
    func restOfLineIsBlank(from offset: Int) -> Int? {
        var index = offset
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "#") {
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            if index > 0, bytes[index - 1] == 0x0D { index -= 1 }
            return index
        }
        if index == bytes.count || bytes[index] == 0x0A { return index }
        if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { return index }
        return nil
    }

    func newlineLength(at offset: Int) -> Int {
        guard offset < bytes.count else { return 0 }
        return bytes[offset] == 0x0D ? 2 : bytes[offset] == 0x0A ? 1 : 0
    }
}
