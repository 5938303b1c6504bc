import TablefixModel

extension TextReader {
    /// What one line of a cell-per-line table holds.
    enum CellLine: Equatable {
        /// Nothing at all: an empty cell in an office text export, or a separator.
        case empty
        /// Only invisible spaces (`&nbsp;`): always an empty cell.
        case blank
        /// A number, perhaps with a unit or a note (`6521.37万元`, `31（其中修订9件）`), or a
        /// mark for none.
        case value
        /// Text: a row label or a header cell.
        case label

        var isCell: Bool { self == .blank || self == .value }
    }

    /// A row of a cell-per-line table as found: the cells before its label that the row
    /// above left over, its label line, and the lines after it up to the next label.
    struct CellLineRow {
        var leading: [Int]
        var label: Int
        var run: [Int]
        /// How many of `run` are the row's own cells.
        var width = 0
    }

    /// The tables written one cell per line (LibreOffice's text export, BeautifulSoup's
    /// `get_text("\n")`, crawler dumps): a label line, then a line for each of its row's
    /// cells, where a line holding nothing or only a no-break space is an empty cell that
    /// keeps its position. Keyed by the first line of each table.
    ///
    /// Only tables with an empty cell among their values are returned: without one, the
    /// lines say the same as a grid would.
    ///
    /// The aligned cells it asks of a line are those `aligned` keeps for the aligned tables.
    ///
    /// - Complexity: O(n·r) for n lines and tables of r rows at most.
    func cellLineTables(_ lines: [Substring], aligned: inout AlignedLines) -> [Int: (Grid, end: Int)] {
        var found: [Int: (Grid, end: Int)] = [:]
        // What each line is, worked out once: the rows and tables below ask again and again.
        let kinds = lines.indices.map { index in Self.cellLine(lines[index]) { aligned.cells(at: index) } }
        var regions: [Range<Int>] = []
        var index = 0
        while index < lines.count {
            guard kinds[index] == .label, !Self.endsCellTable(lines[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < lines.count, kinds[end] != nil, !Self.endsCellTable(lines[end]) { end += 1 }
            regions.append(index..<end)
            index = end
        }
        // An export that writes empty cells as empty lines does so in every table it writes,
        // and puts no empty line between two paragraphs.
        let emptyLinesAreCells = Self.paragraphsAreAdjacent(lines, kinds: kinds) && regions.contains { region in
            Self.emptyLinesAreCells(region.map { kinds[$0] ?? .label })
        }
        for region in regions {
            let tables = tables(inCellLines: region, of: lines, kinds: kinds)
            for (grid, start, last) in tables { found[start] = (grid, last) }
            guard emptyLinesAreCells, let (grid, start, last) = cellsUnderHeader(region, of: lines, kinds: kinds),
                !tables.contains(where: { $0.end >= start })
            else { continue }
            found[start] = (grid, last)
        }
        return found
    }

    /// The rows of cells that close a region under its header and have no label of their
    /// own (the review table's one row of fifteen under its header cells), in an export
    /// that writes every cell, empty or not, on a line: the header's last `w` labels and
    /// the lines after them in rows of `w`, where `w` is the widest width, at least half
    /// of the header's labels and at most all of them, that divides the run of cells.
    /// A run of empty cells only, at least as many as the header's labels, is one row left
    /// blank. Nil unless the run holds an empty cell (without one, the lines say the same as
    /// a grid would).
    func cellsUnderHeader(_ region: Range<Int>, of lines: [Substring], kinds: [CellLine?])
        -> (Grid, start: Int, end: Int)?
    {
        guard let lastLabel = region.last(where: { kinds[$0] == .label }) else { return nil }
        let run = (lastLabel + 1)..<region.upperBound
        var headerStart = lastLabel
        while headerStart > region.lowerBound, kinds[headerStart - 1] == .label { headerStart -= 1 }
        let headerLabels = lastLabel - headerStart + 1
        guard headerLabels >= Self.minimumHeaderCells, run.count >= Self.minimumHeaderCells,
            run.contains(where: { kinds[$0] != .value })
        else { return nil }
        let rows: [[Int]]
        if !run.contains(where: { kinds[$0] == .value }) {
            // Every cell empty: one row a publisher left blank, as wide as the run, under
            // the header's labels (fewer, where the header's cells span columns).
            guard run.count >= headerLabels else { return nil }
            rows = [Array(headerStart...lastLabel), Array(run)]
        } else {
            guard let width = stride(from: headerLabels, through: max(Self.minimumHeaderCells, (headerLabels + 1) / 2), by: -1)
                .first(where: { run.count % $0 == 0 })
            else { return nil }
            rows = [Array((lastLabel - width + 1)...lastLabel)]
                + stride(from: run.lowerBound, to: run.upperBound, by: width).map { Array($0..<($0 + width)) }
        }
        let grid = Grid(rows: rows.map { row in row.map { Cell(String(lines[$0]), line: $0 + 1) } })
        return (grid, rows[0][0], run.upperBound - 1)
    }

    /// Whether the text writes its paragraphs on consecutive lines, as an office program's
    /// text export does, rather than with an empty line after each (an extractor's
    /// separators): true when fewer than a quarter of the lines of running text are followed
    /// by an empty line, false when the text has none.
    static func paragraphsAreAdjacent(_ lines: [Substring], kinds: [CellLine?]) -> Bool {
        // The empty lines that end the text separate nothing.
        let lastText = lines.indices.last { kinds[$0] != .empty } ?? 0
        let paragraphs = (0..<lastText).filter { kinds[$0] == nil }
        let separated = paragraphs.filter { kinds[$0 + 1] == .empty }.count
        return !paragraphs.isEmpty && separated * 4 < paragraphs.count
    }

    /// The fewest header cells, and cells under them, that ``cellsUnderHeader(_:of:kinds:)``
    /// takes for a table.
    static let minimumHeaderCells = 4

    /// The tables in a region of cell lines, each with its first and last line: the rows
    /// between two runs of header cells (three label lines or more without cells), when
    /// they hold two rows with numbers or more and an empty cell among their values.
    /// `kinds` holds ``cellLine(_:)`` of every line.
    func tables(inCellLines region: Range<Int>, of lines: [Substring], kinds: [CellLine?]) -> [(Grid, start: Int, end: Int)] {
        let rows = cellLineRows(lines, region, kinds: kinds)
        var tables: [(Grid, start: Int, end: Int)] = []
        var start = 0
        var headerCells = 0
        for index in rows.indices {
            headerCells = rows[index].width == 0 ? headerCells + 1 : 0
            if headerCells == 3, let table = cellLineTable(lines, rows[start..<(index - 2)], kinds: kinds) {
                tables.append(table)
            }
            if headerCells >= 3 { start = index + 1 }
        }
        if start < rows.count, let table = cellLineTable(lines, rows[start...], kinds: kinds) { tables.append(table) }
        return tables
    }

    /// The rows of a region of cell lines: each label line with the lines after it, cut at
    /// the row's width, the width of the nearest row that ends in a number (empty cells at
    /// the end of a row and before the next row's label are told apart so).
    func cellLineRows(_ lines: [Substring], _ region: Range<Int>, kinds: [CellLine?]) -> [CellLineRow] {
        let regionKinds = region.map { kinds[$0] ?? .label }
        let emptyCells = Self.emptyLinesAreCells(regionKinds)
        var rows: [CellLineRow] = []
        for (offset, kind) in regionKinds.enumerated() {
            let line = region.lowerBound + offset
            switch kind {
            case .label: rows.append(CellLineRow(leading: [], label: line, run: []))
            case .empty where !emptyCells: continue
            default: if !rows.isEmpty { rows[rows.count - 1].run.append(line) }
            }
        }
        let exact = rows.indices.filter { rows[$0].run.last.map { kinds[$0] == .value } ?? false }
        for index in rows.indices {
            let run = rows[index].run
            let lastValue = (run.lastIndex { kinds[$0] == .value } ?? -1) + 1
            let fits = exact.filter { lastValue <= rows[$0].run.count && rows[$0].run.count <= run.count }
            let nearest = fits.min { abs($0 - index) < abs($1 - index) }
            rows[index].width = nearest.map { rows[$0].run.count } ?? lastValue
            if index + 1 < rows.count { rows[index + 1].leading = Array(run[rows[index].width...]) }
        }
        return rows
    }

    /// Whether the empty lines among `kinds` are empty cells (an office text export) rather
    /// than separators an extractor puts after every row (BeautifulSoup on a page with a
    /// line break after each `</tr>`) or between every two cells (pdftotext).
    static func emptyLinesAreCells(_ kinds: [CellLine]) -> Bool {
        let pairs = zip(kinds, kinds.dropFirst())
        // A row that ends in a number right before the next label: rows are not separated.
        guard pairs.contains(where: { $0 == .value && $1 == .label }) else { return false }
        let filled = kinds.filter { $0 != .empty }.count
        let adjacent = pairs.filter { $0 != .empty && $1 != .empty }.count
        var runs: [Int] = []
        for (offset, kind) in kinds.enumerated() where kind == .empty {
            if offset > 0, kinds[offset - 1] == .empty { runs[runs.count - 1] += 1 } else { runs.append(1) }
        }
        // Cells mostly apart, each gap one empty line: a separator between every two cells.
        let separated = adjacent * 2 < filled && runs.filter { $0 == 1 }.count * 5 >= runs.count * 4
        return !separated
    }

    /// The grid of `rows` from its first row of cells to its last, with its first and last
    /// line; nil without two such rows, one with a number at least, or without an empty cell
    /// among their values. A row of cells holds a number, or exactly as many empty cells as
    /// its width (a row a publisher left blank).
    func cellLineTable(_ lines: [Substring], _ rows: ArraySlice<CellLineRow>, kinds: [CellLine?])
        -> (Grid, start: Int, end: Int)?
    {
        let isValue = { (line: Int) in kinds[line] == .value }
        let numbered = rows.indices.filter { rows[$0].run.prefix(rows[$0].width).contains(where: isValue) }
        let blank = rows.indices.filter { rows[$0].width > 0 && rows[$0].run.count == rows[$0].width }
        let data = Set(numbered + blank).sorted()
        guard !numbered.isEmpty, let first = data.first, let last = data.last, data.count >= 2 else { return nil }
        let table = rows[first...last]
        let hasEmptyCell = table.contains { row in row.run.prefix(row.width).contains { !isValue($0) } }
        guard hasEmptyCell else { return nil }
        let grid = Grid(rows: table.map { row in
            let leading = row.label == rows[first].label ? [] : row.leading
            return (leading + [row.label] + row.run.prefix(row.width)).map { Cell(String(lines[$0]), line: $0 + 1) }
        })
        let end = rows[last].run.prefix(rows[last].width).last ?? rows[last].label
        return (grid, rows[first].label, end)
    }

    /// What a line of a cell-per-line table is, or nil for a line no such table holds
    /// (running text, a row of several cells). `alignedCells` gives the line's
    /// ``alignedCells(_:)``; it is asked last, of a short line that is no sentence.
    static func cellLine(_ line: Substring, alignedCells: () -> [String]?) -> CellLine? {
        if line.utf8.allSatisfy({ $0 == UInt8(ascii: " ") }) { return .empty }
        if line.unicodeScalars.allSatisfy(\.isSpace) { return .blank }
        let text = line.trimmingSpaces
        guard !text.includes("\t"), !text.includes("|"), !LineRole.isSentence(text), text.utf8.count <= 60 || text.count <= 60,
            alignedCells() == nil
        else { return nil }
        return isValueCell(text) ? .value : .label
    }

    /// A number with at most a unit and a note after it, or a mark or word for none (`—`,
    /// `无`): what a value cell prints. `1.属于国家秘密` and `2021年` are labels.
    static func isValueCell(_ text: String) -> Bool {
        if isNumberToken(text) || NumberGlyphs.isNoneWord(text) { return true }
        var rest = text[...]
        if let sign = rest.first, "+-−".contains(sign) { rest = rest.dropFirst() }
        let digits = rest.prefix { $0.isASCII && $0.isNumber || ",.".contains($0) }
        guard digits.first?.isNumber == true else { return false }
        rest = rest.dropFirst(digits.count).drop { $0 == " " }
        if let unit = NumberGlyphs.units.first(where: { rest.hasPrefix($0) }) { rest = rest.dropFirst(unit.count) }
        if let open = rest.first, "（(".contains(open), let close = rest.last, "）)".contains(close) { rest = "" }
        return rest.isEmpty
    }

    /// A line that closes a cell-per-line table: a section heading (`三、收到和处理…情况`, in
    /// simplified or traditional characters), a caption (`表一：…`) or a heading without its number (`主动公开政府信息情况`).
    static func endsCellTable(_ line: Substring) -> Bool {
        let text = line.trimmingSpaces
        if LineRole.isCaption(text) { return true }
        let letters = LabelLetters.of(text)
        // 情况, or 情況 as a traditional-character gate serves it.
        guard letters.suffix(2).elementsEqual("情况".unicodeScalars.map(\.value)) else { return false }
        if let marker = ListMarker(parsing: text[...]), marker.style == .chineseComma { return true }
        return letters.count >= 10
    }
}
