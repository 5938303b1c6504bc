import TablefixModel

extension TextReader {
    /// Puts blanks in a short row laid out by character columns (inscriptis, lynx, pandoc's
    /// plain tables) where the source printed nothing for a zero: the columns the rows around
    /// it share (``blanksByLattice(of:in:spans:)``), or else the nearest fuller row
    /// that starts at the same place and prints a cell starting or ending where each of
    /// the short row's cells does gives the row its columns; the slots it has no cell for,
    /// each a number in the fuller row that no cell of the short row reaches into, become
    /// blanks marked ``Cell/isBlankByPosition``.
    /// Places are counted in scalars first (a renderer that pads by characters), then in
    /// display columns (``DisplayWidth``: one that pads by width, a Chinese character
    /// counting two), for the row no fuller row lines up with by scalars.
    /// A row some cell of which lines up with no column, or whose cells' places in their
    /// line are not known, stays as read. `sources`: the line each row was cut from.
    static func blanksByColumns(_ rows: [[Cell]], cutFrom sources: [Substring?]) -> [[Cell]] {
        let byScalars = rows.map(spansOfCells)
        // Worked out only once a short row needs them.
        var byWidth: [[CellSpan]?] = []
        return rows.indices.map { index in
            if let row = blanksByLattice(of: index, in: rows, spans: byScalars)
                ?? blanksByColumns(of: index, in: rows, spans: byScalars)
            {
                return row
            }
            guard let short = byScalars[index], short.count >= 2 else { return rows[index] }
            if byWidth.isEmpty {
                byWidth = rows.indices.map { row in sources[row].flatMap { displaySpans(of: rows[row], in: $0) } }
            }
            return blanksByLattice(of: index, in: rows, spans: byWidth)
                ?? blanksByColumns(of: index, in: rows, spans: byWidth)
                ?? rows[index]
        }
    }

    /// Row `index` of `rows` with its blanks placed by the columns the rows around it share,
    /// when no single fuller row gives them (a table printing blank for zero may have no full
    /// row): the rows that start where it does, from it up and down as long as no cell of
    /// one reaches over a place where a cell of another starts (or, for a renderer aligning
    /// cells by their end, ends) — a laid-out grid, not a page's loose columns, nor the
    /// table before it — three rows at least; each such place is a column. A column the row
    /// has no cell in, between its first cell and its last, where some of those rows prints a
    /// number, is a blank. Nil when the row is off the grid, or lacks no column.
    static func blanksByLattice(of index: Int, in rows: [[Cell]], spans: [[CellSpan]?]) -> [Cell]? {
        guard let short = spans[index], short.count >= 2 else { return nil }
        for edge in CellSpan.Edge.allCases {
            let group = laidOutRows(around: index, spans: spans, edge: edge)
            guard group.count >= 3 else { continue }
            if let row = blanksByLattice(of: index, in: rows, spans: spans, group: group, edge: edge) { return row }
        }
        return nil
    }

    /// How far from a row ``laidOutRows(around:spans:edge:)`` looks: farther than a table's rows.
    static let latticeReach = 60

    /// The rows around `index` that start where it does and share its grid: taken outward
    /// while every cell of one stands clear of the others' columns (the places where cells
    /// after the first start or end, by `edge`: ``unclearPlaces(of:edge:)``), up to
    /// ``latticeReach`` rows each way.
    static func laidOutRows(around index: Int, spans: [[CellSpan]?], edge: CellSpan.Edge) -> [Int] {
        guard let short = spans[index] else { return [] }
        var group = [index]
        var columns = PlaceSet()
        // The places no other row's column may stand at: those not clear of a taken cell.
        var blocked = PlaceSet()
        func take(_ row: [CellSpan]) {
            columns.formUnion(row.dropFirst().lazy.map { $0[edge] })
            for span in row { blocked.formUnion(unclearPlaces(of: span, edge: edge)) }
        }
        func fits(_ row: [CellSpan]) -> Bool {
            row.dropFirst().allSatisfy { !blocked.contains($0[edge]) }
                && row.allSatisfy { span in unclearPlaces(of: span, edge: edge).allSatisfy { !columns.contains($0) } }
        }
        take(short)
        for step in [-1, 1] {
            var other = index + step
            while other >= 0, other < spans.count, abs(other - index) <= latticeReach {
                defer { other += step }
                guard let row = spans[other], row[0].start == short[0].start else { continue }
                guard fits(row) else { break }
                group.append(other)
                take(row)
            }
        }
        return group
    }

    /// The places a column may not stand at beside a cell at `span` in a grid laid out by
    /// characters: in it or less than a column gap (two spaces) from it, but where the cell
    /// itself starts or ends (`edge`). Rows laid out by another measure (a Chinese character
    /// two columns wide) put their columns a place or two apart, inside one another's gaps.
    static func unclearPlaces(of span: CellSpan, edge: CellSpan.Edge) -> LazyFilterSequence<ClosedRange<Int>> {
        let own = span[edge]
        return ((span.start - 1)...(span.end + 1)).lazy.filter { $0 != own }
    }

    /// Places in a line (from -1, a place before its first scalar) as flags: the few hundred
    /// places of a table's lines, asked and added to without hashing.
    struct PlaceSet {
        private var flags: [Bool] = []

        /// The places in the set, in order.
        var places: [Int] { flags.indices.filter { flags[$0] }.map { $0 - 1 } }

        func contains(_ place: Int) -> Bool { place + 1 < flags.count && flags[place + 1] }

        mutating func insert(_ place: Int) {
            if place + 1 >= flags.count { flags += repeatElement(false, count: place + 2 - flags.count) }
            flags[place + 1] = true
        }

