import TablefixModel

extension TextReader {
    /// The blocks inside a one-column grid table starting at `start`: pandoc's plain,
    /// markdown and reStructuredText writers draw a layout table around an article (or a
    /// one-cell frame) so, the article's paragraphs and tables wrapped inside `| … |`. A
    /// frame holds no structure of its own: its content is read as the text it frames,
    /// line numbers kept. Nil for any other line.
    func layoutTable(_ lines: [Substring], from start: Int) -> ([Block], end: Int)? {
        guard Self.isFrameRule(lines[start]) else { return nil }
        var content: [Substring] = [""]
        var end = start + 1
        while end < lines.count {
            if Self.isFrameRule(lines[end]) {
                // A rule between two rows of the frame, or its last line.
                guard end + 1 < lines.count, Self.framedContent(lines[end + 1]) != nil else { break }
                content.append("")
            } else if let inner = Self.framedContent(lines[end]) {
                content.append(inner)
            } else {
                return nil
            }
            end += 1
        }
        guard end < lines.count, content.count >= 3 else { return nil }
        // content[i] is line start + i; a table line rejoined from two keeps the first's number.
        let (joined, origin) = Self.rejoiningWrappedTables(content)
        let inner = blocks(from: joined.joined(separator: "\n"))
        return (Self.renumbering(inner) { origin[min($0, origin.count) - 1] + start }, end)
    }

    /// The frame's lines with the lines of a table wider than the frame put back together
    /// (pandoc wraps each such line in two: `+-------+-` then `------+---…+`), and for each
    /// line the 1-based line of the frame it starts on.
    static func rejoiningWrappedTables(_ content: [Substring]) -> ([String], origin: [Int]) {
        var joined: [String] = []
        var origin: [Int] = []
        var index = 0
        var wrapped = false
        while index < content.count {
            let line = content[index]
            let text = line.trimmingSpaces
            let isTableLine = text.first == "+" || text.first == "|"
            // A rule cut short opens a wrapped table; a line that is no table line closes it.
            if text.first == "+", text.last != "+" { wrapped = true }
            if !isTableLine { wrapped = false }
            if wrapped, index + 1 < content.count {
                joined.append(String(line) + content[index + 1])
                origin.append(index + 1)
                index += 2
                continue
            }
            joined.append(String(line))
            origin.append(index + 1)
            index += 1
        }
        return (joined, origin)
    }

    /// `+------+` (or `+======+`): the rule of a one-column grid table.
    static func isFrameRule(_ line: Substring) -> Bool {
        guard line.mayOpen(with: "+") else { return false }
        let text = line.trimmingSpaces
        guard text.count >= 3, text.first == "+", text.last == "+" else { return false }
        let middle = text.dropFirst().dropLast()
        return middle.allSatisfy { $0 == "-" || $0 == "=" || $0 == ":" } && middle.contains("-") || middle.allSatisfy { $0 == "=" }
    }

    /// What a row of a one-column frame holds between its bars, `| text   |` → `text`.
    static func framedContent(_ line: Substring) -> Substring? {
        guard let open = line.firstIndex(where: { $0 != " " }), line[open] == "|",
            let close = line.lastIndex(where: { $0 != " " }), close > open, line[close] == "|"
        else { return nil }
        var inner = line[line.index(after: open)..<close]
        if inner.first == " " { inner = inner.dropFirst() }
        while inner.last == " " { inner = inner.dropLast() }
        return inner
    }

    /// `blocks` with every line number moved down by `offset` lines.
    static func offsetting(_ blocks: [Block], by offset: Int) -> [Block] {
        renumbering(blocks) { $0 + offset }
    }

    /// `blocks` with every line number `n` made `line(n)`.
    static func renumbering(_ blocks: [Block], _ line: (Int) -> Int) -> [Block] {
        blocks.map { block in
            var block = block
            block.lines = line(block.lines.lowerBound)...max(line(block.lines.lowerBound), line(block.lines.upperBound))
            switch block.content {
            case .table(var grid):
                for row in grid.rows.indices {
                    for column in grid.rows[row].indices { grid.rows[row][column].line = line(grid.rows[row][column].line) }
                }
                block.content = .table(grid)
            case .heading(let text):
                block.content = .heading(text.map { TextLine($0.text, line: line($0.line)) })
            case .paragraph(let text):
                block.content = .paragraph(text.map { TextLine($0.text, line: line($0.line)) })
            case .image, .removed:
                break
            }
            return block
        }
    }
}
