import TablefixModel

/// Reads the values that follow a row's label into the row's columns, with the other
/// ways they may fit for the table's arithmetic to choose among.
///
/// The straightforward case is one printed value per column. Otherwise, in order:
/// blanks count as cells when the row has exactly one slot per column (merged or empty
/// cells); a row with fewer cells than columns, some blank, holds the rightmost columns; in
/// a table whose lines run their cells together, the spaces among a row's values may be its
/// empty cells (``blanksAsSpacesUnit(_:spaces:)``); a row with too few values may hold
/// numbers glued together (`00`, or a whole row run
/// together by a crawler), split every way that has no leading zeros and kept if the
/// row's own arithmetic holds; a row with too many values keeps the one run of values
/// that satisfies the arithmetic; a row whose table rules an OCR read as digits offers
/// the readings its arithmetic accepts (``RuleGlyphs``); a crawler's row whose empty cells
/// left no trace is cut into the fewest values its arithmetic allows
/// (``unmarkedBlanksUnit(_:)``); a short row that nothing explains offers every placement of
/// its values (``ShortRowChoices``).
struct RowValues {
    /// The row's cells' keys.
    var keys: [String]
    /// Whether values may have decimals.
    var decimal: Bool
    /// The unit each column counts in, when the format names one.
    var units: [String?] = []
    /// The row's own arithmetic, if any: whether candidate values satisfy it.
    var check: (([Double?]) -> Bool?)?
    /// Whether candidate values break none of the row's bounds (its year at most its
    /// cumulative count), if it has any.
    var withinBounds: (([Double?]) -> Bool)?
    /// The columns the row's arithmetic derives from its others (its groups' totals).
    var totals: Set<Int> = []
    var budget: SearchBudget = .standard
    /// The spaces between neighbouring values elsewhere in the table (``TableRegion/neighbourGaps``).
    var neighbourGaps: Set<Int> = []
    /// Where the values of the table's rows printed on one line stand (``TableRegion/valueMiddles``).
    var valueMiddles: [[Double]] = []
    /// Whether the table's lines run their cells together (``TableRegion/runsCellsTogether``):
    /// then spaces between values may be empty cells, and empty cells may leave no trace.
    var cellsRunTogether = false

    var columns: Int { keys.count }

