import TablefixModel

/// Reads a table by the order of its values, for extractors that scramble a table's
/// reading order but keep its numbers in order (pdftotext on a ruled table): labels in one
/// run and numbers in another, labels after their numbers, a row's first value printed
/// beside its label.
///
/// The region's values are dealt to the template's cells row by row, with departures that
/// the arithmetic weighs:
/// - a value printed alone beside a label (`2.其他法律行政法规禁止公开 1`) is that row's
///   first value, wherever the label stands (a *pinned* value): one candidate for each way
///   to pin;
/// - a few values before or after the table (a row's width at most) may be another
///   table's: one candidate for each way to trim;
/// - a block of consecutive rows may print the first value of each row before the rest
///   of each (the first column sits beside merged label cells), or all its values column
///   by column (a page of a WPS-made PDF): each candidate groups its rows where that makes
///   more rows' own arithmetic hold;
/// - rows a form may leave out (``RowTemplate/optional``) may be missing from the deal:
///   one more set of candidates without those whose labels the region does not print;
/// - a row whose own arithmetic fails as dealt may be printed in another order (header
///   cells interleaved with the first row): its orders are options for the arbiter.
struct ReadingOrder: ReadingStrategy {
    func candidates(for prepared: PreparedTable, in region: TableRegion, budget: SearchBudget) -> [ReadingCandidate] {
        let table = prepared.table
        var candidates = OrderDealer(table: table, arithmetic: prepared.arithmetic, budget: budget).candidates(region.rows)
        // The form may leave its optional rows out (a group printed as one row): those
        // whose labels stand nowhere in the region.
        let optionalRows = table.rows.indices.filter { table.rows[$0].optional == true }
        let printedLabels = optionalRows.isEmpty ? nil : PrintedLabels(of: table, in: region.rows.map(\.label))
        let optional = Set(optionalRows.filter { printedLabels?.stand(row: $0) == false })
        if table.layout == .rows, !optional.isEmpty, optional.count * 2 < table.rows.count {
            let dealer = OrderDealer(table: table, arithmetic: prepared.arithmetic, budget: budget, leavingOut: optional)
            candidates += dealer.candidates(region.rows).map { candidate in
                var candidate = candidate
                candidate.units = dealer.withUnprinted(candidate.units, of: table)
                return candidate
            }
        }
        return candidates
    }
}

/// The deals of one table's values over its rows (``ReadingOrder``).
struct OrderDealer {
    let matcher: LabelMatcher
    let budget: SearchBudget
    /// The rows values are dealt to: the template's rows, or for a table of one row of
    /// values, that row.
    let units: [Unit]
    /// The column count of each unit.
    let widths: [Int]
    /// Each unit's own arithmetic.
    let rowTallies: [Tally]
    /// Each unit's groups of columns that its relations sum up, when they part it wholly.
    let groups: [GroupInterleavings.Groups?]
    /// The template rows left out of the deal: the form does not print them.
    let leftOut: Set<Int>

    /// A row of cells, by key, with the letters of the labels that name it.
    struct Unit {
        var keys: [String]
        var labels: [[UInt32]]
        var decimal: Bool
        /// The unit each cell counts in, when the format names one.
        var units: [String?]
    }

    init(table: TableTemplate, arithmetic: Arithmetic, budget: SearchBudget, leavingOut leftOut: Set<Int> = []) {
        self.budget = budget
        self.leftOut = leftOut
        matcher = LabelMatcher(noise: Array(Set(table.rows.compactMap(\.group))))
        switch table.layout {
        case .rows:
            units = table.rows.indices.filter { !leftOut.contains($0) }.map { table.rows[$0] }.map { row in
                Unit(keys: row.columns.map { "\(row.key).\($0)" }, labels: row.labels.map(LabelMatcher.letters),
                     decimal: row.decimal ?? false, units: row.columns.map { table.unit(row: row, column: $0) })
            }
        case .singleRow:
            units = [Unit(keys: table.keys, labels: [], decimal: false, units: table.columns.map(\.unit))]
        }
        widths = units.map(\.keys.count)
        switch table.layout {
        case .rows: rowTallies = table.rows.indices.filter { !leftOut.contains($0) }.map { arithmetic.rowTallies[$0] }
        case .singleRow: rowTallies = [arithmetic.tableTally]
        }
        groups = rowTallies.map(GroupInterleavings.groups)
    }

