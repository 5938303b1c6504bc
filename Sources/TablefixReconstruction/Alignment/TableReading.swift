import TablefixModel

/// The cells of one canonical table read from the rows of its region, before arithmetic.
struct TableReading {
    var cells: [ExtractedCell]
    /// The region rows the values came from.
    var rows: [Int]

    /// A table laid out as labelled rows: align rows by label, then read each row's values.
    static func rows(_ table: TableTemplate, rows: [StreamRow], strict: Bool) -> TableReading? {
        let groups = Array(Set(table.rows.compactMap(\.group)))
        let aligner = RowAligner(matcher: LabelMatcher(noise: groups))
        let matches = aligner.align(rows, to: table.rows)
        let needed = strict ? max(2, table.rows.count / 3) : 1
        guard matches.count >= needed else { return nil }
        let arithmetic = Arithmetic(table: table)
        var cells: [ExtractedCell] = []
        var shortRows: [ShortRowPlacement.Row] = []
        var splitRows: [SplitChoice.Row] = []
        for (position, row) in table.rows.enumerated() {
            let keys = row.columns.map { "\(row.key).\($0)" }
            guard let match = matches.first(where: { $0.templateRow == position }) else {
                cells += keys.map { key in cell(key, .missing("row not found"), labelScore: 1) }
                continue
            }
            let assigner = ValueAssigner(columns: keys.count, decimal: row.decimal ?? false,
                                         check: arithmetic.check(forKeys: keys))
            let tail = rows[match.streamRow].tail
            let readings = assigner.readings(for: tail)
            cells += zip(keys, readings).map { key, reading in cell(key, reading, labelScore: match.score) }
            if readings.contains(where: { $0.rule == ValueAssigner.shortRow }) {
                shortRows.append(ShortRowPlacement.Row(keys: keys, values: tail.filter(\.isValue), decimal: row.decimal ?? false))
            }
            if readings.first?.rule == "split-digits", let splits = assigner.alternativeSplits(for: tail) {
                splitRows.append(SplitChoice.Row(keys: keys, splits: splits))
            }
        }
        ShortRowPlacement(arithmetic: arithmetic).place(shortRows, in: &cells)
        SplitChoice(arithmetic: arithmetic).choose(splitRows, in: &cells)
        return TableReading(cells: cells, rows: matches.flatMap { Array($0.labelRows) })
    }

    /// A table of one row of numbers under column headers: the first run of rows in the
    /// region whose values, after the header words, make one value per column.
    static func singleRow(_ table: TableTemplate, rows: [StreamRow]) -> TableReading? {
        let keys = table.keys
        var best: (tokens: [Token], rows: [Int])?
        func valueCount(_ tokens: [Token]) -> Int { tokens.filter(\.isValue).count }
        var index = 0
        while index < rows.count {
            guard rows[index].printedValueCount > 0 else {
                index += 1
                continue
            }
            // A row of numbers keeps all its values, OCR debris between them set aside.
            func values(_ row: StreamRow) -> [Token] { isNumberRow(row) ? row.tokens.filter(\.isValue) : row.tail }
            var tokens = values(rows[index])
            var used = [index]
            var next = index + 1
            while next < rows.count, valueCount(tokens) < keys.count, isNumberRow(rows[next]) {
                tokens += values(rows[next])
                used.append(next)
                next += 1
            }
            let count = valueCount(tokens)
            if count == keys.count {
                best = (tokens, used)
                break
            }
            if best.map({ abs(count - keys.count) < abs(valueCount($0.tokens) - keys.count) }) ?? true {
                best = (tokens, used)
            }
            index = next
        }
        // A crawler's run of digits (`411280000010113` for a row of fifteen) may hold them all.
        func capacity(_ tokens: [Token]) -> Int {
            tokens.filter(\.isValue).reduce(0) { $0 + ($1.raw.allSatisfy { $0.isASCII && $0.isNumber } ? $1.raw.count : 1) }
        }
        guard let best, valueCount(best.tokens) >= max(1, keys.count / 2) || capacity(best.tokens) >= keys.count
        else { return nil }
        let assigner = ValueAssigner(columns: keys.count, decimal: false,
                                     check: Arithmetic(table: table).check(forKeys: keys))
        let readings = assigner.readings(for: best.tokens)
        let cells = zip(keys, readings).map { key, reading in cell(key, reading, labelScore: 1) }
        return TableReading(cells: cells, rows: best.rows)
    }

    /// A row of values with no label to speak of.
    static func isNumberRow(_ row: StreamRow) -> Bool {
        row.printedValueCount > 0 && LabelMatcher.letters(row.label).count <= 2
    }

    static func cell(_ key: String, _ reading: CellReading, labelScore: Double) -> ExtractedCell {
        var confidence = reading.confidence
        if labelScore < 0.7 { confidence *= 0.95 }
        return ExtractedCell(key: key, value: reading.value, raw: reading.raw, confidence: confidence,
                             why: reading.why, rule: reading.rule, line: reading.line)
    }
}

extension Token {
    var isValue: Bool { kind == .number || kind == .placeholder }
}
