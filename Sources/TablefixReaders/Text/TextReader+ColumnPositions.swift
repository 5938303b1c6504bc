import TablefixModel

extension TextReader {
    /// A piece of a line between runs of spaces, by character offsets in the line.
    struct PieceSpan: Equatable {
        var start: Int
        var end: Int
    }

    /// The spans of ``splitOnSpaceRuns(_:)``'s pieces in `line` (leading spaces counted),
    /// by characters.
    static func pieceSpans(_ line: Substring) -> [PieceSpan] {
        var spans: [PieceSpan] = []
        var pieceStart: Int?
        var lastEnd = 0
        var spaces = 0
        var wide = false
        for (offset, char) in line.enumerated() {
            if char == " " || char == "\u{3000}" {
                spaces += 1
                wide = wide || char == "\u{3000}"
                continue
            }
            if let start = pieceStart, spaces >= 2 || wide {
                spans.append(PieceSpan(start: start, end: lastEnd))
                pieceStart = nil
            }
            if pieceStart == nil { pieceStart = offset }
            lastEnd = offset + 1
            spaces = 0
            wide = false
        }
        if let start = pieceStart { spans.append(PieceSpan(start: start, end: lastEnd)) }
        return spans
    }

    /// Puts blanks in a short row laid out by character columns (inscriptis, lynx, pandoc's
    /// plain tables) where the source printed nothing for a zero: the nearest fuller row
    /// that starts at the same place and prints a piece starting or ending where each of
    /// the short row's pieces does gives the row its columns; the slots it has no piece
    /// for, each a number in the fuller row, become blanks marked ``Cell/isBlankByPosition``.
    /// A row some piece of which lines up with no column stays as read.
    ///
    /// `spans` holds each row's piece spans, nil for a row not split on space runs.
    static func blanksByColumns(_ rows: [[Cell]], spans: [[PieceSpan]?]) -> [[Cell]] {
        rows.indices.map { index in
            guard let short = spans[index], short.count >= 2 else { return rows[index] }
            let fuller = rows.indices.filter { spans[$0].map { $0.count > short.count } == true }
                .sorted { abs($0 - index) < abs($1 - index) }
            for other in fuller {
                guard let columns = spans[other], let slots = columnsOf(short, in: columns),
                    (0..<columns.count).allSatisfy({ slots.contains($0) || isSignedNumberToken(rows[other][$0].text) })
                else { continue }
                var row = (0..<columns.count).map { _ in Cell("", line: rows[index][0].line, isBlankByPosition: true) }
                for (piece, slot) in slots.enumerated() { row[slot] = rows[index][piece] }
                return row
            }
            return rows[index]
        }
    }

    /// For each piece of `short`, the one piece of `full` it lines up with (the first
    /// with the first, the others all by their start or all by their end: a renderer
    /// aligns a table's columns one way), in order; nil if any has none.
    static func columnsOf(_ short: [PieceSpan], in full: [PieceSpan]) -> [Int]? {
        guard short[0].start == full[0].start else { return nil }
        for edge in [\PieceSpan.start, \PieceSpan.end] {
            var slots = [0]
            for piece in short.dropFirst() {
                guard let slot = full.indices.dropFirst().first(where: { full[$0][keyPath: edge] == piece[keyPath: edge] }),
                    slot > slots[slots.count - 1]
                else { break }
                slots.append(slot)
            }
            if slots.count == short.count { return slots }
        }
        return nil
    }

    /// ``isNumberToken(_:)`` after a sign: a change column's `-3`, `+12`.
    static func isSignedNumberToken(_ token: String) -> Bool {
        isNumberToken(token.first.map { "+-－＋".contains($0) } == true ? String(token.dropFirst()) : token)
    }
}
