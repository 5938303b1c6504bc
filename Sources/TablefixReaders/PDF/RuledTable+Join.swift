extension RuledTable {
    /// Whether `next`, the first table of the next page, carries this one on: the same
    /// left and right edges.
    func continues(into next: RuledTable) -> Bool {
        abs(box.x0 - next.box.x0) <= 3 && abs(box.x1 - next.box.x1) <= 3
    }

    /// This table with `next`, its continuation on the next page, stacked under it.
    ///
    /// Header rows that `next` repeats are dropped. The two frames' edges at the page break
    /// become one rule, except where a cell goes on across the break: the whole rule when
    /// the first row of `next` only finishes the text of the row above (a row broken across
    /// the pages: no digits, text only under cells that have text), and under each empty
    /// cell at the top of `next` that is part of a merged cell (a label spanning rows on
    /// both pages).
    func joined(with next: RuledTable) -> RuledTable {
        let next = next.droppingRows(repeating: self)
        let upper = TableCells(self), lower = TableCells(next)
        guard upper.rowCount > 0, lower.rowCount > 0 else { return self }
        let seam = box.y1
        let offset = seam - next.box.y0
        let frame = box.union(next.box)
        var cuts: [(Double, Double)] = []
        if Self.finishesRow(upper: upper, lower: lower) {
            cuts = [(frame.x0 - 1, frame.x1 + 1)]
        } else {
            for (key, extent) in lower.partition.extents where extent.top == 0 && lower.text(key).isEmpty {
                let cellBox = extent.box(in: lower.layout)
                let above = upper.cell(atX: cellBox.midX, row: upper.rowCount - 1)
                let spansRows = extent.bottom > extent.top || (above.map { $0.extent.bottom > $0.extent.top } ?? false)
                if spansRows { cuts.append((cellBox.x0 + RuledTable.tolerance, cellBox.x1 - RuledTable.tolerance)) }
            }
        }
        var joined = self
        let atSeam = { (rule: Rule) in abs(rule.position - seam) <= RuledTable.tolerance }
        let moved = next.horizontals.map { Rule(direction: .horizontal, position: $0.position + offset, start: $0.start, end: $0.end) }
        let seamRules = (horizontals + moved).filter(atSeam)
        joined.horizontals = horizontals.filter { !atSeam($0) } + moved.filter { !atSeam($0) }
        if let start = seamRules.map(\.start).min(), let end = seamRules.map(\.end).max() {
            joined.horizontals += Self.segments(from: start, to: end, without: cuts).map {
                Rule(direction: .horizontal, position: seam, start: $0.0, end: $0.1)
            }
        }
        joined.verticals += next.verticals.map {
            Rule(direction: .vertical, position: $0.position, start: $0.start + offset, end: $0.end + offset)
        }
        joined.words += next.words.map { word in
            var moved = word
            moved.box = word.box.shifted(dy: offset)
            return moved
        }
        joined.pieces += next.pieces.map { Piece(page: $0.page, offset: $0.offset + offset, start: seam) }
        return joined
    }

    /// Whether the first row of `lower` finishes the last row of `upper`: it has text in
    /// fewer than half as many cells, no digit, and text only under cells that have text.
    private static func finishesRow(upper: TableCells, lower: TableCells) -> Bool {
        let last = upper.rowCount - 1
        let upperFilled = Set((0..<upper.columnCount).map { upper.owner(row: last, column: $0) }).filter {
            !upper.text($0).isEmpty
        }
        var lowerFilled: Set<Int> = []
        for column in 0..<lower.columnCount {
            let key = lower.owner(row: 0, column: column)
            guard let extent = lower.partition.extents[key], extent.top == 0 else { continue }
            let text = lower.text(key)
            guard !text.isEmpty else { continue }
            if text.contains(where: \.isNumber) { return false }
            let box = extent.box(in: lower.layout)
            guard let above = upper.cell(atX: box.midX, row: last), !upper.text(above.key).isEmpty else { return false }
            lowerFilled.insert(key)
        }
        return !lowerFilled.isEmpty && lowerFilled.count * 2 <= upperFilled.count
    }

    /// The table without its first rows where they repeat `upper`'s first rows (a header
    /// that the producer prints again on every page).
    func droppingRows(repeating upper: RuledTable) -> RuledTable {
        let mine = TableCells(self), theirs = TableCells(upper)
        var repeated = 0
        while repeated < min(mine.rowCount - 1, theirs.rowCount), mine.rowTexts(repeated) == theirs.rowTexts(repeated),
            mine.rowTexts(repeated).contains(where: { !$0.isEmpty })
        {
            repeated += 1
        }
        guard repeated > 0 else { return self }
        let top = mine.layout.rows[repeated]
        var kept = self
        kept.words = words.filter { $0.box.midY >= top }
        kept.horizontals = horizontals.filter { $0.position >= top - RuledTable.tolerance }
        kept.verticals = verticals.compactMap { rule in
            var clipped = rule
            clipped.start = max(rule.start, top)
            return clipped.length >= 3 ? clipped : nil
        }
        return kept
    }

    /// `start…end` less the cut ranges.
    private static func segments(from start: Double, to end: Double, without cuts: [(Double, Double)]) -> [(Double, Double)] {
        var pieces: [(Double, Double)] = []
        var position = start
        for cut in cuts.sorted(by: { $0.0 < $1.0 }) where cut.1 > position {
            if cut.0 > position { pieces.append((position, min(cut.0, end))) }
            position = max(position, cut.1)
        }
        if position < end { pieces.append((position, end)) }
        return pieces.filter { $0.1 - $0.0 >= 1 }
    }
}

extension TableCells {
    /// The cell covering the slot of row `row` under `x`, with its extent.
    func cell(atX x: Double, row: Int) -> (key: Int, extent: CellPartition.Extent)? {
        guard row >= 0, row < rowCount, let column = TableLayout.slot(of: x, in: layout.columns) else { return nil }
        let key = owner(row: row, column: min(column, columnCount - 1))
        return partition.extents[key].map { (key, $0) }
    }

    /// The texts of a row's slots, left to right.
    func rowTexts(_ row: Int) -> [String] {
        (0..<columnCount).map { text(owner(row: row, column: $0)) }
    }
}
