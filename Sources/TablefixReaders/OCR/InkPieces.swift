/// Cuts the ink of a picture without rules into pieces that each hold one run of text: the
/// cell of a table drawn without rules, a line of a paragraph. Each piece is then read on
/// its own, as a ruled table's cells are, so that a narrow column is not dropped and two
/// numbers a column apart are not read as one.
///
/// The cut is recursive (an XY cut): the ink is split into bands at the empty rows between
/// them, each band into pieces at empty columns wider than `columnGap` line heights, and
/// each piece again into bands, until nothing splits. Gaps inside a line of CJK text (full
/// width punctuation leaves half a character blank) are narrower than the gap between two
/// columns of a table.
enum InkPieces {
    /// A rectangle of pixels, end exclusive.
    struct Piece: Sendable, Equatable {
        var x0: Int
        var y0: Int
        var x1: Int
        var y1: Int
    }

    /// Columns of blank wider than this many line heights part two pieces of a band.
    static let columnGap = 0.9
    /// Rows of blank at least this many line heights part two bands of a piece, when each
    /// side is at least `bandFloor` line heights tall (the strokes of `三` do not part).
    static let rowGap = 0.25
    static let bandFloor = 0.5
    /// A piece thinner than `rowGap` line heights and longer than this many is a rule left
    /// in the picture (one too ragged to be found and erased), not text: it is not read.
    static let ruleLength = 4.0

    /// The pieces of the picture's ink, top to bottom, left to right, rules left in it
    /// dropped. `lineHeight` is the height of a line of body text in pixels.
    ///
    /// - Complexity: O(width × height × depth), depth at most a few cuts.
    static func pieces(in image: GrayImage, lineHeight: Int) -> [Piece] {
        let ink = InkMask(image)
        var pieces: [Piece] = []
        for band in ink.bands(in: Piece(x0: 0, y0: 0, x1: image.width, y1: image.height), gap: 1, floor: 0) {
            cut(band, ink: ink, lineHeight: Double(lineHeight), depth: 0, into: &pieces)
        }
        let height = Double(lineHeight)
        return pieces.filter { Double($0.y1 - $0.y0) >= rowGap * height || Double($0.x1 - $0.x0) <= ruleLength * height }
    }

    /// The height of a line of body text: the most common height of the picture's bands of
    /// ink (most bands are one line), nil when there is no ink.
    static func lineHeight(of image: GrayImage, dpi: Double) -> Int? {
        let ink = InkMask(image)
        let whole = Piece(x0: 0, y0: 0, x1: image.width, y1: image.height)
        let least = dpi / 24
        let heights: [Int] = ink.bands(in: whole, gap: 1, floor: 0).map { $0.y1 - $0.y0 }.filter { Double($0) >= least }
        guard !heights.isEmpty else { return nil }
        return heights.sorted()[heights.count / 2]
    }

    private static func cut(_ piece: Piece, ink: InkMask, lineHeight: Double, depth: Int, into pieces: inout [Piece]) {
        let columns = ink.columns(in: piece, gap: Int(columnGap * lineHeight))
        var parts: [Piece] = []
        for column in columns {
            parts += ink.bands(in: column, gap: Int(rowGap * lineHeight), floor: Int(bandFloor * lineHeight))
        }
        if parts.count <= 1 || depth >= 6 {
            if let only = parts.first ?? columns.first { pieces.append(only) }
            return
        }
        for part in parts { cut(part, ink: ink, lineHeight: lineHeight, depth: depth + 1, into: &pieces) }
    }
}

/// Which pixels of a picture are ink, with the counts the cuts need.
private struct InkMask {
    typealias Piece = InkPieces.Piece

    let width: Int
    let height: Int
    let ink: [Bool]

    init(_ image: GrayImage) {
        width = image.width
        height = image.height
        ink = image.pixels.map { $0 < RuleDetector.inkThreshold }
    }

    /// The piece cut at its empty rows: runs of rows with ink, parted by `gap` empty rows or
    /// more, each trimmed to its ink. A run shorter than `floor` rows joins its neighbour.
    func bands(in piece: Piece, gap: Int, floor: Int) -> [Piece] {
        var counts = [Int](repeating: 0, count: piece.y1 - piece.y0)
        for y in piece.y0..<piece.y1 {
            var count = 0
            for x in piece.x0..<piece.x1 where ink[y * width + x] { count += 1 }
            counts[y - piece.y0] = count
        }
        var runs = InkMask.runs(counts, gap: max(1, gap)).map { (start: piece.y0 + $0.start, end: piece.y0 + $0.end) }
        // A thin run (a stroke of `三`, a dash) is not a line of its own.
        var index = 0
        while runs.count > 1, index < runs.count {
            if runs[index].end - runs[index].start < floor {
                let joinNext = index == 0 || (index + 1 < runs.count
                    && runs[index + 1].start - runs[index].end < runs[index].start - runs[index - 1].end)
                if joinNext {
                    runs[index + 1].start = runs[index].start
                } else {
                    runs[index - 1].end = runs[index].end
                }
                runs.remove(at: index)
            } else {
                index += 1
            }
        }
        return runs.compactMap { trimmed(Piece(x0: piece.x0, y0: $0.start, x1: piece.x1, y1: $0.end)) }
    }

    /// The piece cut at its empty columns: runs of columns with ink, parted by more than
    /// `gap` empty columns, each trimmed to its ink.
    func columns(in piece: Piece, gap: Int) -> [Piece] {
        var counts = [Int](repeating: 0, count: piece.x1 - piece.x0)
        for y in piece.y0..<piece.y1 {
            for x in piece.x0..<piece.x1 where ink[y * width + x] { counts[x - piece.x0] += 1 }
        }
        return InkMask.runs(counts, gap: max(1, gap + 1)).compactMap {
            trimmed(Piece(x0: piece.x0 + $0.start, y0: piece.y0, x1: piece.x0 + $0.end, y1: piece.y1))
        }
    }

    /// Runs of non-zero counts, parted by at least `gap` zeros.
    private static func runs(_ counts: [Int], gap: Int) -> [(start: Int, end: Int)] {
        var runs: [(start: Int, end: Int)] = []
        var start = -1, last = -1
        for (index, count) in counts.enumerated() where count > 0 {
            if start < 0 {
                start = index
            } else if index - last - 1 >= gap {
                runs.append((start, last + 1))
                start = index
            }
            last = index
        }
        if start >= 0 { runs.append((start, last + 1)) }
        return runs
    }

    /// The piece shrunk to the ink it holds, nil when it holds none.
    private func trimmed(_ piece: Piece) -> Piece? {
        var x0 = piece.x1, y0 = piece.y1, x1 = piece.x0 - 1, y1 = piece.y0 - 1
        for y in piece.y0..<piece.y1 {
            for x in piece.x0..<piece.x1 where ink[y * width + x] {
                x0 = min(x0, x)
                x1 = max(x1, x)
                y0 = min(y0, y)
                y1 = max(y1, y)
            }
        }
        return x1 >= x0 ? Piece(x0: x0, y0: y0, x1: x1 + 1, y1: y1 + 1) : nil
    }
}
