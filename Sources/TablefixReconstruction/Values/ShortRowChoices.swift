import TablefixModel

/// The placements of a row that came out short of its columns, as an OCR leaves a ruled
/// table whose narrow columns it lost (`87 2 103` for `87 5 0 2 6 3 103`): the values keep
/// their order, in any increasing choice of columns; the first columns first.
///
/// When several placements hold the table's arithmetic equally well, a value goes where
/// they all put it; a value they put in different columns is placed nowhere, and the
/// cells it may belong to say so.
///
/// A row that prints no zero and whose printed values already make its own arithmetic
/// hold with the other cells at zero lost only blanks (a publisher's blank for zero,
/// collapsed by the converter): the table's arithmetic then counts its other cells as zero
/// when it weighs placements. A row that prints a zero does not leave zeros blank: what it
/// lacks was lost (an OCR missing narrow columns), and stays unknown.
///
/// An OCR's plain text keeps a table's layout in the spaces between a row's values
/// (`16        2                            1        2        21`): the more spaces, the
/// more columns between two values. When those spaces single out one placement
/// (``spacedPlacement(of:among:)``), it is the row's default, which the table's arithmetic
/// may still overrule. So is a row of two values a wide stretch of spaces apart whose last
/// column totals the others (``endsPlacement(of:columns:among:check:neighbourGaps:)``): the row's first
/// column and its total, the narrow columns between them lost; and a row whose last value is
/// at least the sum of the others (``totalLastPlacement(of:numbers:columns:among:check:)``): its
/// total, the others in order from the first column.
struct ShortRowChoices: UnitChoices {
    /// For each printed value, in order, the column it goes to.
    typealias Placement = [Int]

    let values: [Token]
    let columns: Int
    /// Reads a token in a column, placed so.
    let read: (Token, Int, CellEvidence.Placement) -> CellReading
    let placements: [Placement]
    /// What chose the first placement before the table's arithmetic weighs them: the spaces
    /// between the values (``CellEvidence/ShortRow/Outcome/spaced``) or the row's total printed
    /// last (``CellEvidence/ShortRow/Outcome/totalLast``); nil when nothing did.
    let chosenBy: CellEvidence.ShortRow.Outcome?
    let numbers: [Double?]
    /// The count the cells no value goes to hold for the arithmetic: zero when the row lost
    /// only blanks, unknown otherwise.
    let unplaced: Double?

    /// Whether the row had more placements than `limit`, and only those its own
    /// arithmetic does not rule out are kept (a long row, as a review table's fifteen
    /// cells printing twelve values).
    let pruned: Bool

    /// Nil when the row has more placements than `limit`, even once those its own
    /// arithmetic (`check`) rules out are set aside. `neighbourGaps`: the spaces between
    /// neighbouring values elsewhere in its table; `layouts`: where the values of its
    /// table's rows that print one value per column on one line stand
    /// (``middles(of:)``).
    init?(values: [Token], columns: Int, read: @escaping (Token, Int, CellEvidence.Placement) -> CellReading,
          limit: Int, check: (([Double?]) -> Bool?)? = nil, neighbourGaps: Set<Int> = [], layouts: [[Double]] = []) {
        let numbers = values.map { NumberReader.reading(of: $0.raw)?.value }
        var placements = Self.placements(of: values.count, in: columns, limit: limit)
        var pruned = false
        if placements.count > limit, let check {
            placements = Self.placements(of: values.count, in: columns, limit: limit) { partial in
                var row = [Double?](repeating: nil, count: columns)
                for (slot, column) in partial.enumerated() { row[column] = numbers[slot] }
                return check(row) != false
            }
            pruned = true
        }
        guard placements.count > (pruned ? 0 : 1), placements.count <= limit else { return nil }
        let totalLast = Self.totalLastPlacement(of: values, numbers: numbers, columns: columns, among: placements, check: check)
        let spaced = Self.spacedPlacement(of: values, among: placements, layouts: layouts,
                                          totalColumn: totalLast.map { _ in columns - 1 })
            ?? Self.endsPlacement(of: values, columns: columns, among: placements, check: check,
                                  neighbourGaps: neighbourGaps)
        if let chosen = spaced ?? totalLast { placements.insert(placements.remove(at: chosen), at: 0) }
        self.values = values
        self.columns = columns
        self.read = read
        self.placements = placements
        chosenBy = spaced != nil ? .spaced : totalLast != nil ? .totalLast : nil
        self.pruned = pruned
        self.numbers = numbers
        let printsZero = numbers.contains(0)
        let lostBlanks = !printsZero && check.map { check in
            placements.contains { placement in
                var row = [Double?](repeating: 0, count: columns)
                for (slot, column) in placement.enumerated() { row[column] = numbers[slot] }
                return check(row) == true
            }
        } ?? false
        unplaced = lostBlanks ? 0 : nil
    }

