import TablefixModel

extension TextReader {
    /// A table without tabs starting at `start`: columns aligned with runs of spaces
    /// (`pdftotext -layout`), or rows ending in numbers separated by single spaces (OCR).
    /// Needs two such rows at least; short label lines between them belong to the table (a
    /// few; more when padded to a row's width, ``isPaddedToWidth(_:of:)``), but lines of
    /// column headings after rows of values start another table.
    /// `aligned` keeps each line's cells for the scans that follow.
    func alignedTable(_ lines: [Substring], from start: Int, aligned: inout AlignedLines) -> (Grid, end: Int)? {
        guard let first = aligned.cells(at: start) else { return nil }
        var rows: [[Cell]] = [Self.placedCells(first, of: lines[start], line: start + 1)]
        // The line each row was cut from (nil for a label line between rows).
        var sources: [Substring?] = [lines[start]]
        // The widths in scalars of the table's rows so far.
        var widths: Set<Int> = [lines[start].unicodeScalars.count]
        var end = start
        var pending: [(Int, Substring)] = []
        var index = start + 1
        var tableRows = 1
        // Whether a row so far prints a value.
        var holdsValues = first.contains(where: Self.isNumberToken)
        while index < lines.count {
            let line = lines[index]
            let text = line.trimmingSpaces
            if let cells = aligned.cells(at: index) {
                // Lines of column headings (two or more: a sub-table's one line of headings
                // stays in its table) between rows of values head the next table (the review
                // table's under the requests table's, no section heading between them).
                if holdsValues, pending.count(where: { Self.isHeadingLine($0.1.trimmingSpaces) }) >= 2 { break }
                for (number, fragment) in pending {
                    rows.append([Cell(String(fragment), line: number + 1)])
                    sources.append(nil)
                }
                pending = []
                rows.append(Self.placedCells(cells, of: line, line: index + 1))
                holdsValues = holdsValues || cells.contains(where: Self.isNumberToken)
                sources.append(line)
                widths.insert(line.unicodeScalars.count)
                tableRows += 1
                end = index
            } else if text.isEmpty {
                // Two empty lines at most after the last row or line of labels.
                if index - max(end, pending.last?.0 ?? end) > 2 { break }
            } else if Self.isPaddedToWidth(line, of: widths) && pending.count < 12
                || (text.count <= 30 && !LineRole.opensSection(text) || Self.isRowOfLabels(text))
                && TextReader.imageName(text) == nil && pending.count < 3 && !text.contains("。")
            {
                pending.append((index, line))
            } else {
                break
            }
            index += 1
        }
        let headings = Self.headingLines(above: start, in: lines)
        // One row is a table under its line of headings in a block padded to its columns (a
        // table's one row of values: the review table's).
        guard tableRows >= 2 || !headings.isEmpty else { return nil }
        let padded = aligned.paddedColumns(around: start, through: end)
        guard tableRows >= 2 || padded != nil else { return nil }
        let headingOver = rows.indices.map { row in
            sources[row] == nil ? nil : Self.headingLine(over: rows[row][0].line - 1, in: lines)
        }
        return (Grid(rows: Self.blanksByColumns(rows, cutFrom: sources, padded: padded, headings: headings,
                                                headingOver: headingOver)), end)
    }

    /// The lines of column headings (``isHeadingLine(_:)``) right above a table's first row
    /// (`start`), up to three.
    static func headingLines(above start: Int, in lines: [Substring]) -> [Substring] {
        var headings: [Substring] = []
        var index = start - 1
        while index >= 0, headings.count < 3 {
            let line = lines[index]
            let text = line.trimmingSpaces
            guard !text.isEmpty else {
                index -= 1
                continue
            }
            guard isHeadingLine(text) else { break }
            headings.append(line)
            index -= 1
        }
        return headings
    }

    /// The line of column headings (``isHeadingLine(_:)``) nearest above line `index`, over
    /// lines of one piece and empty lines (a few); nil when another line of pieces apart (a
    /// row) is nearer.
    static func headingLine(over index: Int, in lines: [Substring]) -> Substring? {
        var line = index - 1
        while line >= 0, index - line <= 4 {
            let text = lines[line].trimmingSpaces
            if splitOnSpaceRuns(text).count >= 2 { return isHeadingLine(text) ? lines[line] : nil }
            line -= 1
        }
        return nil
    }

    /// Whether `line` is a row of labels of a grid whose renderer pads every row to the
    /// table's width (inscriptis): as long in scalars as one of the table's rows so far (one
    /// of `widths`), and ending in padding. Such a line is a row, whatever it says.
    static func isPaddedToWidth(_ line: Substring, of widths: Set<Int>) -> Bool {
        let scalars = line.unicodeScalars
        return scalars.reversed().prefix(2).allSatisfy { $0 == " " } && widths.contains(scalars.count)
    }

    /// Whether `text` is a table row of labels only, laid out in columns (`（三）不予公开` and
    /// `1.属于国家秘密` apart, every value blank): two pieces or more, each of a label's length.
    static func isRowOfLabels(_ text: String) -> Bool {
        let pieces = splitOnSpaceRuns(text)
        return pieces.count >= 2 && pieces.allSatisfy { $0.count <= 30 }
    }

    /// The cells of `text`, cut from input line `line` (`source`), each with where it starts
    /// in the line (``Cell/offset``): found in order, the first place after the cell before it.
    static func placedCells(_ texts: [String], of source: Substring, line: Int) -> [Cell] {
        let scalars = Array(source.unicodeScalars)
        var cursor = 0
        return texts.map { text in
            let target = Array(text.unicodeScalars)
            var offset: Int?
            if let first = target.first {
                var probe = cursor
                while probe + target.count <= scalars.count {
                    if scalars[probe] == first, scalars[probe..<(probe + target.count)].elementsEqual(target) {
                        offset = probe
                        cursor = probe + target.count
                        break
                    }
                    probe += 1
                }
            }
            return Cell(text, line: line, offset: offset)
        }
    }