        mutating func formUnion<S: Sequence<Int>>(_ places: S) {
            for place in places { insert(place) }
        }
    }

    /// ``blanksByLattice(of:in:spans:)`` with the columns where `group`'s cells start, or end:
    /// those of the rows on the grid, most of whose cells stand where another row's do too (a
    /// row whose cells line up with no other's was laid out by another measure).
    static func blanksByLattice(of index: Int, in rows: [[Cell]], spans: [[CellSpan]?], group: [Int],
                                edge: CellSpan.Edge) -> [Cell]? {
        // The places where a cell of one row of the group stands, and of two rows or more.
        var takenOnce = PlaceSet()
        var takenTwice = PlaceSet()
        for row in group {
            for span in (spans[row] ?? []).dropFirst() {
                if takenOnce.contains(span[edge]) { takenTwice.insert(span[edge]) } else { takenOnce.insert(span[edge]) }
            }
        }
        func isOnTheGrid(_ row: Int) -> Bool {
            let shared = (spans[row] ?? []).dropFirst().filter { takenTwice.contains($0[edge]) }.count
            return 2 * shared > (spans[row]?.count ?? 1) - 1
        }
        guard isOnTheGrid(index) else { return nil }
        var columns = PlaceSet()
        var numbers = PlaceSet()
        for row in group where isOnTheGrid(row) {
            for (place, span) in (spans[row] ?? []).enumerated().dropFirst() {
                columns.insert(span[edge])
                if row != index, !numbers.contains(span[edge]), isSignedNumberToken(rows[row][place].text) {
                    numbers.insert(span[edge])
                }
            }
        }
        let lattice = columns.places
        guard let short = spans[index] else { return nil }
        var row = [rows[index][0]]
        var previous = short[0].end
        for (place, span) in short.enumerated().dropFirst() {
            let position = span[edge]
            guard columns.contains(position) else { return nil }
            let skipped = lattice.filter { $0 > previous && $0 < position }
            guard skipped.allSatisfy(numbers.contains) else { return nil }
            row += skipped.map { _ in Cell("", line: rows[index][0].line, isBlankByPosition: true) }
            row.append(rows[index][place])
            previous = position
        }
        return row.count > short.count ? row : nil
    }

    /// Row `index` of `rows` with its blanks placed by the cells' `spans`, or nil when no
    /// fuller row gives it columns.
    static func blanksByColumns(of index: Int, in rows: [[Cell]], spans: [[CellSpan]?]) -> [Cell]? {
        guard let short = spans[index], short.count >= 2 else { return nil }
        let fuller = rows.indices.filter { spans[$0].map { $0.count > short.count } == true }
            .sorted { abs($0 - index) < abs($1 - index) }
        for other in fuller {
            guard let columns = spans[other], let slots = columnsOf(short, in: columns),
                (0..<columns.count).allSatisfy({ column in
                    slots.contains(column)
                        || isSignedNumberToken(rows[other][column].text) && !short.contains { $0.overlaps(columns[column]) }
                })
            else { continue }
            var row = (0..<columns.count).map { _ in Cell("", line: rows[index][0].line, isBlankByPosition: true) }
            for (piece, slot) in slots.enumerated() { row[slot] = rows[index][piece] }
            return row
        }
        return nil
    }

    /// Where a cell stands in its line: from its first character to past its last.
    struct CellSpan: Equatable {
        var start: Int
        var end: Int

        /// The end of its cells a renderer lines a table's columns up by.
        enum Edge: CaseIterable {
            case start, end
        }

        subscript(edge: Edge) -> Int { edge == .start ? start : end }

        func overlaps(_ other: CellSpan) -> Bool { start < other.end && other.start < end }
    }

    /// The spans of a row's cells, nil unless each knows its place in the line.
    static func spansOfCells(_ row: [Cell]) -> [CellSpan]? {
        var spans: [CellSpan] = []
        for cell in row {
            guard let offset = cell.offset else { return nil }
            spans.append(CellSpan(start: offset, end: offset + cell.text.unicodeScalars.count))
        }
        return spans
    }

    /// The spans of a row's cells in display columns of `source`, the line they were cut
    /// from, nil unless each knows its place in the line.
    static func displaySpans(of row: [Cell], in source: Substring) -> [CellSpan]? {
        let scalars = Array(source.unicodeScalars)
        var spans: [CellSpan] = []
        for cell in row {
            guard let offset = cell.offset, offset <= scalars.count else { return nil }
            let start = DisplayWidth.of(scalars[..<offset])
            spans.append(CellSpan(start: start, end: start + DisplayWidth.of(cell.text.unicodeScalars)))
        }
        return spans
    }

    /// For each cell of `short`, the one cell of `full` it lines up with (the first with
    /// the first, the others all by their start or all by their end: a renderer aligns a
    /// table's columns one way), in order; nil if any has none.
    static func columnsOf(_ short: [CellSpan], in full: [CellSpan]) -> [Int]? {
        guard short[0].start == full[0].start else { return nil }
        for edge in CellSpan.Edge.allCases {
            var slots = [0]
            for piece in short.dropFirst() {
                guard let slot = full.indices.dropFirst().first(where: { full[$0][edge] == piece[edge] }),
                    slot > slots[slots.count - 1]
                else { break }
                slots.append(slot)
            }
            if slots.count == short.count { return slots }
        }
        return nil
    }

    /// ``isNumberToken(_:)`` after a sign: a change column's `-3`, `+12`.
    static func isSignedNumberToken(_ token: String) -> Bool {
        isNumberToken(token.first.map(NumberGlyphs.signs.contains) == true ? String(token.dropFirst()) : token)
    }
}
