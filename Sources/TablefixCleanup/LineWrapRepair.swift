public import TablefixModel

/// Repairs what a page's line breaks did to running text: joins a paragraph that the
/// extractor broke over several lines, joins a word written one character per line
/// (BeautifulSoup's `get_text("\n")` on a page that wraps each character in `<ruby>`, a
/// vertical label), and removes the space a PDF line break left between two CJK
/// characters (`以习近平 新时代` → `以习近平新时代`).
///
/// Never joins across a heading, a list item, a table or a blank line, never joins two
/// lines when that would glue two numbers together, and never removes a space next to a
/// digit, a Latin letter, or a word that stands for a cell among a line's numbers (an
/// OCR's `工` for 1 in `文件 工 1 8`, a publisher's `无` for none). Table cells are never touched.
public struct LineWrapRepair: CleanupPass {
    public init() {}

    public func apply(to document: inout Document) {
        joinSingleCharacterLines(in: &document)
        joinWrappedLines(in: &document)
        var edits: [Edit] = []
        document.rewriteText(includingCells: false) { text, line in
            let repaired = Self.removingSpacesBetweenCJK(text)
            guard repaired.text != text else { return }
            for (before, after) in repaired.changes {
                edits.append(Edit(kind: .space, before: before, after: after, line: line, confidence: ConfidencePolicy.standard.editSpace))
            }
            text = repaired.text
        }
        document.edits += edits
    }

    // MARK: Spaces