    var count: Int { placements.count }
    /// Whether the spaces between the values chose the first placement.
    var spaced: Bool { chosenBy == .spaced }

    /// Rows of the same length usually lost the same columns (when their options come in
    /// the same order: not once the spaces or the row's total chose one).
    /// Pruned placements differ from row to row: no group then.
    var group: Int? { chosenBy != nil || pruned ? nil : values.count * 1000 + columns }

    /// The readings of the one placement the row's own arithmetic leaves, if only one.
    var onlyReadings: [CellReading]? {
        placements.count == 1 ? readings(placements[0].map { $0 }, among: []) : nil
    }

    func values(_ option: Int) -> [Double?] {
        var row = [Double?](repeating: unplaced, count: columns)
        for (slot, column) in placements[option].enumerated() { row[column] = numbers[slot] }
        return row
    }

    func readings(decided option: Int) -> [CellReading] { readings(placements[option].map { $0 }, among: []) }

    /// The readings placed where the spaces between the values, or the row's total printed
    /// last, put them; nil when neither chose a placement.
    var chosenReadings: [CellReading]? {
        chosenBy.map { readings(placements[0].map { $0 }, among: [], placed: $0) }
    }

    func readings(undecided options: [Int]) -> [CellReading]? {
        let first = placements[options[0]]
        let agreed = first.indices.map { slot in options.allSatisfy { placements[$0][slot] == first[slot] } ? first[slot] : nil }
        return readings(agreed, among: options.map { placements[$0] })
    }

    /// The cells when each value goes to its column in `placement` (nil: undecided among
    /// `tied`).
    func readings(_ placement: [Int?], among tied: [Placement], placed: CellEvidence.ShortRow.Outcome = .placed)
        -> [CellReading]
    {
        (0..<columns).map { column in
            if let slot = placement.firstIndex(of: column) {
                return read(values[slot], column, outcome(placed))
            }
            if let slot = placement.indices.first(where: { slot in
                placement[slot] == nil && tied.contains { $0[slot] == column }
            }) {
                return .missing(outcome(.undecided(candidate: values[slot].raw)), raw: values[slot].raw)
            }
            return .missing(outcome(.none))
        }
    }

    func outcome(_ outcome: CellEvidence.ShortRow.Outcome) -> CellEvidence.Placement {
        .shortRow(.init(values: values.count, columns: columns, outcome: outcome))
    }

    /// The middles of `values` in their line, in characters from its start; nil for values
    /// of several lines or of a grid's cells.
    static func middles(of values: [Token]) -> [Double]? {
        guard let line = values.first?.line, values.allSatisfy({ $0.line == line }) else { return nil }
        let offsets = values.compactMap(\.offset)
        guard offsets.count == values.count, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        return zip(offsets, values).map { Double($0) + Double($1.raw.unicodeScalars.count) / 2 }
    }

