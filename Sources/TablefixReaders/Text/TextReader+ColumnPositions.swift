import TablefixModel

extension TextReader {
    /// Puts blanks in a short row laid out by character columns (inscriptis, lynx, pandoc's
    /// plain tables) where the source printed nothing for a zero: the columns of a table whose
    /// every cell and line is padded to its column (`padded`, ``PaddedColumns``), or the
    /// columns the rows around it share (``blanksByLattice(of:in:spans:headings:)``,
    /// `headings` the lines of column headings over the table), or else the nearest fuller row
    /// that starts at the same place and prints a cell starting or ending where each of
    /// the short row's cells does gives the row its columns; the slots it has no cell for,
    /// each a number in the fuller row that no cell of the short row reaches into, become
    /// blanks marked ``Cell/isBlankByPosition``. Failing those, the line of headings over the
    /// row (`headingOver`, one for each row) when its cells start where headings do
    /// (``blanksByHeading(of:in:spans:heading:)``).
    /// Places are counted in scalars first (a renderer that pads by characters), then in
    /// display columns (``DisplayWidth``: one that pads by width, a Chinese character
    /// counting two), for the row no fuller row lines up with by scalars.
    /// A row some cell of which lines up with no column, or whose cells' places in their
    /// line are not known, stays as read. `sources`: the line each row was cut from.
    static func blanksByColumns(_ rows: [[Cell]], cutFrom sources: [Substring?], padded: PaddedColumns? = nil,
                                headings: [Substring] = [], headingOver: [Substring?] = []) -> [[Cell]]
    {
        let byScalars = rows.map(spansOfCells)
        let kinds = CellKinds(rows)
        let headingsByScalars = headings.compactMap { spansOfCells(headingCells($0)) }
        // Worked out only once a short row needs them.
        var byWidth: [[CellSpan]?] = []
        var headingsByWidth: [[CellSpan]] = []
        return rows.indices.map { index in
            if let padded, let source = sources[index], let spans = byScalars[index],
                let row = padded.placing(rows[index], spans: spans, length: source.unicodeScalars.count,
                                         valuesOnly: kinds.isValuesOnly(index))
            {
                return row
            }
            if let row = blanksByLattice(of: index, in: rows, kinds: kinds, spans: byScalars, headings: headingsByScalars)
                ?? blanksByColumns(of: index, in: rows, spans: byScalars)
            {
                return row
            }
            guard let short = byScalars[index], short.count >= 2 else { return rows[index] }
            if index < headingOver.count, let heading = headingOver[index],
                let row = blanksByHeading(of: index, in: rows, spans: byScalars, heading: heading,
                                          valuesOnly: kinds.isValuesOnly(index))
            {
                return row
            }
            if byWidth.isEmpty {
                byWidth = rows.indices.map { row in sources[row].flatMap { displaySpans(of: rows[row], in: $0) } }
                headingsByWidth = headings.compactMap { displaySpans(of: headingCells($0), in: $0) }
            }
            return blanksByLattice(of: index, in: rows, kinds: kinds, spans: byWidth, headings: headingsByWidth)
                ?? blanksByColumns(of: index, in: rows, spans: byWidth)
                ?? rows[index]
        }
    }

    /// Row `index` of `rows` with a blank under each of the column headings of `heading` (the
    /// line of headings nearest above it) it prints nothing under, when each of its cells
    /// starts where a heading does (a renderer that places each cell of a row by its index, as
    /// its headings), or, for a row of numbers only (`valuesOnly`: a table's one row of values,
    /// without a label), when each stands under a heading of its own (centred in its column):
    /// the heading line is the fuller row. Nil otherwise.
    static func blanksByHeading(of index: Int, in rows: [[Cell]], spans: [[CellSpan]?], heading: Substring,
                                valuesOnly: Bool) -> [Cell]?
    {
        guard let short = spans[index], let columns = spansOfCells(headingCells(heading)),
            columns.count > short.count
        else { return nil }
        guard let slots = columnsOf(short, in: columns, by: [.start]) ?? (valuesOnly ? columnsUnder(short, in: columns) : nil)
        else { return nil }
        return placing(rows[index], in: slots, of: columns.count)
    }

    /// For each cell of `short`, the one cell of `full` whose span its middle falls within
    /// (a renderer that centres a column's cells under its heading), in order; nil if any
    /// has none.
    static func columnsUnder(_ short: [CellSpan], in full: [CellSpan]) -> [Int]? {
        var slots: [Int] = []
        for piece in short {
            // Doubled, the middle of a cell of odd width is a whole place.
            let middle = piece.start + piece.end
            guard let slot = full.indices.first(where: { 2 * full[$0].start <= middle && middle <= 2 * full[$0].end }),
                slot > slots.last ?? -1
            else { return nil }
            slots.append(slot)
        }
        return slots
    }

    /// `row`'s cells each in its slot of `count`, the slots between them blanks marked
    /// ``Cell/isBlankByPosition``.
    static func placing(_ row: [Cell], in slots: [Int], of count: Int) -> [Cell] {
        var placed = (0..<count).map { _ in Cell("", line: row[0].line, isBlankByPosition: true) }
        for (piece, slot) in slots.enumerated() { placed[slot] = row[piece] }
        return placed
    }