    /// `text` without spaces between CJK characters, and each change as (before, after)
    /// with one character of context on each side.
    static func removingSpacesBetweenCJK(_ text: String) -> (text: String, changes: [(String, String)]) {
        // Only a space can go: a line without one is left as it is.
        guard text.holdsByte(UInt8(ascii: " ")) else { return (text, []) }
        let chars = Array(text)
        let digits = cellWordPositions(in: chars)
        var result = ""
        var changes: [(String, String)] = []
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if char == " ", let left = result.last, isJoinable(left), !digits.contains(index - 1),
                !Self.gluedNoneCellsEnd(chars, at: index)
            {
                var end = index
                while end < chars.count, chars[end] == " " { end += 1 }
                if end < chars.count, isJoinable(chars[end]), left.isCJK || chars[end].isCJK, !digits.contains(end) {
                    changes.append((String(left) + String(chars[index..<end]) + String(chars[end]),
                                    String(left) + String(chars[end])))
                    index = end
                    continue
                }
            }
            result.append(char)
            index += 1
        }
        return (result, changes)
    }

    /// Whether the characters before `end` end with words for none glued, as printed, after a
    /// label or a number (`规章无无无`, `行政许可无`, `1无无`): a crawler's cells run together,
    /// the space after which parts their row from the next one (a page flattened onto one
    /// line), no line break's.
    static func gluedNoneCellsEnd(_ chars: [Character], at end: Int) -> Bool {
        var start = end
        while start > 0, NumberGlyphs.isNoneWord(String(chars[start - 1])) { start -= 1 }
        guard start < end, start > 0 else { return false }
        let before = chars[start - 1]
        return before.isCJK || (before.isASCII && before.isNumber)
    }

    /// The positions of the lone words in the run of numbers that ends a line that stand
    /// for cells: words an OCR printed for digits (`工`, `】` in `行政规范性文件 工 1 8`)
    /// and a publisher's word for none (`无` in `1   无   3`, `1件   无   3件`). Their
    /// spaces separate cells, they are not a line break's. The numbers of the run may print
    /// units and full-width digits (``NumberGlyphs/isPrintedCount(_:)``).
    static func cellWordPositions(in chars: [Character]) -> Set<Int> {
        guard chars.contains(where: { $0.isCJK || $0.isCJKPunctuation }) else { return [] }
        var positions = Set<Int>()
        var sawNumber = false
        var end = chars.count
        while end > 0 {
            while end > 0, chars[end - 1] == " " { end -= 1 }
            var start = end
            while start > 0, chars[start - 1] != " " { start -= 1 }
            guard start < end else { break }
            let word = chars[start..<end]
            if word.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "|" }) {
                sawNumber = sawNumber || word.contains { $0 != "|" }
            } else if NumberGlyphs.isPrintedCount(word) {
                sawNumber = true
            } else if word.count == 1, NumberGlyphs.loneDigits[String(word)] != nil || NumberGlyphs.noneWords.contains(String(word)) {
                positions.insert(start)
            } else {
                break
            }
            end = start
        }
        return sawNumber ? positions : []
    }

    static func isJoinable(_ char: Character) -> Bool {
        char.isCJK || (char.isCJKPunctuation && char != "\u{3000}")
    }

    // MARK: Wrapped lines

    static let sentenceEnds: Set<Character> = ["。", "！", "？", "；", "：", "!", "?", ";", ":", "”", "」", "）", ")"]

    /// The width at which the extractor wrapped running text, when it did: most long
    /// lines then have about the same length.
    static func wrapWidth(of document: Document) -> Int? {
        var lengths: [Int] = []
        for block in document.blocks {
            guard case .paragraph(let lines) = block.content else { continue }
            lengths += lines.map { $0.text.characterCount }.filter { $0 >= 15 }
        }
        guard lengths.count >= 5 else { return nil }
        let sorted = lengths.sorted()
        let width = sorted[sorted.count * 3 / 4]
        let near = lengths.filter { abs($0 - width) <= 3 }.count
        return near * 10 >= lengths.count * 4 ? width : nil
    }

    func joinWrappedLines(in document: inout Document) {
        guard let width = Self.wrapWidth(of: document) else { return }
        var blocks: [Block] = []
        for block in document.blocks {
            guard case .paragraph(let lines) = block.content, let previous = blocks.last,
                case .paragraph(let previousLines) = previous.content,
                previous.lines.upperBound + 1 == block.lines.lowerBound,
                let last = previousLines.last, let first = lines.first,
                Self.isWrapped(last.text, width: width), Self.continues(first.text, after: last.text)
            else {
                blocks.append(block)
                continue
            }
            blocks[blocks.count - 1] = Block(.paragraph(previousLines + lines),
                                             lines: previous.lines.lowerBound...block.lines.upperBound)
            document.edits.append(Edit(kind: .join, before: String(last.text.suffix(8)) + "\n" + String(first.text.prefix(8)),
                                       after: String(last.text.suffix(8)) + String(first.text.prefix(8)),
                                       line: last.line, confidence: ConfidencePolicy.standard.editJoin))
        }
        document.blocks = blocks
    }

    /// Joins runs of two or more paragraphs on consecutive lines that each hold one CJK
    /// character or punctuation mark (`規` then `章`): a word split one character per line.
    func joinSingleCharacterLines(in document: inout Document) {
        func character(_ block: Block) -> TextLine? {
            guard case .paragraph(let lines) = block.content, lines.count == 1 else { return nil }
            let text = lines[0].text.trimmingSpaces
            // One character: the first one ends the text (a long line is not walked to its end).
            guard let char = text.first, text.index(after: text.startIndex) == text.endIndex, Self.isJoinable(char)
            else { return nil }
            return lines[0]
        }
        var blocks: [Block] = []
        var index = 0
        let source = document.blocks
        while index < source.count {
            var end = index
            while end + 1 < source.count, character(source[end]) != nil, character(source[end + 1]) != nil,
                source[end].lines.upperBound + 1 == source[end + 1].lines.lowerBound
            {
                end += 1
            }
            guard end > index else {
                blocks.append(source[index])
                index += 1
                continue
            }
            let run = source[index...end].compactMap(character)
            blocks.append(Block(.paragraph(run), lines: source[index].lines.lowerBound...source[end].lines.upperBound))
            for (left, right) in zip(run, run.dropFirst()) {
                document.edits.append(Edit(kind: .join, before: left.text + "\n" + right.text, after: left.text + right.text,
                                           line: left.line, confidence: ConfidencePolicy.standard.editJoinCharacters))
            }
            index = end + 1
        }
        document.blocks = blocks
    }

    /// A line that reaches the wrap width and stops without ending its sentence.
    static func isWrapped(_ text: String, width: Int) -> Bool {
        guard let last = text.last else { return false }
        return text.count >= width - 4 && !sentenceEnds.contains(last)
    }

    /// Whether `next` can continue `previous` on the same line: not a list item, and the
    /// join does not glue two numbers into one.
    static func continues(_ next: String, after previous: String) -> Bool {
        guard let first = next.first, ListMarker(parsing: next[...]) == nil else { return false }
        if let last = previous.last, last.isNumber, first.isNumber { return false }
        return true
    }
}
