import TablefixModel

extension TextReader {
    /// A table whose cells are separated by tabs, starting at `start`; nil when the tab
    /// lines there do not form one (a single tab line is not a table).
    ///
    /// Two layouts are told apart: a row per line, and a cell per line behind a tab with
    /// blank lines between rows. In the second, a line without a tab continues the cell
    /// above it (a cell the extractor wrapped), even across a blank line.
    func tabTable(_ lines: [Substring], from start: Int) -> (Grid, end: Int)? {
        let end = tabRegionEnd(lines, from: start)
        let region = start...end
        let tabLines = region.filter { lines[$0].includes("\t") }
        guard tabLines.count >= 2 else { return nil }
        let cellPerLine = tabLines.filter { Self.isSingleCellLine(lines[$0]) }.count * 10 >= tabLines.count * 8
            && region.contains { lines[$0].trimmingSpaces.isEmpty }
        let rows = cellPerLine ? cellPerLineRows(lines, region) : rowPerLineRows(lines, region)
        return (Grid(rows: rows), end)
    }

    /// `\tcell` with nothing else: one leading tab and no other.
    static func isSingleCellLine(_ line: Substring) -> Bool {
        line.first == "\t" && !line.dropFirst().contains("\t")
    }

    /// The last line of the tab region starting at `start`: tab lines, blank lines between
    /// them, and tab-less lines wedged between tab lines (wrapped cells).
    func tabRegionEnd(_ lines: [Substring], from start: Int) -> Int {
        var end = start
        var index = start + 1
        while index < lines.count {
            let line = lines[index]
            if line.includes("\t") {
                end = index
                index += 1
                continue
            }
            // A blank or tab-less line belongs to the region only if a tab line follows
            // soon: wrapped cells are short, paragraphs are not.
            guard let next = nextTabLine(lines, after: index, within: 3) else { break }
            let wedged = (index..<next).allSatisfy { line in
                let text = lines[line].trimmingSpaces
                return text.isEmpty || (text.count <= 30 && !LineRole.isHeading(text) && TextReader.imageName(text) == nil)
            }
            guard wedged else { break }
            end = next
            index = next + 1
        }
        return end
    }

    private func nextTabLine(_ lines: [Substring], after index: Int, within distance: Int) -> Int? {
        var probe = index
        while probe < lines.count, probe <= index + distance {
            if lines[probe].includes("\t") { return probe }
            probe += 1
        }
        return nil
    }

    func rowPerLineRows(_ lines: [Substring], _ region: ClosedRange<Int>) -> [[Cell]] {
        var rows: [[Cell]] = []
        for index in region {
            let line = lines[index]
            if line.trimmingSpaces.isEmpty { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { Cell(String($0), line: index + 1) }
            if !line.contains("\t"), !rows.isEmpty {
                // A wrapped cell: it continues the last non-empty cell of the row above.
                var last = rows.removeLast()
                if let cell = last.lastIndex(where: { !$0.text.trimmingSpaces.isEmpty }) {
                    last[cell].text += String(line)
                }
                rows.append(last)
                continue
            }
            rows.append(cells)
        }
        return rows
    }

    func cellPerLineRows(_ lines: [Substring], _ region: ClosedRange<Int>) -> [[Cell]] {
        var rows: [[Cell]] = []
        var row: [Cell] = []
        var sawBlank = false
        for index in region {
            let line = lines[index]
            if line.trimmingSpaces.isEmpty {
                sawBlank = true
                continue
            }
            if line.contains("\t") {
                if sawBlank, !row.isEmpty {
                    rows.append(row)
                    row = []
                }
                sawBlank = false
                for piece in line.dropFirst().split(separator: "\t", omittingEmptySubsequences: false) {
                    row.append(Cell(String(piece), line: index + 1))
                }
            } else if !row.isEmpty {
                row[row.count - 1].text += String(line)
                sawBlank = false
            } else if var previous = rows.popLast(), !previous.isEmpty {
                previous[previous.count - 1].text += String(line)
                rows.append(previous)
            }
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }
}
