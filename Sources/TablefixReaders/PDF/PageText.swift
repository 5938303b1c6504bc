/// How a page's words make lines of text.
enum PageText {
    /// The words grouped into visual lines, top to bottom, each left to right: a word joins
    /// the line its box overlaps by half its height.
    ///
    /// - Complexity: O(n log n) for n words on ordinary pages.
    static func lines(of words: [PageWord]) -> [[PageWord]] {
        // A line's band is its first word's extent: a tall word (a cell two lines high) must
        // not pull the lines beside it into one.
        var lines: [(band: Box, box: Box, words: [PageWord])] = []
        for word in words.sorted(by: { $0.box.midY < $1.box.midY }) {
            // Only the last few lines can overlap a word that comes lower than all before it.
            var joined = false
            for index in lines.indices.reversed().prefix(4) where lines[index].band.verticalOverlap(word.box) >= 0.5 {
                lines[index].box = lines[index].box.union(word.box)
                lines[index].words.append(word)
                joined = true
                break
            }
            if !joined { lines.append((word.box, word.box, [word])) }
        }
        return lines.sorted { $0.box.y0 < $1.box.y0 }.map { $0.words.sorted { $0.box.x0 < $1.box.x0 } }
    }

    /// A line's words as text: a space between two words where both sides are Latin
    /// letters or digits and the gap is visible, or where the gap is a character wide or
    /// more (cells of a table drawn without rules); CJK text runs together as printed.
    static func text(of line: [PageWord]) -> String {
        var text = ""
        var previous: PageWord?
        for word in line {
            if let before = previous, let last = before.text.unicodeScalars.last,
                let first = word.text.unicodeScalars.first
            {
                let gap = word.box.x0 - before.box.x1, size = max(word.size, before.size)
                if gap >= size || (isLatin(last) && isLatin(first) && gap > 0.15 * size) { text += " " }
            }
            text += word.text
            previous = word
        }
        return text
    }

    private static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".,%-+".unicodeScalars.contains(scalar))
    }

    /// The box around some words.
    static func box(of words: [PageWord]) -> Box? {
        guard let first = words.first else { return nil }
        return words.dropFirst().reduce(first.box) { $0.union($1.box) }
    }

    /// The lowest OCR confidence among the words, nil when none was OCR'd.
    static func confidence(of words: [PageWord]) -> Double? {
        words.compactMap(\.confidence).min()
    }
}