    /// The row read from the tokens after its label; `spaces`, the spaces before each of
    /// them in a line of text (``StreamRow/tailSpaces``).
    func unit(for tail: [Token], spaces: [Int]? = nil) -> ReadingUnit {
        if let unit = byColumnsUnit(tail) { return unit }
        let (slots, otherPadding) = withoutPadding(tail.filter { !$0.isBlankByPosition })
        let printed = slots.filter(\.isValue)
        // A word only rules make sense of (`olo`, `oo`) is read so first.
        let rulesFirst = printed.contains { RuleGlyphs.needsRules($0.raw) }
        if rulesFirst, let unit = ruleGlyphUnit(printed) { return unit }
        if printed.count == columns {
            return ReadingUnit(keys: keys, readings: printed.enumerated().map { reading($1, column: $0) })
        }
        if slots.count == columns, let otherPadding {
            let options = [slots, otherPadding].map { $0.enumerated().map { reading($1, column: $0, placement: .paddingGuessed) } }
            return ReadingUnit(keys: keys, readings: options[0], choices: PaddingChoices(options: options))
        }
        if slots.count == columns {
            return ReadingUnit(keys: keys, readings: slots.enumerated().map { reading($1, column: $0, placement: .slot) })
        }
        if printed.count < columns, slots.count < columns, slots.contains(where: { $0.kind == .blank }) {
            return ReadingUnit(keys: keys, readings: rightAligned(slots))
        }
        if printed.count < columns, cellsRunTogether, let spaces, let unit = blanksAsSpacesUnit(tail, spaces: spaces) {
            return unit
        }
        if printed.count < columns, let (splits, checked) = gluedSplits(printed) {
            let options = splits.map { splitReadings($0, among: splits.count, checked: checked) }
            let choices = splits.count > 1 && splits.count <= budget.optionsPerUnit
                ? SplitChoices(splits: options) : nil
            return ReadingUnit(keys: keys, readings: options[0], choices: choices)
        }
        if printed.count == columns - 1, let split = lostSpaceSplit(printed) {
            return ReadingUnit(keys: keys, readings: splitReadings(split, among: 1, checked: true, spaceLost: true))
        }
        if printed.count > columns, let window = consistentWindow(printed) {
            return ReadingUnit(keys: keys, readings: window)
        }
        if printed.count > columns, let joined = joinedPieces(printed) {
            return ReadingUnit(keys: keys, readings: joined)
        }
        if !rulesFirst, let unit = ruleGlyphUnit(printed) ?? ruleGlyphUnit(printed, amongDigits: true) { return unit }
        // A crawler's run of digits that splits only one way (`402200100120103` for fifteen
        // cells) is read so although the row's arithmetic fails: a printed inconsistency,
        // which the table's checks report; the cells stay at a guess's confidence. Short
        // numbers apart (`16 2 1 2 21`) may be a short row's whole values instead.
        let glued = printed.filter { $0.kind == .number && !Self.isOneValue($0) }.map(\.raw.count).reduce(0, +)
        if printed.count < columns, glued > Self.longestWholeValue,
            let (splits, _) = gluedSplits(printed, orOnlySplit: true), splits.count == 1
        {
            return ReadingUnit(keys: keys, readings: splitReadings(splits[0], among: 1, checked: false))
        }
        if let unit = totalsLeftBlank(printed) ?? gluedTotalsLeftBlank(printed) ?? unmarkedBlanksUnit(printed) { return unit }
        // Nothing fits: the values in order, the row said to be short or long. A short
        // row's values may belong to other columns: the table's arithmetic may place them.
        let placement = CellEvidence.Placement.mismatched(values: printed.count, columns: columns)
        var readings = printed.prefix(columns).enumerated().map { reading($1, column: $0, placement: placement) }
        while readings.count < columns { readings.append(.missing(placement)) }
        let choices = printed.count < columns
            ? ShortRowChoices(values: printed, columns: columns, read: { reading($0, column: $1, placement: $2) },
                              limit: budget.optionsPerUnit, check: check, neighbourGaps: neighbourGaps,
                              layouts: valueMiddles.filter { $0.count == columns }) : nil
        if let only = choices?.onlyReadings { return ReadingUnit(keys: keys, readings: only) }
        return ReadingUnit(keys: keys, readings: choices?.chosenReadings ?? readings, choices: choices)
    }

    /// A row that prints one value for every cell but its two or more groups' totals (a
    /// review table's 总计 columns left blank): the values in order in the other columns,
    /// the totals missing; nil for any other row. Placed so at most as a short row the
    /// arithmetic placed: another placement may fit the row's arithmetic as well.
    func totalsLeftBlank(_ printed: [Token]) -> ReadingUnit? {
        guard totals.count >= 2, printed.count == columns - totals.count else { return nil }
        let shortRow = { (outcome: CellEvidence.ShortRow.Outcome) in
            CellEvidence.Placement.shortRow(.init(values: printed.count, columns: columns, outcome: outcome))
        }
        let placed = zip(columnsBesideTotals, printed).map { reading($1, column: $0, placement: shortRow(.totalsBlank)) }
        return ReadingUnit(keys: keys, readings: besideBlankTotals(placed, none: shortRow(.none)))
    }