    /// The index among `placements` of the one the spaces between `values` single out: the
    /// values' middles fitted to each placement's columns by a straight line, the one that
    /// misses by less than ``spacingTolerance`` of a column while every other misses by
    /// more than twice as much and ``spacingMargin`` besides (``clearBest(_:)``). The
    /// columns stand evenly spaced, or where a row of the table that prints one value per
    /// column on one line (`layouts`) puts its values: a wide first column, a narrow one
    /// beside it (the first ``layoutsWeighed`` of them). Each of them that singles one out
    /// must agree with the others and with the even columns. When nothing singles one out
    /// but the even columns leave two placements or more close, the row lacks one value,
    /// and its last value is its total (`totalColumn`, the last column), the one of them that
    /// puts it there: a row of evenly spaced values lost a column at one of its ends, and
    /// its total is printed. Nil for fewer than three values, values of several lines or of
    /// a grid's cells, or no clear best: evenly spaced values fit every evenly spaced choice
    /// of columns alike.
    static func spacedPlacement(of values: [Token], among placements: [Placement], layouts: [[Double]] = [],
                                totalColumn: Int? = nil) -> Int? {
        guard values.count >= 3, let middles = middles(of: values) else { return nil }
        let even = placements.indices.compactMap { index in
            misfit(columns: placements[index].map(Double.init), middles: middles).map { (index: index, miss: $0) }
        }.sorted { $0.miss < $1.miss }
        let chosen = Set(([even] + layouts.prefix(layoutsWeighed).map { layout in
            placements.indices.compactMap { index in
                miss(of: placements[index], middles: middles, layout: layout).map { (index: index, miss: $0) }
            }.sorted { $0.miss < $1.miss }
        }).compactMap(clearBest))
        if chosen.count == 1 { return chosen.first }
        // The total is the last of the columns: a row one value short of them has as many values.
        guard chosen.isEmpty, let totalColumn, values.count == totalColumn, let best = even.first,
            best.miss < spacingTolerance
        else { return nil }
        let totalled = even.prefix { $0.miss < 2 * best.miss + spacingMargin }
            .filter { placements[$0.index].last == totalColumn }
        return totalled.count == 1 ? totalled[0].index : nil
    }

    /// The most full rows a short row's spaces are measured against: a table's rows of
    /// one layout all tell the same, and a long text may have thousands.
    static let layoutsWeighed = 8

    /// The index of the placement that misses by less than ``spacingTolerance`` of a column
    /// while every other misses by more than twice as much and ``spacingMargin`` besides;
    /// `misses` sorted, least first.
    static func clearBest(_ misses: [(index: Int, miss: Double)]) -> Int? {
        guard let best = misses.first, best.miss < spacingTolerance else { return nil }
        if misses.count > 1, misses[1].miss < 2 * best.miss + spacingMargin { return nil }
        return best.index
    }

    /// How far, in columns, `middles` stray from where `layout` puts `placement`'s columns;
    /// nil when they do not rise.
    static func miss(of placement: Placement, middles: [Double], layout: [Double]) -> Double? {
        guard let first = layout.first, let last = layout.last, layout.count > 1, last > first,
            let miss = misfit(columns: placement.map { layout[$0] }, middles: middles)
        else { return nil }
        return miss / ((last - first) / Double(layout.count - 1))
    }

    /// The index among `placements` of the first and last columns, for two values of one
    /// line that a wide stretch of spaces (``wideGap``) parts (`3                    3`),
    /// the second at least the first, when the row's last column totals the others
    /// (``lastColumnTotals(columns:check:)``): an OCR drops a ruled table's narrow middle
    /// columns (a row's small counts and zeros) and keeps the row's first cell, printed
    /// right after its label, and its total. Not when the same spaces (give or take one)
    /// part neighbouring values elsewhere in the table (`neighbourGaps`): a layout of
    /// even character columns (a text browser's) puts such values in neighbouring cells.
    /// Nil otherwise.
    static func endsPlacement(of values: [Token], columns: Int, among placements: [Placement],
                              check: (([Double?]) -> Bool?)?, neighbourGaps: Set<Int> = []) -> Int? {
        guard values.count == 2, columns > 2, let check, let gap = gap(between: values[0], and: values[1]),
            gap >= wideGap, !((gap - 1)...(gap + 1)).contains(where: neighbourGaps.contains),
            let first = NumberReader.reading(of: values[0].raw)?.value,
            let last = NumberReader.reading(of: values[1].raw)?.value, last >= first,
            lastColumnTotals(columns: columns, check: check)
        else { return nil }
        return placements.firstIndex(of: [0, columns - 1])
    }

