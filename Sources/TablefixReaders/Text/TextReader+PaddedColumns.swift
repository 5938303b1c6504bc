import TablefixModel

extension TextReader {
    /// The columns of a table laid out by a renderer that pads every cell to its column's
    /// width and every line to its last cell (inscriptis: each cell in the column of its
    /// index in the row, the column as wide as its widest cell, two spaces between columns).
    /// A column reaches from its widest cell's start to that cell's end, whatever the
    /// alignment of the others; a column empty in every row has no width, two more spaces
    /// between its neighbours. So a row's blanks are known wherever it prints nothing,
    /// between its cells and up to its line's end, though no row prints in some column.
    struct PaddedColumns {
        /// The columns in order, each from its first place to past its last (an empty
        /// column: an empty range).
        let columns: [Range<Int>]

        /// How many lines a table's block may have on either side of its rows.
        static let reach = 400

        /// The columns of `block`, the lines of one table (a renderer setting tables apart
        /// by an empty line); nil unless they are laid out so: each line ends where a column
        /// does, the gaps between columns are even (two spaces and two more for each empty
        /// column, as past the last column a row prints in), three columns at least.
        init?(block: ArraySlice<Substring>) {
            var spans: [CellSpan] = []
            for line in block {
                guard let cells = TextReader.spansOfCells(TextReader.headingCells(line)) else { return nil }
                spans += cells
            }
            spans.sort { $0.start < $1.start }
            // Cells closer than a column gap (two spaces) stand in one column.
            var boxes: [Range<Int>] = []
            for span in spans {
                if let last = boxes.last, span.start < last.upperBound + 2 {
                    boxes[boxes.count - 1] = last.lowerBound..<max(last.upperBound, span.end)
                } else {
                    boxes.append(span.start..<span.end)
                }
            }
            var columns: [Range<Int>] = []
            for (index, box) in boxes.enumerated() {
                if let previous = index > 0 ? boxes[index - 1] : nil {
                    let gap = box.lowerBound - previous.upperBound
                    guard gap.isMultiple(of: 2) else { return nil }
                    columns += stride(from: previous.upperBound + 2, to: box.lowerBound - 1, by: 2).map { $0..<$0 }
                }
                columns.append(box)
            }
            // Columns empty in every row after the last one a row prints in: as many as the
            // longest line reaches past it.
            let lengths = block.map(\.unicodeScalars.count)
            if let last = columns.last?.upperBound, let longest = lengths.max(), longest > last {
                guard (longest - last).isMultiple(of: 2) else { return nil }
                columns += stride(from: last + 2, through: longest, by: 2).map { $0..<$0 }
            }
            // A line of the margin alone (after the table) ends nowhere.
            let ends = Set(columns.map(\.upperBound))
            guard columns.count >= 3, zip(block, lengths).allSatisfy({ line, length in
                ends.contains(length) || length <= columns[0].lowerBound && line.trimmingSpaces.isEmpty
            }) else { return nil }
            self.columns = columns
        }

        /// The block of lines around lines `first...last` of `lines`: up to an empty line
        /// either way, nil when further than ``reach`` lines.
        static func block(around first: Int, through last: Int, in lines: [Substring]) -> ClosedRange<Int>? {
            var start = first
            while start > 0, !lines[start - 1].isEmpty {
                guard first - start < reach else { return nil }
                start -= 1
            }
            var end = last
            while end + 1 < lines.count, !lines[end + 1].isEmpty {
                guard end - last < reach else { return nil }
                end += 1
            }
            return start...end
        }

        /// `row`, its cells at `spans` of a line `length` scalars long, with a blank marked
        /// ``Cell/isBlankByPosition`` in each column up to the line's end that it has no cell
        /// in, from its first cell's (a label's) or the first column (a row of values only,
        /// `valuesOnly`: the table has no column of labels); nil when a cell stands in no column
        /// or two in one.
        func placing(_ row: [Cell], spans: [CellSpan], length: Int, valuesOnly: Bool) -> [Cell]? {
            var slots: [Int] = []
            for span in spans {
                guard let column = columns.firstIndex(where: { $0.lowerBound <= span.start && span.end <= $0.upperBound }),
                    column > slots.last ?? -1
                else { return nil }
                slots.append(column)
            }
            guard let firstCell = slots.first, let last = columns.lastIndex(where: { $0.upperBound == length }),
                last >= slots[slots.count - 1]
            else { return nil }
            let first = valuesOnly ? 0 : firstCell
            return TextReader.placing(row, in: slots.map { $0 - first }, of: last - first + 1)
        }
    }
}