    /// A crawler's run of digits for a row that prints every cell but its two or more
    /// groups' totals (`101000000000` for a review row of fifteen cells, its three 总计
    /// blank): the run cut into the other cells, when it cuts only one way (a digit
    /// each), the totals missing; nil for any other row, and for one without a run longer
    /// than a count (``longestWholeValue``): values apart (`1 2 3 4 10 5 6 7 8 26`) are a
    /// short row's. Unchecked: the totals that would check it are not printed.
    func gluedTotalsLeftBlank(_ printed: [Token]) -> ReadingUnit? {
        guard totals.count >= 2, printed.count < columns - totals.count,
            printed.contains(where: { $0.kind == .number && $0.raw.count > Self.longestWholeValue })
        else { return nil }
        let others = columnsBesideTotals
        let inner = RowValues(keys: others.map { keys[$0] }, decimal: decimal, budget: budget)
        guard let (splits, _) = inner.gluedSplits(printed, orOnlySplit: true), splits.count == 1 else { return nil }
        let none = CellEvidence.Placement.shortRow(.init(values: others.count, columns: columns, outcome: .none))
        return ReadingUnit(keys: keys,
                           readings: besideBlankTotals(inner.splitReadings(splits[0], among: 1, checked: false), none: none))
    }

    /// A crawler's row, its cells run together and each empty cell kept as one space (the
    /// text of a page whose empty cells hold `&nbsp;`: `数量152 11120` for 15, 2, a blank, 1,
    /// 1, 1, 20): the spaces before and between the values are the row's blank cells, the
    /// digit runs split into its other cells. Where no such reading fits, each space may
    /// stand for several empty cells (a crawler that collapsed white space: `1 12` for 1,
    /// four blanks, 1, 2). Nil unless the row's arithmetic, the blanks counting as zero,
    /// holds for some reading.
    func blanksAsSpacesUnit(_ tail: [Token], spaces: [Int]) -> ReadingUnit? {
        guard spaces.count == tail.count, spaces.contains(where: { $0 > 0 }), tail.allSatisfy(\.isValue),
            let splits = spacedSplits(tail, blanks: spaces) ?? collapsedSpacedSplits(tail, spaces: spaces)
        else { return nil }
        let options = splits.map { splitReadings($0, among: splits.count, checked: true, blanksAreSpaces: true) }
        let choices = splits.count > 1 && splits.count <= budget.optionsPerUnit ? SplitChoices(splits: options) : nil
        return ReadingUnit(keys: keys, readings: options[0], choices: choices)
    }

    /// The readings of `tail` with `blanks[i]` empty cells before its value `i` and its digit
    /// runs split into the other columns, that the row's arithmetic accepts; nil if none.
    func spacedSplits(_ tail: [Token], blanks: [Int]) -> [[(String, Token)]]? {
        guard tail.count + blanks.reduce(0, +) <= columns, let check else { return nil }
        var slots: [Token] = []
        for (token, count) in zip(tail, blanks) {
            slots += repeatElement(Token(kind: .blank, raw: "", line: token.line), count: count)
            // Its spaces are cells, not a column's gap: a run after them may be split.
            var value = token
            value.standsApart = false
            slots.append(value)
        }
        let whole = slots.map { ($0.raw, $0) }
        if slots.count == columns { return check(Self.arithmeticValues(whole)) == true ? [whole] : nil }
        guard let (found, checked) = gluedSplits(slots), checked else { return nil }
        return found
    }

    /// The readings of `tail` with one empty cell or more wherever `spaces` has a space, as
    /// many as the row's arithmetic accepts (``spacedSplits(_:blanks:)``); nil if none, or
    /// if the ways to spread the blanks pass the search's budget.
    func collapsedSpacedSplits(_ tail: [Token], spaces: [Int]) -> [[(String, Token)]]? {
        let gaps = spaces.indices.filter { spaces[$0] > 0 }
        let spare = columns - tail.count - gaps.count
        guard spare > 0 else { return nil }
        var blanks = spaces.map { min($0, 1) }
        var found: [[(String, Token)]] = []
        var ways = budget.collapsedBlankLayouts
        // Gives the gaps from `index` on up to `left` more blanks, every way.
        func spread(from index: Int, left: Int) {
            guard ways > 0 else { return }
            guard index < gaps.count else {
                ways -= 1
                found += spacedSplits(tail, blanks: blanks) ?? []
                return
            }
            for extra in 0...left {
                blanks[gaps[index]] += extra
                spread(from: index + 1, left: left - extra)
                blanks[gaps[index]] -= extra
            }
        }
        spread(from: 0, left: spare)
        return found.isEmpty || ways == 0 ? nil : found
    }

