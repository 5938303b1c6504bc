import TablefixModel

/// Reads a table of one row of numbers under column headers: the first run of rows in the
/// region whose values, after the header words, make one value per column.
struct SingleRowUnderHeaders: ReadingStrategy {
    func candidates(for prepared: PreparedTable, in region: TableRegion, budget: SearchBudget) -> [ReadingCandidate] {
        let table = prepared.table
        guard table.layout == .singleRow else { return [] }
        let rows = region.rows
        let keys = table.keys
        var best: (tokens: [Token], rows: [Int])?
        // A grid row's blank cells are cells too; a line's blanks are nothing.
        func valueCount(_ tokens: [Token]) -> Int { tokens.filter { $0.isValue || $0.kind == .blank }.count }
        var index = 0
        while index < rows.count {
            guard rows[index].printedValueCount > 0 else {
                index += 1
                continue
            }
            // A line of numbers keeps all its values, OCR debris between them set aside; a
            // grid row keeps its blank cells in their places.
            func values(_ row: StreamRow) -> [Token] {
                guard Self.isNumberRow(row) else { return row.tail }
                return row.tokens.filter { $0.isValue || (!row.isLine && $0.kind == .blank) }
            }
            var tokens = values(rows[index])
            var used = [index]
            var next = index + 1
            // The row's values may stand in runs between its header words (pdftotext
            // prints each group's header cells before the group's values).
            while next < rows.count, valueCount(tokens) < keys.count {
                if Self.isNumberRow(rows[next]) {
                    tokens += values(rows[next])
                    used.append(next)
                } else if !Self.isHeaderWords(rows[next], of: prepared) {
                    break
                }
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
        else { return [] }
        let unit = RowValues(keys: keys, decimal: false, units: table.columns.map(\.unit),
                             check: prepared.arithmetic.check(forKeys: keys),
                             totals: prepared.arithmetic.totals(forKeys: keys), budget: budget)
            .unit(for: best.tokens)
        return [ReadingCandidate(strategy: .singleRow, units: [unit], rows: best.rows,
                                 fromGrid: best.rows.allSatisfy { !rows[$0].isLine })]
    }

    /// A row of the table's header words without values: a word or two of a cut header
    /// cell (`结果`, `维持`), or a whole group or column label (`未经复议直接起诉`).
    static func isHeaderWords(_ row: StreamRow, of prepared: PreparedTable) -> Bool {
        guard row.printedValueCount == 0 else { return false }
        let letters = LabelMatcher.letters(row.label)
        return letters.count <= 2 || prepared.longLabels.contains(letters)
    }

    /// A row of values with no label to speak of.
    static func isNumberRow(_ row: StreamRow) -> Bool {
        row.printedValueCount > 0 && LabelMatcher.letters(row.label).count <= 2
    }
}
