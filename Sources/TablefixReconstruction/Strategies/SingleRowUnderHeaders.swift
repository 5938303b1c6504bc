import TablefixModel

/// Reads a table of one row of numbers under column headers: the first run of rows in the
/// region whose values, after the header words, make one value per column.
///
/// pdftotext prints each column group's header cells before the group's values, and a
/// blank cell as nothing: when the values stand in as many runs as the table has column
/// groups, each no longer than its group, each run is read into its own group. A table
/// whose every group header is printed is read even from a few values (a sparse table's
/// blanks left out), its cells then at a short row's confidence.
struct SingleRowUnderHeaders: ReadingStrategy {
    func candidates(for prepared: PreparedTable, in region: TableRegion, budget: SearchBudget) -> [ReadingCandidate] {
        let table = prepared.table
        guard table.layout == .singleRow else { return [] }
        let rows = region.rows
        let keys = table.keys
        var best: (tokens: [Token], rows: [Int], runs: [[Token]])?
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
            var runs = [tokens]
            var next = index + 1
            // The row's values may stand in runs between its header words (pdftotext
            // prints each group's header cells before the group's values).
            while next < rows.count, valueCount(tokens) < keys.count {
                if Self.isNumberRow(rows[next]) {
                    let more = values(rows[next])
                    tokens += more
                    if used.last == next - 1 { runs[runs.count - 1] += more } else { runs.append(more) }
                    used.append(next)
                } else if !Self.isHeaderWords(rows[next], of: prepared) {
                    break
                }
                next += 1
            }
            let count = valueCount(tokens)
            if count == keys.count {
                best = (tokens, used, runs)
                break
            }
            if best.map({ abs(count - keys.count) < abs(valueCount($0.tokens) - keys.count) }) ?? true {
                best = (tokens, used, runs)
            }
            index = next
        }
        // A publisher that leaves every cell blank for zero prints a grid row of blank cells
        // only: the row, when it has one cell per column right under a row of the columns'
        // headers.
        if best == nil, let blank = rows.indices.dropFirst().first(where: { index in
            Self.isBlankRow(rows[index], cells: keys.count) && Self.headsColumns(rows[index - 1], of: table)
        }) {
            best = (rows[blank].tokens, [blank], [rows[blank].tokens])
        }
        // A crawler's run of digits (`411280000010113` for a row of fifteen) may hold them all,
        // or all but the groups' totals, left blank (`101000000000`).
        func capacity(_ tokens: [Token]) -> Int {
            tokens.filter(\.isValue).reduce(0) { $0 + ($1.raw.allSatisfy { $0.isASCII && $0.isNumber } ? $1.raw.count : 1) }
        }
        guard let best,
            valueCount(best.tokens) >= max(1, keys.count / 2) || capacity(best.tokens) >= keys.count - prepared.arithmetic.totals(forKeys: keys).count
                || Self.printsGroupHeaders(rows, of: prepared)
        else { return [] }
        func unit(_ range: Range<Int>, _ tokens: [Token]) -> ReadingUnit {
            let keys = Array(keys[range])
            return RowValues(keys: keys, decimal: false, units: table.columns[range].map(\.unit),
                             check: prepared.arithmetic.check(forKeys: keys),
                             totals: prepared.arithmetic.totals(forKeys: keys), budget: budget)
                .unit(for: tokens)
        }
        let groups = Self.groups(of: table)
        let fromLines = best.rows.allSatisfy { rows[$0].isLine }
        let units = fromLines && Self.runsFitGroups(best.runs.map(valueCount), groups)
            ? zip(groups, best.runs).map(unit)
            : [unit(keys.indices, best.tokens)]
        return [ReadingCandidate(strategy: .singleRow, units: units, rows: best.rows,
                                 fromGrid: best.rows.allSatisfy { !rows[$0].isLine })]
    }

    /// The column ranges of the table's header groups, in order (one range for a table
    /// without groups).
    static func groups(of table: TableTemplate) -> [Range<Int>] {
        var groups: [Range<Int>] = []
        for (index, column) in table.columns.enumerated() {
            if let last = groups.last, index > 0, table.columns[index - 1].group == column.group {
                groups[groups.count - 1] = last.lowerBound..<(index + 1)
            } else {
                groups.append(index..<(index + 1))
            }
        }
        return groups
    }

    /// Whether runs of values of `counts` are the column groups' own: one run per group,
    /// each no longer than its group, some shorter (a run that fills the whole row needs
    /// no groups).
    static func runsFitGroups(_ counts: [Int], _ groups: [Range<Int>]) -> Bool {
        groups.count > 1 && counts.count == groups.count
            && zip(counts, groups).allSatisfy { $0 <= $1.count }
            && zip(counts, groups).contains { $0 < $1.count }
    }

    /// Whether every column group's header stands in `rows` on a line of its own, or first
    /// or last on a line of header words without values (an OCR or `-layout` prints the
    /// headers of a row side by side, `未经复议直接起诉        复议后起诉`, perhaps with the
    /// values on the next line, which the row then holds): the table is printed, however few
    /// values it holds.
    static func printsGroupHeaders(_ rows: [StreamRow], of prepared: PreparedTable) -> Bool {
        let headers = Set(prepared.table.columns.compactMap(\.group)).map(LabelMatcher.letters)
        guard !headers.isEmpty else { return false }
        // The letters of each row's words on lines without values.
        let headerLines = rows.map { row in
            let valueLines = Set(row.tokens.filter(\.isValue).map(\.line))
            return LabelMatcher.letters(row.tokens.filter { $0.kind == .text && !valueLines.contains($0.line) }
                .map(\.raw).joined())
        }
        return headers.allSatisfy { header in
            headerLines.contains { letters in
                letters.count <= header.count + 2 ? LabelMatcher.contains(letters, header)
                    : letters.starts(with: header) || letters.reversed().starts(with: header.reversed())
            }
        }
    }

    /// A row of the table's header words without values: a word or two of a cut header
    /// cell (`结果`, `维持`), or a whole group or column label (`未经复议直接起诉`).
    static func isHeaderWords(_ row: StreamRow, of prepared: PreparedTable) -> Bool {
        guard row.printedValueCount == 0 else { return false }
        let letters = LabelMatcher.letters(row.label)
        return letters.count <= 2 || prepared.longLabels.contains(letters)
    }

    /// Whether `row` is a grid row of header words without values, a third of them at
    /// least the table's column labels (`结果维持 结果纠正 … 总计`).
    static func headsColumns(_ row: StreamRow, of table: TableTemplate) -> Bool {
        guard !row.isLine, row.printedValueCount == 0 else { return false }
        let labels = Set(table.columns.flatMap(\.labels).map(LabelMatcher.letters))
        let headers = row.tokens.filter { $0.kind == .text && labels.contains(LabelMatcher.letters($0.raw)) }
        return headers.count * 3 >= table.columns.count
    }

    /// A grid row of `cells` blank cells and nothing else.
    static func isBlankRow(_ row: StreamRow, cells: Int) -> Bool {
        !row.isLine && row.tokens.count == cells && row.tokens.allSatisfy { $0.kind == .blank }
    }

    /// A row of values with no label to speak of.
    static func isNumberRow(_ row: StreamRow) -> Bool {
        row.printedValueCount > 0 && LabelMatcher.letters(row.label).count <= 2
    }
}
