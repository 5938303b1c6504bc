import TablefixModel

extension TextReader {
    /// Puts blanks in a short row laid out by character columns (inscriptis, lynx, pandoc's
    /// plain tables) where the source printed nothing for a zero: the nearest fuller row
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
            if let row = blanksByColumns(of: index, in: rows, spans: byScalars) { return row }
            guard let short = byScalars[index], short.count >= 2 else { return rows[index] }
            if byWidth.isEmpty {
                byWidth = rows.indices.map { row in sources[row].flatMap { displaySpans(of: rows[row], in: $0) } }
            }
            return blanksByColumns(of: index, in: rows, spans: byWidth) ?? rows[index]
        }
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
        for edge in [\CellSpan.start, \CellSpan.end] {
            var slots = [0]
            for piece in short.dropFirst() {
                guard let slot = full.indices.dropFirst().first(where: { full[$0][keyPath: edge] == piece[keyPath: edge] }),
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
