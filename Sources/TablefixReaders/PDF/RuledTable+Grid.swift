import TablefixModel

extension RuledTable {
    /// The table as a grid: one slot per pair of neighbouring row and column rules; slots
    /// with no rule between them make one merged cell, whose text fills every slot it
    /// covers and whose top-left slot records the span. Each row is one line, numbered from
    /// `firstLine`.
    func grid(firstLine: Int) -> Grid {
        let cells = TableCells(self)
        let layout = cells.layout
        guard cells.rowCount > 0, cells.columnCount > 0 else { return Grid(rows: []) }
        var rows: [[Cell]] = []
        var spans: [Span] = []
        for row in 0..<cells.rowCount {
            var gridRow: [Cell] = []
            for column in 0..<cells.columnCount {
                let key = cells.owner(row: row, column: column)
                guard let extent = cells.partition.extents[key] else { continue }
                let isOrigin = extent.top == row && extent.left == column
                gridRow.append(
                    Cell(
                        cells.text(key), line: firstLine + extent.top, isSpanned: !isOrigin,
                        region: region(of: extent.box(in: layout)), ocrConfidence: PageText.confidence(of: cells.words[key] ?? [])))
                if isOrigin, extent.bottom > row || extent.right > column {
                    spans.append(
                        Span(row: row, column: column, rowSpan: extent.bottom - row + 1, columnSpan: extent.right - column + 1))
                }
            }
            rows.append(gridRow)
        }
        return Grid(rows: rows, spans: spans)
    }

    /// How many lines the grid takes: one per row.
    var lineCount: Int { max(TableLayout(self).rows.count - 1, 1) }

    /// A cell's place on its page: the piece its top edge falls in, moved back, cut at the
    /// piece's end (a cell merged across a page break is placed on its first page).
    func region(of box: Box) -> PageRegion? {
        guard let index = pieces.lastIndex(where: { $0.start <= box.y0 + RuledTable.tolerance }) ?? pieces.indices.first
        else { return nil }
        let piece = pieces[index]
        let end = index + 1 < pieces.count ? pieces[index + 1].start : .infinity
        let bottom = min(box.y1, end)
        return PageRegion(
            page: piece.page, x: box.x0, y: box.y0 - piece.offset, width: box.width, height: max(0, bottom - box.y0))
    }
}

/// Which slots of a ruled table make one cell: slots with no rule between them are joined.
struct CellPartition {
    /// A merged cell's rectangle of slots, inclusive.
    struct Extent {
        var top: Int
        var left: Int
        var bottom: Int
        var right: Int

        func box(in layout: TableLayout) -> Box {
            Box(x0: layout.columns[left], y0: layout.rows[top], x1: layout.columns[right + 1], y1: layout.rows[bottom + 1])
        }
    }

    /// For each slot (row × columns + column), the slot that stands for its cell.
    var owner: [Int]
    /// Each cell's extent, by the slot that stands for it.
    var extents: [Int: Extent]

    init(_ layout: TableLayout) {
        let rowCount = max(layout.rows.count - 1, 0), columnCount = max(layout.columns.count - 1, 0)
        var cells = UnionFind(count: rowCount * columnCount)
        for row in 0..<rowCount {
            for column in 0..<columnCount {
                let slot = row * columnCount + column
                if column + 1 < columnCount, !layout.hasVerticalBoundary(row: row, after: column) {
                    cells.join(slot, slot + 1)
                }
                if row + 1 < rowCount, !layout.hasHorizontalBoundary(below: row, column: column) {
                    cells.join(slot, slot + columnCount)
                }
            }
        }
        var extents: [Int: Extent] = [:]
        for row in 0..<rowCount {
            for column in 0..<columnCount {
                let key = cells.root(row * columnCount + column)
                if let old = extents[key] {
                    extents[key] = Extent(
                        top: min(old.top, row), left: min(old.left, column), bottom: max(old.bottom, row),
                        right: max(old.right, column))
                } else {
                    extents[key] = Extent(top: row, left: column, bottom: row, right: column)
                }
            }
        }
        owner = (0..<(rowCount * columnCount)).map { cells.root($0) }
        self.extents = extents
    }

    /// The cells' boxes on the page, top to bottom, left to right.
    func boxes(in layout: TableLayout) -> [Box] {
        extents.values.sorted { ($0.top, $0.left) < ($1.top, $1.left) }.map { $0.box(in: layout) }
    }
}

/// A ruled table's cells with their words: the layout, which slots make each cell, and
/// the words whose centres fall in each.
struct TableCells {
    let layout: TableLayout
    let partition: CellPartition
    let rowCount: Int
    let columnCount: Int
    /// The words of each cell, by the slot that stands for it.
    private(set) var words: [Int: [PageWord]] = [:]

    init(_ table: RuledTable) {
        layout = TableLayout(table)
        partition = CellPartition(layout)
        rowCount = max(layout.rows.count - 1, 0)
        columnCount = max(layout.columns.count - 1, 0)
        guard rowCount > 0, columnCount > 0 else { return }
        for word in table.words {
            guard let row = TableLayout.slot(of: word.box.midY, in: layout.rows),
                let column = TableLayout.slot(of: word.box.midX, in: layout.columns)
            else { continue }
            words[owner(row: min(row, rowCount - 1), column: min(column, columnCount - 1)), default: []].append(word)
        }
    }

    /// The slot that stands for the cell covering slot (row, column).
    func owner(row: Int, column: Int) -> Int { partition.owner[row * columnCount + column] }

    /// A cell's text: its lines, top to bottom, joined without a separator (a wrapped cell).
    func text(_ owner: Int) -> String {
        PageText.lines(of: words[owner] ?? []).map(PageText.text(of:)).joined()
    }
}
