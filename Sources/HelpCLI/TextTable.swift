/// Lays rows out in aligned columns for human output. Widths count characters of the plain text,
/// so paint cells after measuring (`paint` is applied per column through `style`).
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    /// A table with a header row and data rows of cells.
    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The table as lines: two spaces between columns, the last column unpadded.
    /// `paint(row, column, text)` may decorate a padded cell; row -1 is the header.
    public func lines(paint: (Int, Int, String) -> String = { _, _, text in text }) -> [String] {
        let all = [header] + rows
        let columns = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in all {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return all.enumerated().map { rowIndex, row in
            var cells: [String] = []
            for (column, cell) in row.enumerated() {
                let isLast = column == row.count - 1
                let padded = isLast ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
                cells.append(paint(rowIndex - 1, column, padded))
            }
            return cells.joined(separator: "  ")
        }
    }
}
