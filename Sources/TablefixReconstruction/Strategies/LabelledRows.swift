import TablefixModel

/// Reads a table laid out as labelled rows: aligns the region's rows with the template's
/// by label (``RowAligner``), then reads each row's values (``RowValues``).
///
/// pdftotext may print a row's cells each after its column's header, on lines of their
/// own (`行政许可`, `上一年项目数量`, `127`, `本年增/减`, `3`, `处理决定数量`, `11520`): such a
/// row's values are keyed to the headers before them (``keyedTail(of:in:columns:)``).
struct LabelledRows: ReadingStrategy {
    func candidates(for prepared: PreparedTable, in region: TableRegion, budget: SearchBudget) -> [ReadingCandidate] {
        let table = prepared.table
        guard table.layout == .rows else { return [] }
        let rows = region.unstacked
        let groups = Array(Set(table.rows.compactMap(\.group)))
        let aligner = RowAligner(matcher: LabelMatcher(noise: groups))
        let aligned = table.rowOrder == .any ? aligner.alignAnyOrder(rows, to: table.rows) : aligner.align(rows, to: table.rows)
        let needed = region.strict ? max(2, table.rows.count / 3) : 1
        guard aligned.count >= needed else { return [] }
        let between = Self.rowsBetween(aligned, in: rows)
        var matches = (aligned + between).sorted { $0.templateRow < $1.templateRow }
        let unread = Set(between.map(\.templateRow))
        let unprinted = Self.unprintedColumns(of: table, in: rows)
        var keyed = Dictionary(uniqueKeysWithValues: matches.compactMap { match in
            Self.keyedTail(of: match, in: rows, columns: Self.columns(of: table.rows[match.templateRow], in: table))
                .map { (match.templateRow, $0) }
        })
        // In an OCR's text, a row's values may continue on the rows of values below it
        // (``continuedTail(of:in:columns:check:taken:)``). A row of values that a match holds
        // only for the label below it (a wrapped label's numbers on its first line) may be
        // such a continuation instead, where the arithmetic of the row above says so: the
        // match below then lost its values.
        let belowLabel = Dictionary(matches.filter { $0.labelRows.lowerBound == $0.streamRow && $0.labelRows.count > 1 }
            .map { ($0.streamRow, $0.templateRow) }, uniquingKeysWith: min)
        var taken = Set(matches.flatMap(\.labelRows) + keyed.values.flatMap(\.rows)).subtracting(belowLabel.keys)
        var continued: Set<Int> = [], lost: Set<Int> = []
        for match in matches where keyed[match.templateRow] == nil && !lost.contains(match.templateRow) {
            let row = table.rows[match.templateRow]
            guard !row.columns.contains(where: unprinted.contains),
                let found = Self.continuedTail(of: match, in: rows, columns: row.columns.count,
                                               check: prepared.arithmetic.check(row: match.templateRow), taken: taken),
                region.showsOCRGlyphs
            else { continue }
            keyed[match.templateRow] = found
            continued.insert(match.templateRow)
            taken.formUnion(found.rows)
            lost.formUnion(found.rows.compactMap { belowLabel[$0] })
        }
        matches.removeAll { lost.contains($0.templateRow) }
        // Every row with values was read: a template row not found was not printed, if the
        // form may leave it out and the region does not print its label.
        let read = Set(matches.flatMap(\.labelRows) + keyed.values.flatMap(\.rows))
        let firstRead = read.min() ?? 0
        let complete = !rows.indices.contains { index in
            rows[index].printedValueCount > 0 && !read.contains(index) && !(index < firstRead && Self.isYearHeading(index, in: rows))
        }
        let printedLabels = complete && table.rows.contains { $0.optional == true }
            ? PrintedLabels(of: table, in: rows.map(\.label)) : nil
        let neighbourGaps = region.neighbourGaps
        let valueMiddles = region.valueMiddles
        let cellsRunTogether = region.runsCellsTogether
        let units = table.rows.enumerated().map { position, row -> ReadingUnit in
            let keys = row.columns.map { "\(row.key).\($0)" }
            guard let match = matches.first(where: { $0.templateRow == position }) else {
                let absent = row.optional == true && printedLabels?.stand(row: position) == false
                let placement: CellEvidence.Placement = absent ? .notPrinted : .notFound
                return ReadingUnit(keys: keys, readings: keys.map { _ in .missing(placement) })
            }
            let printed = row.columns.filter { !unprinted.contains($0) }
            let printedKeys = printed.map { "\(row.key).\($0)" }
            let values = RowValues(keys: printedKeys, decimal: row.decimal ?? false,
                                 units: printed.map { table.unit(row: row, column: $0) },
                                 check: prepared.arithmetic.check(row: position),
                                 withinBounds: prepared.arithmetic.withinBounds(row: position),
                                 totals: prepared.arithmetic.totals(row: position, keys: printedKeys), budget: budget,
                                 neighbourGaps: neighbourGaps, valueMiddles: valueMiddles,
                                 cellsRunTogether: cellsRunTogether)
            let keyedTail = printed.count == keys.count ? keyed[position]?.tail : nil
            var unit = values.unit(for: keyedTail ?? rows[match.streamRow].tail,
                                   spaces: keyedTail == nil && cellsRunTogether ? rows[match.streamRow].tailSpaces : nil)
            for index in unit.readings.indices {
                if continued.contains(position), unit.readings[index].evidence.placement == .label {
                    unit.readings[index].evidence.placement = .continued
                }
                unit.readings[index].evidence.labelScore = match.score
                unit.readings[index].evidence.labelUnread = unread.contains(position)
            }
            return printed.count == keys.count ? unit : unit.widened(to: keys)
        }
        let valueRows = matches.map(\.streamRow)
        return [ReadingCandidate(strategy: .labels, units: units,
                                 rows: matches.flatMap { Array($0.labelRows) + (keyed[$0.templateRow]?.rows ?? []) },
                                 fromGrid: !valueRows.isEmpty && valueRows.allSatisfy { !rows[$0].isLine })]
    }

