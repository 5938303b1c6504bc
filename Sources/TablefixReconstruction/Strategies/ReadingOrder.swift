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
///   of each (the first column sits beside merged label cells): each candidate groups its
///   rows where that makes more rows' own arithmetic hold;
/// - a row whose own arithmetic fails as dealt may be printed in another order (header
///   cells interleaved with the first row): its orders are options for the arbiter.
struct ReadingOrder: ReadingStrategy {
    func candidates(for table: TableTemplate, in region: TableRegion, budget: SearchBudget) -> [ReadingCandidate] {
        OrderDealer(table: table, budget: budget).candidates(region.rows)
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

    /// A row of cells, by key, with the letters of the labels that name it.
    struct Unit {
        var keys: [String]
        var labels: [[UInt32]]
        var decimal: Bool
        /// The unit each cell counts in, when the format names one.
        var units: [String?]
    }

    init(table: TableTemplate, budget: SearchBudget) {
        self.budget = budget
        matcher = LabelMatcher(noise: Array(Set(table.rows.compactMap(\.group))))
        switch table.layout {
        case .rows:
            units = table.rows.map { row in
                Unit(keys: row.columns.map { "\(row.key).\($0)" }, labels: row.labels.map(LabelMatcher.letters),
                     decimal: row.decimal ?? false, units: row.columns.map { table.unit(row: row, column: $0) })
            }
        case .singleRow:
            units = [Unit(keys: table.keys, labels: [], decimal: false, units: table.columns.map(\.unit))]
        }
        widths = units.map(\.keys.count)
        let arithmetic = Arithmetic(table: table)
        rowTallies = units.map { Tally(arithmetic, keys: $0.keys) }
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
        for (block, firstsFirst) in layout { dealt += deal.rows(block, firstsFirst: firstsFirst) }
        let ambiguous = ambiguousRows(deal, layout: layout)
        let failing = dealt.indices.filter { rowTallies[$0].count(dealt[$0].map { deal.numbers[$0] }).failing > 0 }
        // Many failing rows mean a wrong deal, not a shuffled row.
        let reorderable = failing.count <= budget.reorderedRows ? Set(failing) : []
        var result: [ReadingUnit] = []
        for (block, firstsFirst) in layout {
            for row in block {
                let how: CellEvidence.Order
                if ambiguous.contains(row) {
                    how = .ambiguous
                } else if firstsFirst {
                    how = .firstsFirst
                } else {
                    how = .dealt
                }
                let readings = dealt[row].enumerated().map { position, index in
                    let pinned = position == 0 && deal.pins[row] != nil && !ambiguous.contains(row)
                    return CellReading.from(values[index].token, decimal: units[row].decimal, unit: units[row].units[position],
                                            placement: .order(pinned ? .pinned : how))
                }
                var choices: (any UnitChoices)?
                if reorderable.contains(row), dealt[row].count <= budget.reorderedRowWidth {
                    choices = ReorderChoices(dealt: dealt[row], tokens: values.map(\.token), decimal: units[row].decimal,
                                             units: units[row].units,
                                             numbers: deal.numbers, tally: rowTallies[row], dealtReadings: readings,
                                             placement: .order(ambiguous.contains(row) ? .ambiguous : .reordered))
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

        /// The rows `block` holds, as value indices: each row's values in order, or each
        /// row's first value first and then the rest of each.
        func rows(_ block: Range<Int>, firstsFirst: Bool) -> [[Int]] {
            var cursor = offsets[block.lowerBound]
            func take(_ count: Int) -> ArraySlice<Int> {
                defer { cursor += count }
                return values[cursor..<(cursor + count)]
            }
            guard firstsFirst else {
                return block.map { row in (pins[row].map { [$0] } ?? []) + take(widths[row] - (pins[row] == nil ? 0 : 1)) }
            }
            let firsts = block.map { row in pins[row] ?? take(1).first ?? 0 }
            return block.enumerated().map { position, row in [firsts[position]] + take(widths[row] - 1) }
        }
    }

    /// What grouping a block firsts first costs, in rows whose arithmetic holds: a block
    /// must gain a whole row over reading in order.
    static let firstsFirstCost = 0.5

    /// How the rows are grouped: blocks of rows, each read in order or firsts first.
    typealias Layout = [(block: Range<Int>, firstsFirst: Bool)]

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
        var best = [Double](repeating: -.infinity, count: count + 1)
        var choice = [(start: Int, firstsFirst: Bool)](repeating: (0, false), count: count + 1)
        best[0] = 0
        for end in 1...count {
            best[end] = best[end - 1] + Double(score(deal.rows((end - 1)..<end, firstsFirst: false), from: end - 1, deal))
            choice[end] = (end - 1, false)
            for start in stride(from: max(0, end - budget.firstsFirstRows), through: end - 2, by: 1) {
                guard (start..<end).allSatisfy({ widths[$0] >= 2 }) else { continue }
                let total = best[start] + Double(score(deal.rows(start..<end, firstsFirst: true), from: start, deal))
                    - Self.firstsFirstCost
                if total > best[end] {
                    best[end] = total
                    choice[end] = (start, true)
                }
            }
        }
        var layout: Layout = []
        var end = count
        while end > 0 {
            layout.append((choice[end].start..<end, choice[end].firstsFirst))
            end = choice[end].start
        }
        return layout.reversed()
    }

    /// Rows that another grouping would read differently with their arithmetic holding
    /// just as well: the order does not decide them.
    func ambiguousRows(_ deal: Deal, layout: Layout) -> Set<Int> {
        var chosen: [[Double?]] = []
        for (block, firstsFirst) in layout { chosen += deal.rows(block, firstsFirst: firstsFirst).map { $0.map { deal.numbers[$0] } } }
        var ambiguous = Set<Int>()
        for start in widths.indices {
            for end in (start + 1)...min(widths.count, start + budget.firstsFirstRows) {
                for firstsFirst in [false, true] where !firstsFirst || (end - start >= 2 && (start..<end).allSatisfy { widths[$0] >= 2 }) {
                    let alternative = deal.rows(start..<end, firstsFirst: firstsFirst)
                    guard score(alternative, from: start, deal) == end - start else { continue }
                    for (offset, row) in alternative.enumerated() where row.map({ deal.numbers[$0] }) != chosen[start + offset] {
                        ambiguous.insert(start + offset)
                    }
                }
            }
        }
        return ambiguous
    }
}

/// The orders a row dealt by order may have been printed in, when its own arithmetic
/// fails as dealt (pdftotext interleaves a table's header cells with its first row's):
/// option 0 as dealt, then every distinct order that makes the row's arithmetic hold.
final class ReorderChoices: UnitChoices {
    let dealt: [Int]
    let tokens: [Token]
    let decimal: Bool
    let units: [String?]
    let numbers: [Double?]
    let tally: Tally
    let dealtReadings: [CellReading]
    /// How a value put back in order is placed (an ambiguous row stays ambiguous).
    let placement: CellEvidence.Placement

    init(dealt: [Int], tokens: [Token], decimal: Bool, units: [String?], numbers: [Double?], tally: Tally,
         dealtReadings: [CellReading], placement: CellEvidence.Placement) {
        self.placement = placement
        self.units = units
        self.dealt = dealt
        self.tokens = tokens
        self.decimal = decimal
        self.numbers = numbers
        self.tally = tally
        self.dealtReadings = dealtReadings
    }

    /// The orders, computed when the arbiter first asks.
    lazy var orders: [[Int]] = {
        var result = [dealt]
        var seen = Set<[Double?]>()
        for order in Self.permutations(dealt) {
            let values = order.map { numbers[$0] }
            guard seen.insert(values).inserted else { continue }
            let (passing, failing) = tally.count(values)
            guard failing == 0, passing > 0 else { continue }
            result.append(order)
        }
        return result
    }()

    var count: Int { orders.count }
    var group: Int? { nil }

    func values(_ option: Int) -> [Double?] { orders[option].map { numbers[$0] } }

    func readings(decided option: Int) -> [CellReading] {
        guard option > 0 else { return dealtReadings }
        return orders[option].enumerated().map { column, index in
            CellReading.from(tokens[index], decimal: decimal, unit: units[column], placement: placement)
        }
    }

    func readings(undecided options: [Int]) -> [CellReading]? { nil }

    /// Every order of `items`.
    static func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        var result: [[Int]] = []
        for (index, item) in items.enumerated() {
            var rest = items
            rest.remove(at: index)
            for tail in permutations(rest) { result.append([item] + tail) }
        }
        return result
    }
}
