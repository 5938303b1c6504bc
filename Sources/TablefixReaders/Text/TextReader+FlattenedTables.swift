import TablefixModel

extension TextReader {
    /// The blocks of a line that holds whole markdown tables run together with text, or nil
    /// for any other line.
    ///
    /// markitdown writes a layout table around an article as one pipe row whose single cell
    /// holds the article with its line breaks turned into spaces: every inner table then
    /// stands on that line, `| a | b | | --- | --- | | c | d |`, between the paragraphs. Each
    /// table is found by its rule (`| --- | --- |`, as many cells as the table has columns)
    /// and the header row before it; its rows are the cells after the rule, one space
    /// between two rows, a row cut short where markitdown dropped a cell a merge covered.
    /// The text between tables (set off by two spaces or more) is paragraphs.
    static func flattenedTableBlocks(_ line: Substring, number: Int) -> [Block]? {
        guard holdsFlattenedTables(line) else { return nil }
        let tokens = line.split(separator: "|", omittingEmptySubsequences: false)
        let tables = flattenedTables(tokens)
        guard !tables.isEmpty else { return nil }
        var blocks: [Block] = []
        var textStart = 0
        for table in tables {
            blocks += paragraphs(tokens[textStart..<table.start].joined(separator: "|"), number: number)
            let cells = table.rows.map { row in row.map { Cell(String($0).trimmingSpaces, line: number) } }
            let rows = restoringCoveredCells(cells, columns: table.columns)
            blocks.append(Block(.table(Grid(rows: rows)), lines: number...number))
            textStart = table.end
        }
        blocks += paragraphs(tokens[textStart...].joined(separator: "|"), number: number)
        return blocks
    }

    /// Whether `line` may hold tables run together with text: a long line with a rule in it.
    static func holdsFlattenedTables(_ line: Substring) -> Bool {
        // By bytes first (the rule's characters are ASCII, each only ever its own scalar): most
        // long lines hold no rule, and are not walked character by character.
        line.utf8.count > 200 && line.containsText("| --- |") && !line.dropFirst(200).isEmpty && line.contains("| --- |")
    }

    /// The tables among the `|`-separated pieces of a line: for each, the first piece of its
    /// header, the piece after its last row, and its rows (an empty header row left out).
    static func flattenedTables(_ tokens: [Substring]) -> [(start: Int, end: Int, columns: Int, rows: [[Substring]])] {
        let isRule = { (token: Substring) in
            let text = token.trimmingSpaces
            return text.count >= 3 && text.allSatisfy { $0 == "-" || $0 == ":" }
        }
        // Each rule: its pieces, and the header's first piece (a space before the rule).
        var rules: [(header: Int, rule: Range<Int>)] = []
        var index = 0
        while index < tokens.count {
            guard isRule(tokens[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < tokens.count, isRule(tokens[end]) { end += 1 }
            let header = index - 1 - (end - index)
            if header >= 1, tokens[index - 1].trimmingSpaces.isEmpty { rules.append((header, index..<end)) }
            index = end
        }
        var tables: [(start: Int, end: Int, columns: Int, rows: [[Substring]])] = []
        for (number, (header, rule)) in rules.enumerated() {
            let limit = number + 1 < rules.count ? rules[number + 1].header : tokens.count
            // The rows run until the text after the table, which stands apart by two spaces.
            var end = rule.upperBound + 1
            while end < limit, !isText(tokens[end]) { end += 1 }
            let headerRow = Array(tokens[header..<(rule.lowerBound - 1)])
            let body = rowsOfFlattenedTable(Array(tokens[min(rule.upperBound + 1, end)..<end]), columns: rule.count)
            let headerIsEmpty = headerRow.allSatisfy { $0.trimmingSpaces.isEmpty }
            tables.append((header, end, rule.count, (headerIsEmpty ? [] : [headerRow]) + body))
        }
        return tables
    }

    /// A piece of text rather than a cell: markitdown pads a cell with one space each side,
    /// the paragraphs around a table with two or more.
    static func isText(_ token: Substring) -> Bool {
        !token.trimmingSpaces.isEmpty && (token.hasPrefix("  ") || token.hasSuffix("  "))
    }

    /// The rows of a table's cells run together, one blank piece between two rows: the
    /// split that gives rows of `columns` cells where it can, shorter rows (a covered cell
    /// dropped) where it must, and never puts a label after a number in a row.
    static func rowsOfFlattenedTable(_ cells: [Substring], columns: Int) -> [[Substring]] {
        guard !cells.isEmpty, columns > 0 else { return [] }
        let count = cells.count
        // best[p]: the best score of splitting cells[p...] into rows, and the first row's width.
        var best = [(score: Int, width: Int)?](repeating: nil, count: count + 2)
        best[count] = (0, 0)
        best[count + 1] = (0, 0)
        for start in stride(from: count - 1, through: 0, by: -1) {
            for width in 1...columns where start + width <= count {
                let next = start + width
                guard next == count || cells[next].trimmingSpaces.isEmpty, let rest = best[min(next + 1, count)] else {
                    continue
                }
                let score = rest.score + rowScore(cells[start..<next], columns: columns)
                if best[start].map({ score > $0.score }) ?? true { best[start] = (score, width) }
            }
        }
        var rows: [[Substring]] = []
        var start = 0
        while start < count, let choice = best[start], choice.width > 0 {
            rows.append(Array(cells[start..<(start + choice.width)]))
            start += choice.width + 1
        }
        return rows
    }

    /// How well `row` looks like a table row: full width, opening with a label, no label
    /// after a number; each row costs a point, so that rows are not cut where a row's own
    /// empty cell could end them.
    static func rowScore(_ row: ArraySlice<Substring>, columns: Int) -> Int {
        var score = row.count == columns ? 2 : -1
        let texts = row.map { $0.trimmingSpaces }
        if let first = texts.first, !first.isEmpty { score += isValueCell(first) ? -3 : 1 }
        if let number = texts.firstIndex(where: { isValueCell($0) }),
            texts[number...].contains(where: { !$0.isEmpty && !isValueCell($0) })
        {
            score -= 4
        }
        return score
    }

    /// The paragraphs of a run of text: the pieces between runs of two spaces or more.
    static func paragraphs(_ text: String, number: Int) -> [Block] {
        splitOnSpaceRuns(text).compactMap { piece in
            let trimmed = piece.drop { $0 == "|" || $0 == " " }.reversed().drop { $0 == "|" || $0 == " " }.reversed()
            return trimmed.isEmpty ? nil : textBlock(Substring(String(trimmed)), number: number)
        }
    }
}