    /// The cells of a line of column headings over a table, each placed in the line.
    static func headingCells(_ line: Substring) -> [Cell] {
        placedCells(splitOnSpaceRuns(line.trimmingSpaces), of: line, line: 0)
    }

    /// Row `index` of `rows` with its blanks placed by the columns the rows around it share,
    /// when no single fuller row gives them (a table printing blank for zero may have no full
    /// row): the rows that start where it does, from it up and down as long as no cell of
    /// one reaches over a place where a cell of another starts (or, for a renderer aligning
    /// cells by their end, ends) — a laid-out grid, not a page's loose columns, nor the
    /// table before it — three rows at least; each such place is a column. A column the row
    /// has no cell in, between its first cell and its last, where some of those rows prints a
    /// number, is a blank. Nil when the row is off the grid, or lacks no column.
    static func blanksByLattice(of index: Int, in rows: [[Cell]], kinds: CellKinds, spans: [[CellSpan]?],
                                headings: [[CellSpan]]) -> [Cell]? {
        guard let short = spans[index], short.count >= 2 else { return nil }
        for edge in CellSpan.Edge.allCases {
            let group = laidOutRows(around: index, kinds: kinds, spans: spans, edge: edge)
            guard group.count >= 3 else { continue }
            if let row = blanksByLattice(of: index, in: rows, kinds: kinds, spans: spans, group: group, edge: edge,
                                         headings: headings) {
                return row
            }
        }
        return nil
    }

    /// What the cells of a grid's rows are, told once for placing blanks: numbers (signed),
    /// the label cells that follow a row's first before its values (`（一）予以公开`), and
    /// the rows that are lines of column headings.
    struct CellKinds {
        let isNumber: [[Bool]]
        let leadingLabels: [Int]
        let isHeading: [Bool]

        init(_ rows: [[Cell]]) {
            isNumber = rows.map { $0.map { TextReader.isSignedNumberToken($0.text) } }
            leadingLabels = rows.map { row in row.indices.dropFirst().prefix { TextReader.isLabelCell(row[$0]) }.count }
            isHeading = rows.map { $0.count == 1 && TextReader.isHeadingLine($0[0].text.trimmingSpaces) }
        }

        /// Whether row `row` is of numbers only (a table's row of values without a label).
        func isValuesOnly(_ row: Int) -> Bool { isNumber[row].allSatisfy { $0 } }

        /// The places of row `row`'s cells after its label.
        func valuePlaces(of row: Int, count: Int) -> Range<Int> { min(1 + leadingLabels[row], count)..<count }
    }

    /// How far from a row ``laidOutRows(around:kinds:spans:edge:)`` looks: farther than a table's rows.
    static let latticeReach = 60