    /// The units of a candidate with the rows left out put back, not printed.
    func withUnprinted(_ dealt: [ReadingUnit], of table: TableTemplate) -> [ReadingUnit] {
        var dealt = dealt[...]
        return table.rows.indices.map { index in
            guard leftOut.contains(index) else { return dealt.popFirst() ?? ReadingUnit(keys: [], readings: []) }
            let keys = table.rows[index].columns.map { "\(table.rows[index].key).\($0)" }
            return ReadingUnit(keys: keys, readings: keys.map { _ in .missing(.notPrinted) })
        }
    }

    /// A value in the region, and the template rows it may be pinned to.
    struct StreamValue {
        var token: Token
        var pinCandidates: [Int]
    }

    /// Every deal of the region's values that fits the cells (pins and trimming allowed),
    /// in a fixed order: no pins first, then each way to pin; within each, trimmed from
    /// the end first.
    func candidates(_ rows: [StreamRow]) -> [ReadingCandidate] {
        let (values, used) = streamValues(rows)
        let numbers = values.map { NumberReader.reading(of: $0.token.raw)?.value }
        var candidates: [ReadingCandidate] = []
        for pins in pinAssignments(values) {
            let free = values.indices.filter { pins[$0] == nil }
            let needed = widths.indices.reduce(0) { $0 + widths[$1] - (pins.values.contains($1) ? 1 : 0) }
            let excess = free.count - needed
            guard excess >= 0, excess <= (widths.max() ?? 0) else { continue }
            var pinByRow: [Int: Int] = [:]
            for (index, row) in pins { pinByRow[row] = index }
            for head in 0...excess {
                let deal = Deal(widths: widths, pins: pinByRow, values: Array(free[head..<(free.count - (excess - head))]),
                                numbers: numbers)
                let layout = bestLayout(deal)
                candidates.append(ReadingCandidate(strategy: .order, units: readingUnits(deal, layout, values: values),
                                                   rows: used, departures: pins.count + excess))
            }
        }
        return candidates
    }

    /// The units of a deal grouped by `layout`: each row's readings, and the orders a
    /// failing row may have been printed in.
    func readingUnits(_ deal: Deal, _ layout: Layout, values: [StreamValue]) -> [ReadingUnit] {
        var dealt: [[Int]] = []
        for (block, order) in layout { dealt += deal.rows(block, order) }
        let alternatives = alternativeRows(deal, layout: layout)
        let ambiguous = Set(alternatives.keys)
        let failing = dealt.indices.filter { rowTallies[$0].count(dealt[$0].map { deal.numbers[$0] }).failing > 0 }
        // Many failing rows mean a wrong deal, not a shuffled row.
        let reorderable = failing.count <= budget.reorderedRows ? Set(failing) : []
        var result: [ReadingUnit] = []
        for (block, order) in layout {
            for row in block {
                let how: CellEvidence.Order
                switch order {
                case _ where ambiguous.contains(row): how = .ambiguous
                case .firstsFirst: how = .firstsFirst
                case .byColumn: how = .byColumn
                case .inOrder: how = .dealt
                }
                let readings = dealt[row].enumerated().map { position, index in
                    let pinned = position == 0 && deal.pins[row] != nil && !ambiguous.contains(row)
                    return CellReading.from(values[index].token, decimal: units[row].decimal, unit: units[row].units[position],
                                            placement: .order(pinned ? .pinned : how))
                }
                var choices: (any UnitChoices)?
                if let others = alternatives[row], !reorderable.contains(row) {
                    // The table's arithmetic (its columns' sums) may tell the groupings apart.
                    choices = ReorderChoices(dealt: dealt[row], tokens: values.map(\.token), decimal: units[row].decimal,
                                             units: units[row].units, numbers: deal.numbers, dealtReadings: readings,
                                             placement: .order(.reordered), dealtIsAmbiguous: true, orders: { others })
                } else if reorderable.contains(row) {
                    let row = row
                    let orders: () -> [[Int]]
                    if dealt[row].count <= budget.reorderedRowWidth {
                        orders = { [rowTallies] in ReorderChoices.permutations(of: dealt[row], numbers: deal.numbers, tally: rowTallies[row]) }
                    } else if let groups = groups[row] {
                        orders = { [budget] in
                            GroupInterleavings(groups: groups, budget: budget).orders(of: dealt[row], numbers: deal.numbers)
                        }
                    } else {
                        orders = { [] }
                    }
                    choices = ReorderChoices(dealt: dealt[row], tokens: values.map(\.token), decimal: units[row].decimal,
                                             units: units[row].units, numbers: deal.numbers, dealtReadings: readings,
                                             placement: .order(ambiguous.contains(row) ? .ambiguous : .reordered),
                                             orders: orders)
                }
                result.append(ReadingUnit(keys: units[row].keys, readings: readings, choices: choices))
            }
        }
        return result
    }

