import TablefixModel

/// Places the cells of an HTML table on a grid as the HTML table processing model does.
///
/// Each cell takes the first free slot of its row; `colspan` is 1…1000 (0 or garbage is
/// 1), `rowspan` is 1…65534 and `rowspan=0` reaches the end of the row group; a rowspan
/// never reaches past its row group (browsers clip it there); a slot two cells claim
/// belongs to the first. Rows of the `tfoot` come last, as the model orders them.
struct HTMLTableLayout {
    /// A cell's spans as the markup gives them, parsed but not yet clipped.
    struct Request: Equatable {
        var columnSpan: Int
        var rowSpan: Int
    }

    /// Why a table cannot be laid out: it would be larger than ``slotLimit``.
    struct TooLarge: Error {}

    /// The most slots a table may have, and the most slot visits laying it out may take
    /// (four times as many), so that hostile spans cannot exhaust memory or time.
    static let slotLimit = 4_000_000

    /// The number of columns.
    private(set) var width = 0
    /// The cell index (in request order) owning each slot, or -1; rows may be shorter than
    /// ``width`` where nothing reaches.
    private(set) var slots: [[Int]] = []
    /// Each cell's top-left slot and its spans after clipping, in request order.
    private(set) var spans: [Span] = []

    /// Lays out row groups of rows of cell requests.
    ///
    /// - Throws: ``TooLarge`` when the grid would pass ``slotLimit`` slots.
    /// - Complexity: O(s) in the number of slots the cells cover.
    init(groups: [[[Request]]]) throws(TooLarge) {
        let height = groups.reduce(0) { $0 + $1.count }
        slots = Array(repeating: [], count: height)
        var visits = 0
        var y = 0
        for group in groups {
            let groupEnd = y + group.count
            for row in group {
                var x = 0
                for request in row {
                    while x < slots[y].count, slots[y][x] >= 0 { x += 1 }
                    let columnSpan = min(max(request.columnSpan, 1), 1000)
                    let asked = request.rowSpan <= 0 ? groupEnd - y : min(request.rowSpan, 65534)
                    let rowSpan = max(1, min(asked, groupEnd - y))
                    let right = x + columnSpan
                    if right > width {
                        width = right
                        guard width * max(height, 1) <= Self.slotLimit else { throw TooLarge() }
                    }
                    visits += rowSpan * columnSpan
                    guard visits <= 4 * Self.slotLimit else { throw TooLarge() }
                    let cell = spans.count
                    for covered in y..<(y + rowSpan) {
                        if slots[covered].count < right {
                            slots[covered] += Array(repeating: -1, count: right - slots[covered].count)
                        }
                        for column in x..<right where slots[covered][column] < 0 { slots[covered][column] = cell }
                    }
                    spans.append(Span(row: y, column: x, rowSpan: rowSpan, columnSpan: columnSpan))
                    x = right
                }
                y += 1
            }
        }
    }

    /// The grid: each slot holds its cell's text, a copy marked spanned where the cell
    /// does not start; slots no cell reaches are fillers. Only cells that span more than
    /// one slot are recorded as spans.
    ///
    /// - Parameters:
    ///   - texts: Each cell's text, in request order.
    ///   - lines: Each cell's 1-based source line, in request order.
    ///   - rowLines: Each row's source line, for filler slots.
    func grid(texts: [String], lines: [Int], rowLines: [Int]) -> Grid {
        var rows: [[Cell]] = []
        rows.reserveCapacity(slots.count)
        for (y, row) in slots.enumerated() {
            var cells: [Cell] = []
            cells.reserveCapacity(width)
            for x in 0..<width {
                let owner = x < row.count ? row[x] : -1
                guard owner >= 0 else {
                    cells.append(Cell("", line: y < rowLines.count ? rowLines[y] : 0, isFiller: true))
                    continue
                }
                let span = spans[owner]
                cells.append(Cell(texts[owner], line: lines[owner], isSpanned: span.row != y || span.column != x))
            }
            rows.append(cells)
        }
        let merged = spans.filter { $0.rowSpan > 1 || $0.columnSpan > 1 }
        return Grid(rows: rows, spans: merged)
    }

    /// A span attribute by the HTML rules for non-negative integers: leading white space,
    /// an optional `+`, then digits; anything after them is ignored. Nil when there are
    /// no digits.
    static func parseSpan(_ value: String?) -> Int? {
        guard let value else { return nil }
        var digits = Substring(value).drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }
        if digits.first == "+" { digits = digits.dropFirst() }
        let run = digits.prefix { $0.isASCII && $0.isNumber }
        guard !run.isEmpty else { return nil }
        // Anything longer than 7 digits is past every cap.
        return run.count > 7 ? 10_000_000 : Int(run)
    }
}