    /// The template rows missing between two rows read by label, each given a row of the
    /// region between those two, in order, when the region holds exactly as many rows of
    /// values there: rows whose labels an OCR garbled past matching (`攻机凑生得关帮   5  0  0
    /// 0  0  0  5`). Their values are read as any row's (a short row's placed as short rows
    /// are); their label score is 0, and their cells say the label went unread.
    static func rowsBetween(_ matches: [RowAligner.Match], in rows: [StreamRow]) -> [RowAligner.Match] {
        var found: [RowAligner.Match] = []
        for (before, after) in zip(matches, matches.dropFirst()) {
            let missing = (before.templateRow + 1)..<after.templateRow
            guard !missing.isEmpty, before.labelRows.upperBound <= after.labelRows.lowerBound else { continue }
            let between = (before.labelRows.upperBound..<after.labelRows.lowerBound).filter { rows[$0].holdsCells }
            guard between.count == missing.count,
                between.allSatisfy({ rows[$0].printedValueCount > 0 })
            else { continue }
            found += zip(between, missing).map { row, position in
                RowAligner.Match(templateRow: position, streamRow: row, score: 0, labelRows: row..<(row + 1))
            }
        }
        return found
    }

    /// Whether a row before the table's first row is a column header's year, printed apart
    /// from its 年度 (`2012` and `年度` in two cells): one value, a year, that 年 or 度
    /// follows.
    static func isYearHeading(_ index: Int, in rows: [StreamRow]) -> Bool {
        let tail = rows[index].tail
        guard tail.count == 1, let token = tail.first, token.kind == .number else { return false }
        let next = index + 1 < rows.count ? rows[index + 1].tokens.first?.raw ?? "" : ""
        return YearText.first(in: token.raw + next) != nil
    }

    /// The columns of template row `row`, in order.
    static func columns(of row: RowTemplate, in table: TableTemplate) -> [ColumnTemplate] {
        row.columns.compactMap { key in table.columns.first { $0.key == key } }
    }