    /// A crawler's row whose empty cells left no trace (`415` for 4, three blanks, 1, a
    /// blank, 5): its digit runs cut into the fewest values that, in some placement, the
    /// cells no value goes to counting as zero, hold the row's arithmetic, then placed as
    /// a short row's values are (``ShortRowChoices``). Nil unless the table's lines run
    /// their cells together, or when no cut fits, or several do with as few values.
    func unmarkedBlanksUnit(_ printed: [Token]) -> ReadingUnit? {
        guard cellsRunTogether, let check, printed.count + 1 < columns else { return nil }
        for count in (printed.count + 1)..<columns {
            let fewer = RowValues(keys: Array(keys.prefix(count)), decimal: decimal, budget: budget)
            guard let (splits, _) = fewer.gluedSplits(printed) else { continue }
            let placements = ShortRowChoices.placements(of: count, in: columns, limit: budget.optionsPerUnit)
            let fitting = splits.filter { split in
                let numbers = Self.arithmeticValues(split)
                return placements.contains { placement in
                    var row = [Double?](repeating: 0, count: columns)
                    for (slot, column) in placement.enumerated() { row[column] = numbers[slot] }
                    return check(row) == true
                }
            }
            guard !fitting.isEmpty else { continue }
            guard fitting.count == 1 else { return nil }
            // Each piece a value of its own, where no space sets it apart.
            let pieces = fitting[0].map { piece, token in
                Token(kind: token.kind, raw: piece, line: token.line, isOCR: token.isOCR)
            }
            let placement = CellEvidence.Placement.mismatched(values: pieces.count, columns: columns)
            guard let choices = ShortRowChoices(values: pieces, columns: columns, read: { reading($0, column: $1, placement: $2) },
                                                limit: budget.optionsPerUnit, check: check)
            else { return nil }
            if let only = choices.onlyReadings { return ReadingUnit(keys: keys, readings: only) }
            let inOrder = pieces.enumerated().map { reading($1, column: $0, placement: placement) }
                + (pieces.count..<columns).map { _ in CellReading.missing(placement) }
            return ReadingUnit(keys: keys, readings: choices.chosenReadings ?? inOrder, choices: choices)
        }
        return nil
    }

    /// The values a split of a row's cells gives its arithmetic: a blank cell, and a mark
    /// for none (`—`, `无`), count as zero.
    static func arithmeticValues(_ split: [(String, Token)]) -> [Double?] {
        split.map { piece, token in
            token.kind == .blank || token.kind == .placeholder ? 0 : NumberReader.reading(of: piece)?.value
        }
    }

    /// The row's columns that are no group's total.
    var columnsBesideTotals: [Int] { (0..<columns).filter { !totals.contains($0) } }

    /// `readings`, one for each of ``columnsBesideTotals`` in order, as the row's cells, the
    /// totals missing (placed `none`).
    func besideBlankTotals(_ readings: [CellReading], none: CellEvidence.Placement) -> [CellReading] {
        var readings = readings.makeIterator()
        return (0..<columns).map { totals.contains($0) ? .missing(none) : readings.next() ?? .missing(none) }
    }