    /// The rows around `index` that start where it does and share its grid: taken outward
    /// while every cell of one stands clear of the others' columns (the places where cells
    /// after the first start or end, by `edge`: ``unclearPlaces(of:edge:)``), up to
    /// ``latticeReach`` rows each way, passing over a row only a label cell of which does not.
    static func laidOutRows(around index: Int, kinds: CellKinds, spans: [[CellSpan]?], edge: CellSpan.Edge) -> [Int] {
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
        // The row's own second label cell (`（一）予以公开`) stands off the grid.
        take([short[0]] + kinds.valuePlaces(of: index, count: short.count).map { short[$0] })
        for step in [-1, 1] {
            var other = index + step
            while other >= 0, other < spans.count, abs(other - index) <= latticeReach {
                defer { other += step }
                guard let row = spans[other], row[0].start == short[0].start else { continue }
                guard fits(row) else {
                    // A row whose second label cell (`（一）予以公开`) reaches over a column but
                    // whose numbers fit is the table's, off its grid: passed over.
                    let values = kinds.valuePlaces(of: other, count: row.count)
                    if !values.isEmpty, values.count < row.count - 1, fits([row[0]] + values.map { row[$0] }) { continue }
                    break
                }
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

    /// ``blanksByLattice(of:in:spans:headings:)`` with the columns where `group`'s cells start, or end:
    /// those of the rows on the grid, most of whose cells stand where another row's do too (a
    /// row whose cells line up with no other's was laid out by another measure).
    /// A line of `headings` over the table whose headings after the first all stand on those
    /// columns but one adds that one: a column no row prints a number in (a renderer that
    /// places every cell of a row by its index in the row puts the headings on the grid).
    static func blanksByLattice(of index: Int, in rows: [[Cell]], kinds: CellKinds, spans: [[CellSpan]?],
                                group: [Int], edge: CellSpan.Edge, headings: [[CellSpan]]) -> [Cell]? {
        // The cells of a row after its label, a second label cell (`（一）予以公开`) being off the grid.
        func gridCells(_ row: Int) -> ArraySlice<CellSpan> {
            let cells = spans[row] ?? []
            return cells[kinds.valuePlaces(of: row, count: cells.count)]
        }
        // The places where a cell of one row of the group stands, and of two rows or more.
        var takenOnce = PlaceSet()
        var takenTwice = PlaceSet()
        for row in group {
            for span in gridCells(row) {
                if takenOnce.contains(span[edge]) { takenTwice.insert(span[edge]) } else { takenOnce.insert(span[edge]) }
            }
        }
        // The places where the table's other rows off the group's grid (a second label cell
        // shifting their cells) print their numbers: of those rows under the same column
        // headings that start where it does, two of whose numbers stand where the group's cells
        // do, the places clear of the group's cells.
        var blocked = PlaceSet()
        for row in group {
            for span in spans[row] ?? [] { blocked.formUnion(unclearPlaces(of: span, edge: edge)) }
        }
        func isOnTheGroupsGrid(_ row: Int) -> Bool {
            let cells = gridCells(row)
            return 2 * cells.count(where: { takenTwice.contains($0[edge]) }) > cells.count
        }
        var offGroup = PlaceSet()
        let members = Set(group)
        for row in rowsUnderOneHeading(around: index, kinds: kinds)
        where row != index && !(members.contains(row) && isOnTheGroupsGrid(row)) {
            guard let cells = spans[row], cells[0].start == spans[index]?.first?.start else { continue }
            let places = cells.indices.dropFirst().filter { kinds.isNumber[row][$0] }.map { cells[$0][edge] }
            // A row laid out by another measure lines up with the group's other rows nowhere,
            // or by chance.
            let others = members.contains(row) ? takenTwice : takenOnce
            guard places.count(where: others.contains) >= 2 else { continue }
            offGroup.formUnion(places.filter { !blocked.contains($0) })
        }
        func isOnTheGrid(_ row: Int) -> Bool {
            let cells = gridCells(row)
            let shared = cells.filter { takenTwice.contains($0[edge]) || offGroup.contains($0[edge]) }.count
            return 2 * shared > cells.count
        }
        guard isOnTheGrid(index) else { return nil }
        var columns = offGroup
        var numbers = offGroup
        for row in group where isOnTheGrid(row) {
            for (place, span) in zip(gridCells(row).indices, gridCells(row)) {
                columns.insert(span[edge])
                if row != index, !numbers.contains(span[edge]), kinds.isNumber[row][place] {
                    numbers.insert(span[edge])
                }
            }
        }
        for heading in headings {
            let places = heading.dropFirst().map { $0[edge] }
            let off = places.filter { !columns.contains($0) }
            guard off.count == 1, places.count - off.count >= 2 else { continue }
            columns.insert(off[0])
            numbers.insert(off[0])
        }
        let lattice = columns.places
        let short = gridCells(index)
        var row = Array(rows[index][..<short.startIndex])
        var previous = spans[index]?[short.startIndex - 1].end ?? 0
        for (place, span) in zip(short.indices, short) {
            let position = span[edge]
            guard columns.contains(position) else { return nil }
            let skipped = lattice.filter { $0 > previous && $0 < position }
            guard skipped.allSatisfy(numbers.contains) else { return nil }
            row += skipped.map { _ in Cell("", line: rows[index][0].line, isBlankByPosition: true) }
            row.append(rows[index][place])
            previous = position
        }
        return row.count > rows[index].count ? row : nil
    }

    /// The rows around `index` up to a line of column headings either way (a table's part with
    /// columns of its own below it), ``latticeReach`` rows each way at most.
    static func rowsUnderOneHeading(around index: Int, kinds: CellKinds) -> ClosedRange<Int> {
        var first = index
        while first > 0, index - first < latticeReach, !kinds.isHeading[first - 1] { first -= 1 }
        var last = index
        while last + 1 < kinds.isHeading.count, last - index < latticeReach, !kinds.isHeading[last + 1] { last += 1 }
        return first...last
    }

    /// Whether `text` reads as a line of column headings: three pieces or more between runs
    /// of spaces, without a digit.
    static func isHeadingLine(_ text: String) -> Bool {
        splitOnSpaceRuns(text).count >= 3 && !text.unicodeScalars.contains { (0x30...0x39).contains($0.value) }
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
            return placing(rows[index], in: slots, of: columns.count)
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
    /// the first, the others all by their start or all by their end, of `edges`: a renderer
    /// aligns a table's columns one way), in order; nil if any has none.
    static func columnsOf(_ short: [CellSpan], in full: [CellSpan], by edges: [CellSpan.Edge] = CellSpan.Edge.allCases)
        -> [Int]?
    {
        guard short[0].start == full[0].start else { return nil }
        for edge in edges {
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

    /// Whether `cell`, after a row's first, is a piece of its label: words, not a number nor a
    /// mark for none (`无`, `--`).
    static func isLabelCell(_ cell: Cell) -> Bool {
        cell.text.unicodeScalars.count >= 2 && !isSignedNumberToken(cell.text) && !NumberGlyphs.isNone(cell.text)
    }

    /// ``isNumberToken(_:)`` after a sign: a change column's `-3`, `+12`.
    static func isSignedNumberToken(_ token: String) -> Bool {
        isNumberToken(token.first.map(NumberGlyphs.signs.contains) == true ? String(token.dropFirst()) : token)
    }
}
