import TablefixModel

extension TextReader {
    /// Characters that draw a table's frame: box-drawing lines (`w3m -dump`, psql) and the
    /// ASCII of markdown and grid tables.
    static let frameCharacters: Set<Character> = Set("─━│┃┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋═║╔╗╚╝╠╣╦╩╬╞╡╪╟╢╫-=+:|")

    /// The scalars of ``frameCharacters``.
    static let frameScalars: Set<Unicode.Scalar> = Set(frameCharacters.flatMap(\.unicodeScalars))

    /// What separates the cells of a framed row.
    static let separators: [Unicode.Scalar] = ["│", "┃", "║", "|"]

    /// The character that separates cells in a framed row, or nil for other lines.
    static func cellSeparator(_ line: Substring) -> Character? {
        // Most lines can neither open nor close with a separator (`mayOpen(with:)`,
        // `mayClose(with:)`): told by their first and last scalars, found once for all four.
        guard let opening = line.unicodeScalars.first(where: { !$0.isSpace }),
            let closing = line.unicodeScalars.last(where: { !$0.isSpace }),
            !opening.standsAlone || !closing.standsAlone || Self.separators.contains(opening)
                || Self.separators.contains(closing)
        else { return nil }
        let text = line.trimmingSpaces
        guard let first = text.first, let last = text.last else { return nil }
        for separator: Character in ["│", "┃", "║", "|"] where first == separator || last == separator {
            if text.filter({ $0 == separator }).count >= 2 { return separator }
        }
        return nil
    }

    /// A line made only of frame characters and spaces: a rule between rows.
    static func isRule(_ line: Substring) -> Bool {
        // Most lines open with a character no frame is drawn with: answered by its scalar.
        guard let first = line.unicodeScalars.first(where: { !$0.isSpace }), !first.standsAlone || frameScalars.contains(first)
        else {
            return false
        }
        // By scalars first: a frame character is one scalar that stands alone, so that a text
        // of such scalars and spaces is one of such characters, and a row fails at its first word.
        let text = line.trimmingSpaces
        return text.unicodeScalars.allSatisfy { frameScalars.contains($0) || $0 == " " } && text.count >= 3
            && text.contains { "─━═-".contains($0) }
    }

    /// A table drawn with a frame starting at `start`: rows of cells between `│` (or `|`),
    /// rules between rows. A row whose cells wrap over several lines (box drawings, grid
    /// tables ruled with `+`) is joined line by line, cell by cell; in a markdown table
    /// every line is a row. Needs two rows at least.
    func boxTable(_ lines: [Substring], from start: Int) -> (Grid, end: Int)? {
        // html2text's pipe tables have no outer bars: a row, then a rule `---|---`.
        let bare = Self.opensBarePipeTable(lines, at: start)
        guard bare || Self.isRule(lines[start]) || Self.cellSeparator(lines[start]) != nil else { return nil }
        var rows: [[Cell]] = []
        // The columns a markdown table's rule shows (`| --- | --- |`), and whether it is one.
        var ruleColumns = 0
        var markdown = bare
        var pending: [Cell] = []
        var end = start
        var index = start
        // A grid table (`+----+----+`, reStructuredText and pandoc) wraps a row's cells over
        // the lines between two rules, as box drawings do; a markdown table does not.
        var gridRules = false
        // html2text ends each row with two spaces (a markdown line break) and wraps a long
        // row after a bar: the rows whose line ends with a bare `|`, where others end so.
        var wrapped: Set<Int> = []
        var breaksMarked = false
        func flush() {
            if !pending.isEmpty { rows.append(pending) }
            pending = []
        }
        while index < lines.count {
            let line = lines[index]
            if Self.holdsFlattenedTables(line) { break }
            if Self.isRule(line) {
                flush()
                if line.trimmingSpaces.first == "+" { gridRules = true }
                if line.contains("|"), !gridRules {
                    markdown = true
                    ruleColumns = max(ruleColumns, line.split(separator: "|").filter { $0.contains("-") }.count)
                    // markitdown writes an empty header row for a table without one.
                    if rows.count == 1, rows[0].allSatisfy({ $0.text.isEmpty }) { rows.removeAll() }
                }
            } else if bare, line.contains("|") || index == start || Self.isOneCellRow(lines, at: index)
                || breaksMarked && wrapped.contains(rows.count - 1) && !line.trimmingSpaces.isEmpty
            {
                rows.append(Self.barePipeCells(line).map { Cell($0, line: index + 1) })
                if line.last == "|" { wrapped.insert(rows.count - 1) }
                if line.hasSuffix("  ") { breaksMarked = true }
            } else if let separator = Self.cellSeparator(line) {
                var pieces = line.trimmingSpaces.split(separator: separator, omittingEmptySubsequences: false)
                    .map { String($0).trimmingSpaces }
                if pieces.first?.isEmpty == true { pieces.removeFirst() }
                if pieces.last?.isEmpty == true { pieces.removeLast() }
                let framed = line.trimmingSpaces.first == separator && line.trimmingSpaces.last == separator
                if !framed || (separator == "|" && !gridRules) {
                    // Markdown and pipe tables: one line, one row.
                    flush()
                    pending = pieces.map { Cell($0, line: index + 1) }
                    flush()
                } else if pending.count == pieces.count {
                    for (column, piece) in pieces.enumerated() where !piece.isEmpty {
                        pending[column].text += piece
                    }
                } else {
                    flush()
                    pending = pieces.map { Cell($0, line: index + 1) }
                }
            } else {
                break
            }
            end = index
            index += 1
        }
        flush()
        if bare, breaksMarked { rows = Self.joiningWrappedRows(rows, wrapped: wrapped) }
        if markdown { rows = Self.restoringCoveredCells(rows, columns: ruleColumns) }
        guard rows.count >= 2 else { return nil }
        return (Grid(rows: rows), end)
    }

    /// `rows` with each row in `wrapped` (a row a converter wrapped after a bar) joined to the
    /// row after it: `一、本年新收…|` and `12| 2| —| 1| 1| —| 16` are one row.
    static func joiningWrappedRows(_ rows: [[Cell]], wrapped: Set<Int>) -> [[Cell]] {
        var joined: [[Cell]] = []
        var open: [Cell]?
        for (index, row) in rows.enumerated() {
            let whole = open.map { $0.dropLast() + row } ?? row
            if wrapped.contains(index), index + 1 < rows.count {
                open = whole
            } else {
                // A last row wrapped with nothing after it: its bar ends no cell.
                joined.append(wrapped.contains(index) ? Array(whole.dropLast()) : whole)
                open = nil
            }
        }
        return joined
    }
}