    /// The values of the region in order, each with the rows it may be pinned to, and the
    /// rows that held values.
    func streamValues(_ rows: [StreamRow]) -> ([StreamValue], [Int]) {
        var values: [StreamValue] = []
        var used: [Int] = []
        for (index, row) in rows.enumerated() {
            let pinnable = pinnedValueIndex(row)
            var any = false
            for (position, token) in row.tokens.enumerated() where token.isValue {
                let candidates = position == pinnable ? pinCandidates(row) : []
                values.append(StreamValue(token: token, pinCandidates: candidates))
                any = true
            }
            if any { used.append(index) }
        }
        return (values, used)
    }

    /// The token index of a value printed alone beside a line's label, on the same line.
    func pinnedValueIndex(_ row: StreamRow) -> Int? {
        guard row.isLine, !row.isCaption, let last = row.tokens.lastIndex(where: { $0.kind == .text }) else { return nil }
        let line = row.tokens[last].line
        let after = row.tokens[(last + 1)...].filter { $0.line == line }
        guard after.count == 1, last + 1 < row.tokens.count, row.tokens[last + 1].isValue else { return nil }
        return last + 1
    }

    /// The template rows (of two or more columns) the label of a pinnable line matches best:
    /// the best, and others within a whisker of it.
    func pinCandidates(_ row: StreamRow) -> [Int] {
        guard let last = row.tokens.last(where: { $0.kind == .text }) else { return [] }
        let label = LabelMatcher.letters(row.tokens.filter { $0.kind == .text && $0.line == last.line }.map(\.raw).joined())
        let scored = units.indices.compactMap { index -> (Int, Double)? in
            guard widths[index] >= 2 else { return nil }
            let score = units[index].labels.map { matcher.score(label, $0) }.max() ?? 0
            return score >= LabelMatcher.pinScore ? (index, score) : nil
        }.sorted { $0.1 > $1.1 }
        guard let top = scored.first?.1 else { return [] }
        return scored.prefix(2).filter { $0.1 >= top - LabelMatcher.nearTie }.map(\.0)
    }

    /// Ways to pin values to rows, as `[value index: template row]`: none at all, then
    /// every combination of each pinnable value's candidates that pins a row once.
    func pinAssignments(_ values: [StreamValue]) -> [[Int: Int]] {
        var combinations: [[Int: Int]] = [[:]]
        for (index, value) in values.enumerated() where !value.pinCandidates.isEmpty {
            var next: [[Int: Int]] = []
            for combination in combinations {
                for row in value.pinCandidates where !combination.values.contains(row) {
                    var extended = combination
                    extended[index] = row
                    next.append(extended)
                }
            }
            // A value whose rows are all taken, or one too many to combine, stays unpinned.
            guard !next.isEmpty, next.count <= budget.pinCombinations else { continue }
            combinations = next
        }
        return combinations.first?.isEmpty == true ? [[:]] : [[:]] + combinations
    }

    /// Values to deal over the template rows, by their index in the region's values: the
    /// pinned ones by row, the rest in order.
    struct Deal {
        var widths: [Int]
        var pins: [Int: Int]
        var values: [Int]
        /// Each region value's number.
        var numbers: [Double?]
        /// Where each row's free values start when every row is read in order.
        var offsets: [Int]

        init(widths: [Int], pins: [Int: Int], values: [Int], numbers: [Double?]) {
            self.widths = widths
            self.pins = pins
            self.values = values
            self.numbers = numbers
            var offsets = [0]
            for row in widths.indices { offsets.append(offsets[row] + widths[row] - (pins[row] == nil ? 0 : 1)) }
            self.offsets = offsets
        }

        /// The rows `block` holds, as value indices: each row's values in order; or each
        /// row's first value first and then the rest of each; or column by column.
        func rows(_ block: Range<Int>, _ order: BlockOrder) -> [[Int]] {
            var cursor = offsets[block.lowerBound]
            func take(_ count: Int) -> ArraySlice<Int> {
                defer { cursor += count }
                return values[cursor..<(cursor + count)]
            }
            switch order {
            case .inOrder:
                return block.map { row in (pins[row].map { [$0] } ?? []) + take(widths[row] - (pins[row] == nil ? 0 : 1)) }
            case .firstsFirst:
                let firsts = block.map { row in pins[row] ?? take(1).first ?? 0 }
                return block.enumerated().map { position, row in [firsts[position]] + take(widths[row] - 1) }
            case .byColumn:
                let width = widths[block.lowerBound], height = block.count
                let taken = Array(take(width * height))
                return (0..<height).map { row in (0..<width).map { column in taken[column * height + row] } }
            }
        }