    /// A row whose reader put blanks by character columns, when that gives one slot per
    /// column and the row's own arithmetic does not fail so, a blank counting as zero; or,
    /// in a row of several groups that prints one of its totals, does not fail with its
    /// blank totals unknown (a publisher may leave a group's 总计 unfilled: the row is then
    /// unchecked); nil otherwise (the row is read without those blanks).
    func byColumnsUnit(_ tail: [Token]) -> ReadingUnit? {
        guard tail.contains(where: \.isBlankByPosition) else { return nil }
        let slots = withoutSurplusBlanks(tail)
        guard slots.count == columns, slots.contains(where: \.isBlankByPosition) else { return nil }
        let printsATotal = totals.count >= 2 && totals.contains { slots[$0].isValue }
        func check(blankTotalsUnknown: Bool) -> Bool? {
            self.check?(slots.enumerated().map { column, slot in
                slot.isValue ? NumberReader.reading(of: slot.raw)?.value
                    : blankTotalsUnknown && totals.contains(column) ? nil : 0
            })
        }
        var holds = check(blankTotalsUnknown: false)
        if holds == false, printsATotal, check(blankTotalsUnknown: true) != false { holds = nil }
        guard holds != false else { return nil }
        let placement = CellEvidence.Placement.byColumns(checked: holds == true)
        return ReadingUnit(keys: keys, readings: slots.enumerated().map { reading($1, column: $0, placement: placement) })
    }

    /// `slots` without the blanks at either end beyond one slot per column (a grid's padding),
    /// the last ones first, or the first ones first.
    func withoutSurplusBlanks(_ slots: [Token], lastFirst: Bool = true) -> [Token] {
        var slots = slots
        let dropLast = { (slots: inout [Token]) in while slots.count > self.columns, slots.last?.kind == .blank { slots.removeLast() } }
        let dropFirst = { (slots: inout [Token]) in while slots.count > self.columns, slots.first?.kind == .blank { slots.removeFirst() } }
        if lastFirst {
            dropLast(&slots)
            dropFirst(&slots)
        } else {
            dropFirst(&slots)
            dropLast(&slots)
        }
        return slots
    }

    /// `slots` without a grid's padding (``withoutSurplusBlanks(_:)``), and, where the row has
    /// blanks at both ends beyond its columns and dropping the first ones places its values
    /// otherwise, the slots so (`| 总计 | | 115 | … | 3 | |`: a merged label's blank before
    /// the values, or a blank total after them).
    func withoutPadding(_ slots: [Token]) -> (slots: [Token], otherwise: [Token]?) {
        guard slots.count > columns else { return (slots, nil) }
        let lastFirst = withoutSurplusBlanks(slots)
        let firstFirst = withoutSurplusBlanks(slots, lastFirst: false)
        let placed = { (slots: [Token]) in slots.map { $0.kind == .blank ? nil : $0.raw } }
        guard lastFirst.count == columns, placed(firstFirst) != placed(lastFirst) else { return (lastFirst, nil) }
        return (lastFirst, firstFirst)
    }

    /// The reading of `token` in `column`.
    func reading(_ token: Token, column: Int, placement: CellEvidence.Placement = .label) -> CellReading {
        CellReading.from(token, decimal: decimal, unit: column < units.count ? units[column] : nil, placement: placement)
    }

    /// A row with blank cells but fewer cells than columns: the cells it lacks are those
    /// a merged label covers, at the left, so its cells belong to the rightmost columns.
    func rightAligned(_ slots: [Token]) -> [CellReading] {
        let lacking = CellReading(value: nil, raw: "", line: 0,
                                  evidence: CellEvidence(source: .blank, placement: .lacking(cells: slots.count, columns: columns)))
        let absent = columns - slots.count
        return Array(repeating: lacking, count: absent) + slots.enumerated().map { index, token in
            reading(token, column: absent + index, placement: .rightAligned(cells: slots.count, columns: columns))
        }
    }

