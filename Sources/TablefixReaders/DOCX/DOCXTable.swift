import TablefixModel

/// A `w:tbl` being read: its rows of cells as Word lists them, turned into a grid once
/// the table ends.
struct DOCXTable {
    /// How a cell takes part in a vertical merge.
    enum VerticalMerge {
        case none
        /// `w:vMerge w:val="restart"`: the top cell of a merge.
        case restart
        /// `w:vMerge` without a value: covered by the cell above.
        case `continue`
    }

    struct Cell {
        var lines: [String] = []
        /// The paragraph ordinal of the cell's first paragraph.
        var line: Int
        var columnSpan = 1
        var merge = VerticalMerge.none

        var text: String { lines.joined(separator: "\n").trimmingSpaces }
    }

    struct Row {
        var cells: [Cell] = []
        var gridBefore = 0
        var line: Int
    }

    /// The paragraph ordinal where the table starts.
    var line: Int
    /// The number of `w:gridCol`s of `w:tblGrid`.
    var gridColumns = 0
    var rows: [Row] = []
    /// Blocks that came from inside the cells but are not text: images, nested tables.
    var nested: [Block] = []

    /// The most columns a table may have: `w:gridSpan` values past it are cut.
    static let columnLimit = 1000

    /// Why a table cannot be built: it would be larger than ``HTMLTableLayout/slotLimit``.
    struct TooLarge: Error {}

    /// The grid: `w:gridSpan` spreads a cell over columns, `w:vMerge` continues the cell
    /// above, and every slot a merged cell covers holds a copy of its text, marked spanned.
    /// A continuing cell with nothing above it to continue stands on its own.
    ///
    /// - Throws: ``TooLarge`` when the grid would pass ``HTMLTableLayout/slotLimit`` slots.
    /// - Complexity: O(s) in the number of slots.
    func grid() throws(TooLarge) -> Grid {
        struct Origin {
            var row: Int
            var column: Int
            var rowSpan: Int
            var columnSpan: Int
            var text: String
            var line: Int
        }
        var origins: [Origin] = []
        var owners: [[Int]] = []
        var total = 0
        for (y, row) in rows.enumerated() {
            var slots: [Int] = Array(repeating: -1, count: min(row.gridBefore, Self.columnLimit))
            for cell in row.cells {
                let x = slots.count
                let span = max(1, min(cell.columnSpan, Self.columnLimit - x))
                guard x < Self.columnLimit else { break }
                if cell.merge == .continue, y > 0, x < owners[y - 1].count, owners[y - 1][x] >= 0 {
                    let owner = owners[y - 1][x]
                    if origins[owner].row + origins[owner].rowSpan == y { origins[owner].rowSpan += 1 }
                    slots += Array(repeating: owner, count: span)
                    continue
                }
                origins.append(
                    Origin(row: y, column: x, rowSpan: 1, columnSpan: span, text: cell.text, line: cell.line))
                slots += Array(repeating: origins.count - 1, count: span)
            }
            owners.append(slots)
            total += max(slots.count, min(gridColumns, Self.columnLimit))
            guard total <= HTMLTableLayout.slotLimit else { throw TooLarge() }
        }
        let width = max(min(gridColumns, Self.columnLimit), owners.map(\.count).max() ?? 0)
        guard width * rows.count <= HTMLTableLayout.slotLimit else { throw TooLarge() }
        var grid: [[TablefixModel.Cell]] = []
        grid.reserveCapacity(rows.count)
        for (y, slots) in owners.enumerated() {
            var cells: [TablefixModel.Cell] = []
            cells.reserveCapacity(width)
            for x in 0..<width {
                guard x < slots.count, slots[x] >= 0 else {
                    cells.append(TablefixModel.Cell("", line: rows[y].line, isFiller: true))
                    continue
                }
                let origin = origins[slots[x]]
                cells.append(
                    TablefixModel.Cell(origin.text, line: origin.line, isSpanned: origin.row != y || origin.column != x)
                )
            }
            grid.append(cells)
        }
        let spans = origins.filter { $0.rowSpan > 1 || $0.columnSpan > 1 }.map { origin in
            Span(row: origin.row, column: origin.column, rowSpan: origin.rowSpan, columnSpan: origin.columnSpan)
        }
        return Grid(rows: grid, spans: spans)
    }
}