    /// The index among `placements` of the values in order from the first column but the
    /// last, which goes to the total, when the last is at least the sum of the others that
    /// can be read (`66 1 0 5 1 74` for seven columns; a garbled cell counts as unknown)
    /// and the row's last column totals the others (``lastColumnTotals(columns:check:)``):
    /// an OCR drops a ruled table's narrow columns (a row's small counts and zeros) and
    /// keeps its total, printed last. For three values or more, or two that the OCR printed
    /// on lines of their own (far apart on the page: two of one line need a wide gap,
    /// ``endsPlacement(of:columns:among:check:neighbourGaps:)``). Nil otherwise: a last value
    /// below the others' sum is no total, and a row of zeros says nothing of which column it
    /// lacks. `numbers`: the values as read.
    static func totalLastPlacement(of values: [Token], numbers: [Double?], columns: Int, among placements: [Placement],
                                   check: (([Double?]) -> Bool?)?) -> Int? {
        let apart = values.count == 2 && values[0].line != values[1].line
        guard values.count >= 3 || apart, columns > values.count, let check, let last = numbers.last ?? nil,
            last > 0, last >= numbers.dropLast().compactMap({ $0 }).reduce(0, +),
            lastColumnTotals(columns: columns, check: check)
        else { return nil }
        return placements.firstIndex(of: Array(0..<(values.count - 1)) + [columns - 1])
    }

    /// The characters between two values of one line (spaces, and bars an OCR read for
    /// rules), as ``Token/offset`` counts them; nil for values of different lines or
    /// without places.
    static func gap(between before: Token, and after: Token) -> Int? {
        guard before.line == after.line, let start = before.offset, let next = after.offset else { return nil }
        return next - (start + before.raw.unicodeScalars.count)
    }

    /// Whether the row's arithmetic makes its last column the sum of all the others: ones
    /// with their count after them hold, with one more they fail.
    static func lastColumnTotals(columns: Int, check: ([Double?]) -> Bool?) -> Bool {
        let parts = [Double?](repeating: 1, count: columns - 1)
        return check(parts + [Double(columns - 1)]) == true && check(parts + [Double(columns)]) == false
    }

    /// The fewest spaces between two values that stand for empty page between them: an
    /// OCR writes one to three between neighbouring words, more where it skipped cells.
    static let wideGap = 8

    /// How far, in columns, `middles` stray from the best straight line through `columns`
    /// (the root mean square of the misses, over the width of a column); nil when the
    /// line does not rise.
    static func misfit(columns: [Double], middles: [Double]) -> Double? {
        let count = Double(columns.count)
        let meanColumn = columns.reduce(0, +) / count
        let meanMiddle = middles.reduce(0, +) / count
        var covariance = 0.0, variance = 0.0
        for (column, middle) in zip(columns, middles) {
            covariance += (column - meanColumn) * (middle - meanMiddle)
            variance += (column - meanColumn) * (column - meanColumn)
        }
        guard variance > 0, covariance > 0 else { return nil }
        let width = covariance / variance
        let squares = zip(columns, middles).reduce(0.0) { sum, pair in
            let miss = pair.1 - (meanMiddle + width * (pair.0 - meanColumn))
            return sum + miss * miss
        }
        return (squares / count).squareRoot() / width
    }

    /// The most a placement the spaces choose may miss by, in columns.
    static let spacingTolerance = 0.25
    /// How much worse than twice the best every other placement must fit.
    static let spacingMargin = 0.1

    /// Every increasing choice of `count` columns out of `columns`, the first columns first
    /// (at most one more than `limit`); with `admits`, only those each beginning of which
    /// it admits (the first values' columns so far).
    static func placements(of count: Int, in columns: Int, limit: Int, admits: (([Int]) -> Bool)? = nil)
        -> [Placement]
    {
        guard count > 0, count < columns else { return [] }
        var result: [Placement] = []
        func extend(_ built: [Int], from start: Int) {
            if built.count == count {
                result.append(built)
                return
            }
            guard result.count <= limit, start < columns else { return }
            for column in start..<columns where columns - column >= count - built.count {
                let next = built + [column]
                if let admits, !admits(next) { continue }
                extend(next, from: column + 1)
            }
        }
        extend([], from: 0)
        return result
    }
}