    /// The splits of glued digit runs that give one value per column, without leading
    /// zeros (shortest first: a change column's `-12561` is `-1`, `2561` before `-12`, `561`),
    /// that break none of the row's bounds, and that the row's own arithmetic accepts (all
    /// of them when it has none);
    /// whether the arithmetic judged them. With `orOnlySplit`, digits that split only one way
    /// give that split even where the arithmetic refuses it, unjudged.
    func gluedSplits(_ printed: [Token], orOnlySplit: Bool = false, splittingWhole: Bool = false)
        -> (splits: [[(String, Token)]], checked: Bool)?
    {
        let missing = columns - printed.count
        guard missing > 0, printed.allSatisfy({ $0.kind == .placeholder || $0.raw.allSatisfy(\.isASCII) }) else {
            return nil
        }
        // Each token's sign and digits when it may be split, worked out once: a change
        // column's sign stays on the first number (`-12561` → `-1`, `2561`).
        let splittable = printed.map { token -> (sign: String, digits: Substring, count: Int)? in
            let sign = token.raw.first.map { NumberGlyphs.signs.contains($0) } == true ? String(token.raw.prefix(1)) : ""
            let unsigned = token.raw.dropFirst(sign.count)
            // A value printed apart in a line laid out in columns is one value, unless it
            // is zeros (`00`: two narrow cells an extractor printed without a space).
            let apart = token.standsApart && unsigned.contains { $0 != "0" }
            guard token.kind == .number, !unsigned.isEmpty, unsigned.allSatisfy(\.isNumber),
                splittingWhole || (!Self.isOneValue(token) && !apart)
            else {
                return nil
            }
            return (sign, unsigned, unsigned.count)
        }
        var candidates: [[(String, Token)]] = []
        var trials = budget.splitTrials
        // The pieces of the tokens before `index`, as the search has cut them.
        var built: [(String, Token)] = []
        func extend(_ index: Int, _ remaining: Int) {
            guard trials > 0 else { return }
            trials -= 1
            if index == printed.count {
                if remaining == 0 { candidates.append(built) }
                return
            }
            let token = printed[index]
            guard let (sign, digits, count) = splittable[index] else {
                built.append((token.raw, token))
                extend(index + 1, remaining)
                built.removeLast()
                return
            }
            for parts in 1...min(count, remaining + 1) {
                // One cut at a time: once the trials are spent, no other cut is worth making.
                let going = Self.forEachSplit(digits, into: parts) { pieces in
                    built.append((sign + pieces[0], token))
                    for piece in pieces.dropFirst() { built.append((piece, token)) }
                    extend(index + 1, remaining - (parts - 1))
                    built.removeLast(pieces.count)
                    return trials > 0
                }
                guard going else { return }
            }
        }
        extend(0, missing)
        if let withinBounds {
            candidates = candidates.filter { withinBounds(Self.arithmeticValues($0)) }
        }
        guard !candidates.isEmpty else { return nil }
        guard let check else { return (candidates, false) }
        let consistent = candidates.filter { check(Self.arithmeticValues($0)) == true }
        if consistent.isEmpty, orOnlySplit, candidates.count == 1 { return (candidates, false) }
        return consistent.isEmpty ? nil : (consistent, true)
    }

    /// A row one value short whose values an OCR or a layout printed apart on one line of
    /// text, but for two it ran together where a space was lost (`〈七) 总计 2932 53 0 0  61
    /// 43050` for …, 61, 4, 3050): the one way to cut one value in two that the row's own
    /// arithmetic accepts. Nil in a cell of markup (its cells are the document's own), for
    /// values on lines of their own (no space between them to lose), and where no cut or
    /// more than one fits.
    func lostSpaceSplit(_ printed: [Token]) -> [(String, Token)]? {
        guard check != nil, printed.allSatisfy({ $0.offset != nil }), let line = printed.first?.line,
            printed.allSatisfy({ $0.line == line }),
            let (splits, checked) = gluedSplits(printed, splittingWhole: true), checked, splits.count == 1
        else { return nil }
        return splits[0]
    }

    /// The readings of one split among `count` that fit; `blanksAreSpaces`: its blank
    /// cells are a crawler's spaces (``blanksAsSpacesUnit(_:spaces:)``), each cell read as its
    /// token reads.
    func splitReadings(_ split: [(String, Token)], among count: Int, checked: Bool, blanksAreSpaces: Bool = false,
                       spaceLost: Bool = false) -> [CellReading]
    {
        split.map { piece, token in
            let evidence = CellEvidence(
                source: blanksAreSpaces ? CellReading.read(token, decimal: decimal).1 : .printed,
                placement: .split(.init(fits: count, checked: checked, wasSplit: piece != token.raw,
                                        blanksAreSpaces: blanksAreSpaces, spaceLost: spaceLost)))
            return CellReading(value: NumberReader.reading(of: piece)?.value, raw: token.raw, line: token.line,
                               evidence: evidence)
        }
    }

