import TablefixModel

extension TextReader {
    /// A pipe table's rule without the outer bars, `---|---` (html2text), or `---` under a
    /// first row of one cell: the rows of such a table have no outer bars either.
    static func isBarePipeRule(_ line: Substring) -> Bool {
        guard line.holdsByte(UInt8(ascii: "-")) else { return false }
        let text = line.trimmingSpaces
        return text.contains("---") && text.first != "|"
            && text.allSatisfy { $0 == "-" || $0 == "|" || $0 == ":" || $0 == " " }
    }

    /// Whether a table of bare pipe rows (html2text) starts at `start`: a row, its rule, and
    /// a row with a bar in it after the rule (a first row of one cell has none).
    static func opensBarePipeTable(_ lines: [Substring], at start: Int) -> Bool {
        guard start + 2 < lines.count, !lines[start].trimmingSpaces.isEmpty, isBarePipeRule(lines[start + 1]) else {
            return false
        }
        return lines[start].includes("|") || (lines[start + 1].includes("|") || lines[start + 2].includes("|"))
    }

    /// A row of one cell among bare pipe rows (`第二十条第（五）项` over its sub-table): a short
    /// line without a bar, not a sentence, with a bare pipe row right after it.
    static func isOneCellRow(_ lines: [Substring], at index: Int) -> Bool {
        let text = lines[index].trimmingSpaces
        guard !text.isEmpty, text.count <= 60, !LineRole.isSentence(text), index + 1 < lines.count else { return false }
        return lines[index + 1].contains("|") || isBarePipeRule(lines[index + 1])
    }

    /// The cells of a pipe row without outer bars (`一、本年新收…| 15| 2|  | 1`), every
    /// piece a cell, an empty one included.
    static func barePipeCells(_ line: Substring) -> [String] {
        line.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
    }

    /// The rows of a pipe table with the cells a converter dropped put back as empty cells.
    ///
    /// markitdown, html2text and pandoc write a cell that a merge from the row above covers
    /// as nothing at all, so such a row is short and its cells sit left of their columns. A
    /// short row whose cells after its label are as many as those of a full row (values or
    /// empty cells only) lost cells before its label: empty cells are put there. Other short
    /// rows (a merged value cell, a header row) stay as they are.
    static func restoringCoveredCells(_ rows: [[Cell]], columns: Int) -> [[Cell]] {
        let width = max(columns, rows.map(\.count).max() ?? 0)
        let fullTails = Set(rows.filter { $0.count == width }.compactMap(valueTailCount))
        return rows.map { row in
            guard row.count < width, let tail = valueTailCount(row), fullTails.contains(tail) else { return row }
            let line = row.first?.line ?? 0
            return Array(repeating: Cell("", line: line), count: width - row.count) + row
        }
    }

    /// How many cells follow a row's last label when they are all values or empty and at
    /// least one is a value; nil for a header row or a row without a label.
    static func valueTailCount(_ row: [Cell]) -> Int? {
        let texts = row.map { cell in
            let text = cell.text.trimmingSpaces
            // Most cells hold no `**`: their bytes say so.
            return text.containsText("**") ? text.replacing("**", with: "") : text
        }
        guard let label = texts.lastIndex(where: { !$0.isEmpty && !isValueCell($0) }) else { return nil }
        let tail = texts[(label + 1)...]
        guard tail.contains(where: isValueCell) || tail.allSatisfy(\.isEmpty), !tail.isEmpty else { return nil }
        return tail.count
    }
}
