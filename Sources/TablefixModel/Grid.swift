/// A table as read: rows of cells, rectangular once spans are expanded.
///
/// A merged cell is expanded the way a browser's table model does: every slot it covers
/// holds a copy of its text, and `spans` records the merge.
public struct Grid: Sendable, Equatable {
    /// The rows, each with the same number of cells.
    public var rows: [[Cell]]
    /// The merged cells of the source, by their top-left slot.
    public var spans: [Span]

    /// Makes a grid from rows of possibly different lengths, padding with empty cells.
    public init(rows: [[Cell]], spans: [Span] = []) {
        let width = rows.map(\.count).max() ?? 0
        self.rows = rows.map { row in
            row.count == width
                ? row : row + Array(repeating: Cell("", line: row.last?.line ?? 0, isFiller: true), count: width - row.count)
        }
        self.spans = spans
    }

    public var width: Int { rows.first?.count ?? 0 }

    /// The rows as text, cells separated by tabs, one row per line.
    public var tabSeparated: String {
        rows.map { row in row.map(\.text).joined(separator: "\t") }.joined(separator: "\n")
    }
}

/// One slot of a grid.
public struct Cell: Sendable, Equatable {
    /// The cell's text as read, lines of a wrapped cell joined.
    public var text: String
    /// The 1-based input line where the cell's text starts (0 when unknown).
    public var line: Int
    /// True when the slot is covered by a merged cell that starts elsewhere.
    public var isSpanned: Bool
    /// True when the source had no cell here: the slot pads a short row to the grid's width.
    public var isFiller: Bool

    public init(_ text: String, line: Int, isSpanned: Bool = false, isFiller: Bool = false) {
        self.text = text
        self.line = line
        self.isSpanned = isSpanned
        self.isFiller = isFiller
    }
}

/// A merged cell: its top-left slot and how many rows and columns it covers.
public struct Span: Sendable, Equatable, Codable {
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var columnSpan: Int

    public init(row: Int, column: Int, rowSpan: Int, columnSpan: Int) {
        self.row = row
        self.column = column
        self.rowSpan = rowSpan
        self.columnSpan = columnSpan
    }
}