    /// The most digits a token all alone in its cell or line holds as one value: a longer
    /// run there is digits of several cells run together (a crawler's row of fifteen).
    static let longestWholeValue = 7

    /// Whether a token is one value, never to be split: all its cell or line holds, and no
    /// longer than a count can be.
    static func isOneValue(_ token: Token) -> Bool { token.isWhole && token.raw.count <= longestWholeValue }

    /// Every way to cut `digits` into `parts` numbers without leading zeros.
    static func splits(_ digits: Substring, into parts: Int) -> [[String]] {
        var result: [[String]] = []
        forEachSplit(digits, into: parts) { pieces in
            result.append(pieces)
            return true
        }
        return result
    }

    /// Calls `body` with each way to cut `digits` into `parts` numbers without leading
    /// zeros, shortest first piece first, until it returns false; false when it stopped so.
    @discardableResult
    static func forEachSplit(_ digits: Substring, into parts: Int, _ body: ([String]) -> Bool) -> Bool {
        // Where each character starts, and the end: pieces are cut from the text itself.
        let bounds = Array(digits.indices) + [digits.endIndex]
        var pieces: [String] = []
        func cut(from start: Int, into parts: Int) -> Bool {
            let count = bounds.count - 1 - start
            if parts == 1 {
                if count > 1 && digits[bounds[start]] == "0" { return true }
                pieces.append(String(digits[bounds[start]...]))
                defer { pieces.removeLast() }
                return body(pieces)
            }
            for length in 1...max(1, count - parts + 1) where length < count {
                if length > 1 && digits[bounds[start]] == "0" { continue }
                pieces.append(String(digits[bounds[start]..<bounds[start + length]]))
                defer { pieces.removeLast() }
                guard cut(from: start + length, into: parts - 1) else { return false }
            }
            return true
        }
        return cut(from: 0, into: parts)
    }

    /// The row read with the rules an OCR read as digits among its values taken for rules,
    /// as its arithmetic accepts (``RuleGlyphs``); nil when nothing so read fits.
    /// `amongDigits`: rules may stand among other digits too (`1010195`), weighed only when
    /// no other reading fits the row.
    func ruleGlyphUnit(_ printed: [Token], amongDigits: Bool = false) -> ReadingUnit? {
        guard let check, let rows = RuleGlyphs.rows(of: printed, columns: columns, check: check,
                                                     limit: budget.optionsPerUnit, trials: budget.splitTrials,
                                                     amongDigits: amongDigits)
        else { return nil }
        let options = rows.map { ruleReadings($0, of: printed, among: rows.count) }
        return ReadingUnit(keys: keys, readings: options[0], choices: options.count > 1 ? SplitChoices(splits: options) : nil)
    }

    /// The readings of a row whose rules an OCR read as digits, one of `count` that fit:
    /// repaired digits, each with the word it came from.
    func ruleReadings(_ row: RuleGlyphs.Row, of printed: [Token], among count: Int) -> [CellReading] {
        zip(row.values, row.words).map { value, word in
            let token = printed[word]
            let evidence = CellEvidence(source: .repairedDigits, placement: .split(.init(
                fits: count, checked: true, wasSplit: true)))
            return CellReading(value: value, raw: token.raw, line: token.line, evidence: evidence)
        }
    }