        /// Whether `block` can be printed column by column: rows of one width, none pinned.
        func fitsByColumn(_ block: Range<Int>) -> Bool {
            block.count >= 2 && block.allSatisfy { widths[$0] == widths[block.lowerBound] && pins[$0] == nil }
        }
    }

    /// What grouping a block otherwise than in order costs, in rows whose arithmetic holds:
    /// a block must gain a whole row over reading in order.
    static let blockCost = 0.5

    /// How a block of rows prints its values.
    enum BlockOrder: CaseIterable {
        /// Row after row.
        case inOrder
        /// Each row's first value first, then the rest of each row.
        case firstsFirst
        /// Column by column.
        case byColumn
    }

    /// How the rows are grouped: blocks of rows, each printed in one order.
    typealias Layout = [(block: Range<Int>, order: BlockOrder)]

    /// The orders `block` may have been printed in, besides row after row.
    func blockOrders(_ block: Range<Int>, _ deal: Deal) -> [BlockOrder] {
        var orders: [BlockOrder] = []
        if block.count >= 2, block.count <= budget.firstsFirstRows, block.allSatisfy({ widths[$0] >= 2 }) {
            orders.append(.firstsFirst)
        }
        if block.count <= budget.columnBlockRows, deal.fitsByColumn(block) { orders.append(.byColumn) }
        return orders
    }

    /// +1 for a row whose own arithmetic holds, −1 for one where it fails.
    func score(_ rows: [[Int]], from start: Int, _ deal: Deal) -> Int {
        var total = 0
        for (offset, row) in rows.enumerated() {
            let (passing, failing) = rowTallies[start + offset].count(row.map { deal.numbers[$0] })
            total += failing > 0 ? -1 : (passing > 0 ? 1 : 0)
        }
        return total
    }

    /// The grouping whose rows' arithmetic holds best; a firsts-first block must gain a
    /// whole row over reading in order.
    func bestLayout(_ deal: Deal) -> Layout {
        let count = widths.count
        guard count > 0 else { return [] }
        var best = [Double](repeating: -.infinity, count: count + 1)
        var choice = [(start: Int, order: BlockOrder)](repeating: (0, .inOrder), count: count + 1)
        best[0] = 0
        let longest = max(budget.firstsFirstRows, budget.columnBlockRows)
        for end in 1...count {
            best[end] = best[end - 1] + Double(score(deal.rows((end - 1)..<end, .inOrder), from: end - 1, deal))
            choice[end] = (end - 1, .inOrder)
            for start in stride(from: max(0, end - longest), through: end - 2, by: 1) {
                for order in blockOrders(start..<end, deal) {
                    let total = best[start] + Double(score(deal.rows(start..<end, order), from: start, deal)) - Self.blockCost
                    if total > best[end] {
                        best[end] = total
                        choice[end] = (start, order)
                    }
                }
            }
        }
        var layout: Layout = []
        var end = count
        while end > 0 {
            layout.append((choice[end].start..<end, choice[end].order))
            end = choice[end].start
        }
        return layout.reversed()
    }

    /// Rows that another grouping would read differently with their arithmetic holding
    /// just as well (the order does not decide them), each with those other readings (as
    /// value indices, one per distinct set of values).
    func alternativeRows(_ deal: Deal, layout: Layout) -> [Int: [[Int]]] {
        var chosen: [[Double?]] = []
        for (block, order) in layout { chosen += deal.rows(block, order).map { $0.map { deal.numbers[$0] } } }
        var ambiguous: [Int: [[Int]]] = [:]
        let longest = max(budget.firstsFirstRows, budget.columnBlockRows)
        for start in widths.indices {
            for end in (start + 1)...min(widths.count, start + longest) {
                for order in [BlockOrder.inOrder] + blockOrders(start..<end, deal) where order != .inOrder || end - start <= budget.firstsFirstRows {
                    let alternative = deal.rows(start..<end, order)
                    guard score(alternative, from: start, deal) == end - start else { continue }
                    for (offset, row) in alternative.enumerated() where row.map({ deal.numbers[$0] }) != chosen[start + offset] {
                        let known = ambiguous[start + offset, default: []]
                        guard !known.contains(where: { $0.map { deal.numbers[$0] } == row.map { deal.numbers[$0] } }) else { continue }
                        ambiguous[start + offset, default: []].append(row)
                    }
                }
            }
        }
        return ambiguous
    }
}