    /// The cells of a table-like line, or nil for running text.
    ///
    /// A line is table-like when runs of two or more spaces split it into pieces of which
    /// at least one is a number, or when it ends in two or more numbers.
    static func alignedCells(_ line: Substring) -> [String]? {
        // Both shapes need a number: a line without a digit is never one.
        guard line.unicodeScalars.contains(where: { (0x30...0x39).contains($0.value) || (0xFF10...0xFF19).contains($0.value) }) else {
            return nil
        }
        let text = line.trimmingSpaces
        guard !text.isEmpty, !text.includes("\t") else { return nil }
        let pieces = splitOnSpaceRuns(text)
        if pieces.count >= 2, pieces.contains(where: isNumberToken), !pieces.contains(where: { $0.count > 60 }) {
            return pieces
        }
        let words = wordsBetweenSpaces(text)
        var trailing = 0
        for word in words.reversed() {
            guard isNumberToken(word) else { break }
            trailing += 1
        }
        guard trailing >= 2 else { return nil }
        let label = words.dropLast(trailing).joined(separator: " ")
        return (label.isEmpty ? [] : [label]) + words.suffix(trailing)
    }

    /// The words of `text` between white space.
    static func wordsBetweenSpaces(_ text: String) -> [String] {
        // By scalars when each is a character of its own; white space among those scalars
        // is what `isSpace` names.
        let scalars = text.unicodeScalars
        guard text.eachScalarIsACharacter else {
            return text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        }
        return scalars.split(whereSeparator: { $0.isSpace }).map { String(Substring($0)) }
    }

    /// Pieces of `text` between runs of two or more spaces (ASCII or full-width).
    static func splitOnSpaceRuns(_ text: String) -> [String] {
        // When each scalar is a character of its own, the pieces are cut at scalars.
        let scalars = text.unicodeScalars
        guard text.eachScalarIsACharacter else { return splitOnSpaceRunsByCharacter(text) }
        var pieces: [String] = []
        var pieceStart = scalars.startIndex
        var run: (start: String.Index, length: Int, wide: Bool)?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\u{3000}" {
                let wide = scalar == "\u{3000}"
                run = run.map { ($0.start, $0.length + 1, $0.wide || wide) } ?? (index, 1, wide)
            } else if let spaces = run {
                // A single ASCII space stays inside the piece.
                if spaces.length >= 2 || spaces.wide {
                    pieces.append(String(scalars[pieceStart..<spaces.start]))
                    pieceStart = index
                }
                run = nil
            }
            scalars.formIndex(after: &index)
        }
        let end = run?.start ?? scalars.endIndex
        if pieceStart < end { pieces.append(String(scalars[pieceStart..<end])) }
        return pieces
    }

    /// ``splitOnSpaceRuns(_:)`` by characters, for text whose scalars combine.
    static func splitOnSpaceRunsByCharacter(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var spaces = ""
        for char in text {
            if char == " " || char == "\u{3000}" {
                spaces.append(char)
                continue
            }
            if !spaces.isEmpty {
                if spaces.count >= 2 || spaces.contains("\u{3000}") {
                    pieces.append(current)
                    current = ""
                } else {
                    current += spaces
                }
                spaces = ""
            }
            current.append(char)
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// Digits with separators or a decimal point, or a dash or slash standing for none, or a
    /// count as a cell prints it, signed or with its unit (`-3`, `－３`, `268件`:
    /// ``NumberGlyphs/isPrintedCount(_:)``).
    static func isNumberToken(_ token: String) -> Bool {
        // At most 16 characters: a long token is not walked to its end.
        guard !token.isEmpty, token.dropFirst(16).isEmpty else { return false }
        if NumberGlyphs.isNoneMark(token) { return true }
        if token.first?.isNumber == true, token.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." || $0 == "，" || $0 == "．" }) {
            return true
        }
        return NumberGlyphs.isPrintedCount(token)
    }
}

/// ``TextReader/alignedCells(_:)`` of each line, worked out when first asked: a scan for a
/// table that finds none leaves the next line to be scanned from, over the same lines, and
/// the cell-per-line tables ask of the same lines first.
struct AlignedLines {
    let lines: [Substring]
    private var known: [[String]??]
    /// The padded columns of each block of lines asked for, by its first line: worked out once
    /// for all the tables of a block.
    private var paddedByBlock: [Int: TextReader.PaddedColumns?] = [:]

    init(_ lines: [Substring]) {
        self.lines = lines
        known = Array(repeating: nil, count: lines.count)
    }

    /// The cells of line `index`, or nil for running text.
    mutating func cells(at index: Int) -> [String]? {
        if let cells = known[index] { return cells }
        let cells = TextReader.alignedCells(lines[index])
        known[index] = .some(cells)
        return cells
    }

    /// The padded columns (``TextReader/PaddedColumns``) of the block of lines around lines
    /// `first...last`, if laid out so.
    mutating func paddedColumns(around first: Int, through last: Int) -> TextReader.PaddedColumns? {
        guard let block = TextReader.PaddedColumns.block(around: first, through: last, in: lines) else { return nil }
        if let known = paddedByBlock[block.lowerBound] { return known }
        let padded = TextReader.PaddedColumns(block: lines[block])
        paddedByBlock[block.lowerBound] = .some(padded)
        return padded
    }
}
