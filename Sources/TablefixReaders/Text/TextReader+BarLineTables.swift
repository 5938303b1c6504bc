import TablefixModel

extension TextReader {
    /// A table written one cell per line behind bars, starting at `start` (markdownify
    /// 0.7.4 on cells holding paragraphs): `| label` opens a row, ` | value` is each further
    /// cell (` | ` with nothing after it an empty cell), a bare ` |` closes the row, blank
    /// lines between, and a line without a bar continues the cell above it (its next
    /// paragraph: `本年新` then `制作数量`). Rules (`| --- |`) are skipped; the cells a
    /// merge covered, which markdownify drops, are put back. Needs two rows.
    func barLineTable(_ lines: [Substring], from start: Int) -> (Grid, end: Int)? {
        guard Self.opensBarLineRow(lines[start]) || Self.isBarRule(lines[start]) else { return nil }
        var rows: [[Cell]] = []
        var row: [Cell] = []
        var end = start
        var index = start
        func close() {
            if !row.isEmpty { rows.append(row) }
            row = []
        }
        while index < lines.count {
            let line = lines[index]
            if line.trimmingSpaces.isEmpty {
                index += 1
                continue
            }
            if line == " |" {
                close()
            } else if line.hasPrefix(" | ") {
                guard !row.isEmpty else { break }
                row.append(Cell(String(line.dropFirst(3)), line: index + 1))
            } else if Self.isBarRule(line) {
                close()
            } else if Self.opensBarLineRow(line) {
                close()
                row = [Cell(String(line.dropFirst(2)), line: index + 1)]
            } else if !row.isEmpty, !line.contains("|") {
                row[row.count - 1].text += String(line)
            } else {
                break
            }
            end = index
            index += 1
        }
        close()
        guard rows.count >= 2 else { return nil }
        return (Grid(rows: Self.restoringCoveredCells(rows, columns: 0)), end)
    }

    /// `| 规章`: a row's first cell alone on its line, no closing bar.
    static func opensBarLineRow(_ line: Substring) -> Bool {
        line.utf8.first == UInt8(ascii: "|") && line.hasPrefix("| ") && !line.dropFirst(2).contains("|") && !line.dropFirst(2).trimmingSpaces.isEmpty
    }

    /// `| --- |` or `| --- | --- |`: a markdown rule.
    static func isBarRule(_ line: Substring) -> Bool {
        line.utf8.first == UInt8(ascii: "|") && line.hasPrefix("|") && line.contains("---") && line.allSatisfy { $0 == "|" || $0 == "-" || $0 == " " || $0 == ":" }
    }
}