    /// A row with more values than columns because a converter spaced the pieces of a
    /// number (`2543      78 967`: inscriptis puts a space between two spans of the
    /// markup): the digit runs one space apart joined, when the row's other values (one
    /// pair at least) stand two spaces apart or more, there are as many such gaps as
    /// surplus values, and the
    /// row's arithmetic and bounds do not refuse the joined values. Nil otherwise.
    func joinedPieces(_ printed: [Token]) -> [CellReading]? {
        let gaps = zip(printed, printed.dropFirst()).map { ShortRowChoices.gap(between: $0, and: $1) }
        let isDigits = { (token: Token) in token.kind == .number && NumberReader.plainDigits(token.raw) != nil }
        let narrow = Set(gaps.indices.filter { gaps[$0] == 1 && isDigits(printed[$0]) && isDigits(printed[$0 + 1]) })
        guard narrow.count == printed.count - columns, narrow.count < gaps.count,
            gaps.indices.allSatisfy({ narrow.contains($0) || (gaps[$0] ?? 0) >= 2 })
        else { return nil }
        var groups: [[Token]] = [[printed[0]]]
        for index in printed.indices.dropFirst() {
            if narrow.contains(index - 1) { groups[groups.count - 1].append(printed[index]) } else { groups.append([printed[index]]) }
        }
        let values = groups.map { group in NumberReader.reading(of: group.map(\.raw).joined())?.value }
        let holds = check?(values)
        guard holds != false, withinBounds?(values) != false else { return nil }
        return groups.enumerated().map { column, group in
            guard group.count > 1 else { return reading(group[0], column: column) }
            return CellReading(value: values[column], raw: group.map(\.raw).joined(separator: " "), line: group[0].line,
                               evidence: CellEvidence(source: .printed, placement: .joined(checked: holds == true)))
        }
    }

    /// The run of `columns` consecutive values that satisfies the row's arithmetic.
    func consistentWindow(_ printed: [Token]) -> [CellReading]? {
        guard let check else { return nil }
        let windows = (0...(printed.count - columns)).filter { start in
            let values = printed[start..<(start + columns)].map { NumberReader.reading(of: $0.raw)?.value }
            return check(values) == true
        }
        guard windows.count == 1, let start = windows.first else { return nil }
        return printed[start..<(start + columns)].enumerated().map { column, token in
            reading(token, column: column, placement: .window(values: printed.count, columns: columns))
        }
    }
}

/// The two ways a grid row with blanks at both ends beyond its columns may lose its
/// padding (``RowValues/withoutPadding(_:)``), the last blanks first by default: a guess,
/// unless the table's arithmetic chooses.
struct PaddingChoices: UnitChoices {
    /// Each way's readings, placed as guessed.
    let options: [[CellReading]]

    var count: Int { options.count }
    var group: Int? { nil }

    func values(_ option: Int) -> [Double?] { options[option].map(\.value) }

    /// The readings of the way the arithmetic chose, placed by their slots.
    func readings(decided option: Int) -> [CellReading] { options[option].map { $0.placed(.slot) } }

    func readings(undecided options: [Int]) -> [CellReading]? { nil }
}

/// The splits of a row's glued digits that each fit its own arithmetic (every split
/// without leading zeros, when the row has none): the table's arithmetic, or else the
/// prose, may choose among them.
struct SplitChoices: UnitChoices {
    /// Each split's readings; the first is the row's default.
    let splits: [[CellReading]]

    var count: Int { splits.count }
    var group: Int? { nil }

    func values(_ option: Int) -> [Double?] { splits[option].map(\.value) }

    func readings(decided option: Int) -> [CellReading] { marking(option) { $0.chosenByTable = true } }

    /// The default split, its confidence shared among those that fit.
    func readings(undecided options: [Int]) -> [CellReading]? { nil }

    func readings(confirmedByProse option: Int) -> [CellReading]? { marking(option) { $0.chosenByProse = true } }

    /// The readings of split `option`, each split marked by `mark`.
    func marking(_ option: Int, _ mark: (inout CellEvidence.Split) -> Void) -> [CellReading] {
        splits[option].map { reading in
            var reading = reading
            if case .split(var split) = reading.evidence.placement {
                mark(&split)
                reading.evidence.placement = .split(split)
            }
            return reading
        }
    }
}
