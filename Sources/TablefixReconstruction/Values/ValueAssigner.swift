/// Distributes the values that follow a row's label over the row's columns.
///
/// The straightforward case is one printed value per column. Otherwise, in order:
/// blanks count as cells when the row has exactly one slot per column (merged or empty
/// cells); a row with too few values may hold numbers glued together (`00`, or a whole
/// row run together by a crawler), split every way that has no leading zeros and kept if
/// the row's own arithmetic holds; a row with too many values keeps the run of values
/// that satisfies the arithmetic.
struct ValueAssigner {
    /// The number of columns.
    var columns: Int
    /// Whether values may have decimals.
    var decimal: Bool
    /// The row's own arithmetic, if any: whether candidate values satisfy it.
    var check: (([Double?]) -> Bool?)?

    func readings(for tail: [Token]) -> [CellReading] {
        var slots = tail
        while slots.count > columns, slots.last?.kind == .blank { slots.removeLast() }
        while slots.count > columns, slots.first?.kind == .blank { slots.removeFirst() }
        let printed = slots.filter { $0.kind == .number || $0.kind == .placeholder }
        if printed.count == columns {
            return printed.map { CellReading.from($0, decimal: decimal) }
        }
        if slots.count == columns {
            return slots.map { token in
                var reading = CellReading.from(token, decimal: decimal)
                if reading.rule == "label-row" { reading.rule = "position" }
                return reading
            }
        }
        if printed.count < columns, slots.count < columns, slots.contains(where: { $0.kind == .blank }) {
            return rightAligned(slots)
        }
        if printed.count < columns, let split = splitGlued(printed) { return split }
        if printed.count > columns, let window = consistentWindow(printed) { return window }
        // Nothing fits: keep the values in order and say the row is short or long. A short
        // row's values may belong to other columns: the table's arithmetic may place them
        // (``ShortRowPlacement``).
        var readings = printed.prefix(columns).map { token in
            var reading = CellReading.from(token, decimal: decimal)
            reading.confidence = min(reading.confidence, 0.3)
            if printed.count < columns { reading.rule = Self.shortRow }
            reading.why = printed.count < columns
                ? "row has \(printed.count) values for \(columns) columns"
                : "row has \(printed.count) values for \(columns) columns; kept the first"
            return reading
        }
        while readings.count < columns {
            var missing = CellReading.missing("row has \(printed.count) values for \(columns) columns")
            missing.rule = Self.shortRow
            readings.append(missing)
        }
        return readings
    }

    /// The rule of the cells of a row with fewer values than columns that nothing explained.
    static let shortRow = "short-row"

    /// A row with blank cells but fewer cells than columns: the cells it lacks are those
    /// a merged label covers, at the left, so its cells belong to the rightmost columns.
    func rightAligned(_ slots: [Token]) -> [CellReading] {
        let absent = columns - slots.count
        let lacking = CellReading(value: nil, raw: "", confidence: 0.6, rule: "position",
                                  why: "no cell in source (row has \(slots.count) cells for \(columns) columns)", line: 0)
        return Array(repeating: lacking, count: absent) + slots.map { token in
            var reading = CellReading.from(token, decimal: decimal)
            reading.rule = "position"
            reading.confidence = min(reading.confidence, 0.85)
            return reading
        }
    }

    /// Splits glued digit runs so that the row has one value per column.
    func splitGlued(_ printed: [Token]) -> [CellReading]? {
        guard let (splits, checked) = gluedSplits(printed), let chosen = splits.first else { return nil }
        return readings(of: chosen, among: splits.count, checked: checked)
    }

    /// Every split of a row's glued digit runs, when there are several that fit its own
    /// arithmetic: the readings of each, for the table's arithmetic to choose among.
    func alternativeSplits(for tail: [Token]) -> [[CellReading]]? {
        let printed = tail.filter { $0.kind == .number || $0.kind == .placeholder }
        guard printed.count < columns, let (splits, checked) = gluedSplits(printed), checked, splits.count > 1,
            splits.count <= Self.alternativeLimit
        else { return nil }
        return splits.map { readings(of: $0, among: splits.count, checked: checked) }
    }