    /// The values of a matched line short of its row's columns, keyed to the column headers
    /// that stand each on a line of its own before them: the header among the match's label
    /// lines (or none: the first column) for the line's own values, then each header line
    /// after it with the numbers on the line that follows. Nil unless a header follows the
    /// line, each header has its numbers right after it, and every column gets a value;
    /// `rows` are the lines it read after the match.
    static func keyedTail(of match: RowAligner.Match, in rows: [StreamRow], columns: [ColumnTemplate])
        -> (tail: [Token], rows: [Int])?
    {
        let own = rows[match.streamRow].tail.filter(\.isValue)
        guard rows[match.streamRow].isLine, own.count < columns.count else { return nil }
        let headers = columns.map { $0.labels.map(LabelMatcher.letters) }
        /// The column whose header is row `row`'s whole label.
        func header(_ row: Int) -> Int? {
            let letters = LabelMatcher.letters(rows[row].label)
            return letters.isEmpty ? nil : headers.firstIndex { $0.contains(letters) }
        }
        let before = match.labelRows.filter { $0 < match.streamRow }.compactMap(header)
        guard before.count <= 1 else { return nil }
        var slots = [Token?](repeating: nil, count: columns.count)
        var named = Set(before)
        func place(_ values: [Token], from column: Int) -> Bool {
            guard !values.isEmpty, column + values.count <= columns.count,
                slots[column..<(column + values.count)].allSatisfy({ $0 == nil }) else { return false }
            for (offset, value) in values.enumerated() { slots[column + offset] = value }
            return true
        }
        guard place(own, from: before.first ?? 0) else { return nil }
        var used: [Int] = []
        var next = match.streamRow + 1
        while next < rows.count, rows[next].isLine, let column = header(next), !named.contains(column) {
            named.insert(column)
            used.append(next)
            // The header's values stand beside it or on the next line; a header with another
            // after it may head values printed after them all.
            var values = rows[next].tail.filter(\.isValue)
            if values.isEmpty, next + 1 < rows.count, rows[next + 1].isLine,
                LabelMatcher.letters(rows[next + 1].label).isEmpty
            {
                next += 1
                used.append(next)
                values = rows[next].tail.filter(\.isValue)
            }
            guard place(values, from: column) else { return nil }
            next += 1
        }
        let tail = slots.compactMap { $0 }
        guard !used.isEmpty, tail.count == columns.count else { return nil }
        return (tail, used)
    }

    /// The values of a matched row short of its `columns`, continued on the rows right after
    /// it that hold values and no label, none of them `taken` by another row: an OCR that read
    /// a tall row's cells a few at a time (`232  5`, then `0  1  8  0`, then `246` under
    /// `一、本年新收政府信息公开申请数量`). Nil unless together they give exactly one value per
    /// column and the row's own arithmetic (`check`) holds with them; `rows` are the rows it
    /// read after the match.
    static func continuedTail(of match: RowAligner.Match, in rows: [StreamRow], columns: Int,
                              check: (([Double?]) -> Bool?)?, taken: Set<Int>) -> (tail: [Token], rows: [Int])?
    {
        var tail = rows[match.streamRow].tail.filter(\.isValue)
        guard let check, !tail.isEmpty, tail.count < columns else { return nil }
        var used: [Int] = []
        var next = match.streamRow + 1
        while tail.count < columns, next < rows.count, !taken.contains(next), !rows[next].hasText,
            rows[next].printedValueCount > 0
        {
            tail += rows[next].tail.filter(\.isValue)
            used.append(next)
            next += 1
        }
        guard !used.isEmpty, tail.count == columns,
            check(tail.map { NumberReader.reading(of: $0.raw)?.value }) == true
        else { return nil }
        return (tail, used)
    }

    /// The optional columns whose headers stand nowhere in the region: the form has none.
    static func unprintedColumns(of table: TableTemplate, in rows: [StreamRow]) -> Set<String> {
        let headers = rows.map(\.label)
        return Set(table.columns.filter { $0.optional == true && !LabelMatcher.stands($0.labels, in: headers) }.map(\.key))
    }

}