    static let alternativeLimit = 64

    /// The splits of glued digit runs that give one value per column, without leading
    /// zeros, and that the row's own arithmetic accepts (all of them when it has none);
    /// whether the arithmetic judged them.
    func gluedSplits(_ printed: [Token]) -> (splits: [[(String, Token)]], checked: Bool)? {
        let missing = columns - printed.count
        guard missing > 0, printed.allSatisfy({ $0.kind == .placeholder || $0.raw.allSatisfy(\.isASCII) }) else {
            return nil
        }
        var candidates: [[(String, Token)]] = []
        var budget = 20_000
        func extend(_ index: Int, _ remaining: Int, _ built: [(String, Token)]) {
            guard budget > 0 else { return }
            budget -= 1
            if index == printed.count {
                if remaining == 0 { candidates.append(built) }
                return
            }
            let token = printed[index]
            guard token.kind == .number, token.raw.allSatisfy(\.isNumber) else {
                extend(index + 1, remaining, built + [(token.raw, token)])
                return
            }
            let digits = Array(token.raw)
            for parts in 1...min(digits.count, remaining + 1) {
                for pieces in Self.splits(digits, into: parts) {
                    extend(index + 1, remaining - (parts - 1), built + pieces.map { ($0, token) })
                }
            }
        }
        extend(0, missing, [])
        guard !candidates.isEmpty else { return nil }
        guard let check else { return (candidates, false) }
        let consistent = candidates.filter { candidate in
            check(candidate.map { NumberReader.reading(of: $0.0)?.value }) == true
        }
        return consistent.isEmpty ? nil : (consistent, true)
    }

    /// The readings of one split among `count` that fit.
    func readings(of split: [(String, Token)], among count: Int, checked: Bool) -> [CellReading] {
        // The row's own arithmetic chose the split, so it cannot also vouch for it; without
        // arithmetic a split is a guess, however unique.
        let confidence = count == 1 ? (checked ? 0.85 : 0.6) : 0.4 / Double(count)
        return split.map { piece, token in
            let reading = NumberReader.reading(of: piece)
            let wasSplit = piece != token.raw
            return CellReading(
                value: reading?.value, raw: token.raw, confidence: wasSplit ? confidence : min(0.95, confidence + 0.1),
                rule: "split-digits",
                why: count == 1
                    ? "digits run together; the only split \(checked ? "that fits the row's arithmetic" : "without leading zeros")"
                    : "digits run together; \(count) splits fit, took the first",
                line: token.line)
        }
    }

    /// Every way to cut `digits` into `parts` numbers without leading zeros.
    static func splits(_ digits: [Character], into parts: Int) -> [[String]] {
        if parts == 1 {
            return digits.count > 1 && digits.first == "0" ? [] : [[String(digits)]]
        }
        var result: [[String]] = []
        for length in 1...max(1, digits.count - parts + 1) where length < digits.count {
            let head = Array(digits.prefix(length))
            if head.count > 1 && head.first == "0" { continue }
            for rest in splits(Array(digits.dropFirst(length)), into: parts - 1) {
                result.append([String(head)] + rest)
            }
        }
        return result
    }

    /// The run of `columns` consecutive values that satisfies the row's arithmetic.
    func consistentWindow(_ printed: [Token]) -> [CellReading]? {
        guard let check else { return nil }
        let windows = (0...(printed.count - columns)).filter { start in
            let values = printed[start..<(start + columns)].map { NumberReader.reading(of: $0.raw)?.value }
            return check(values) == true
        }
        guard windows.count == 1, let start = windows.first else { return nil }
        return printed[start..<(start + columns)].map { token in
            var reading = CellReading.from(token, decimal: decimal)
            reading.confidence = min(reading.confidence, 0.8)
            reading.rule = "window"
            reading.why = "row has \(printed.count) values for \(columns) columns; these fit its arithmetic"
            return reading
        }
    }
}
