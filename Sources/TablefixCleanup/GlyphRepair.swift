public import TablefixModel

/// Repairs characters that OCR confuses: `Ξ,` for `二、`, `-,` for `一、`, `言息` for `信息`,
/// `及复` for `反复`, `か` for `办` …, only where the context supports the repair.
///
/// A list-number confusion needs the number's position (start of a line or cell) and, for
/// the ambiguous ones, a neighbouring number of the same sequence. A word confusion needs
/// the repaired form to be a word of the report's vocabulary (the templates' labels, or a
/// word the document itself uses often) where the damaged form is not. Each repair's
/// confidence says which evidence it had. Digits are never touched.
public struct GlyphRepair: CleanupPass {
    /// A damaged form and the text it stands for.
    struct Confusion: Sendable {
        var wrong: String
        var right: String
    }

    /// Word-level confusions seen in OCR of these reports: a dropped radical, a similar
    /// shape, a kana lookalike.
    static let wordConfusions: [Confusion] = [
        Confusion(wrong: "言息", right: "信息"),
        Confusion(wrong: "及复", right: "反复"),
        Confusion(wrong: "か", right: "办"),
        Confusion(wrong: "カ", right: "力"),
        Confusion(wrong: "エ", right: "工"),
        Confusion(wrong: "ロ", right: "口"),
        Confusion(wrong: "巿", right: "市"),
        Confusion(wrong: "攺", right: "改"),
        Confusion(wrong: "乂", right: "义"),
        Confusion(wrong: "曰", right: "日"),
        // 子 for 予, only in the form's own words: 子 beside 以 or 不 is common text too (电子以及).
        Confusion(wrong: "子以公开", right: "予以公开"),
        Confusion(wrong: "不子公开", right: "不予公开"),
        Confusion(wrong: "不子处理", right: "不予处理"),
    ]

    /// The first scalar of each of ``wordConfusions``' damaged forms: a text that holds none
    /// holds no damaged form, and is not searched for each.
    static let confusionOpeners: [Unicode.Scalar] = wordConfusions.compactMap(\.wrong.unicodeScalars.first)

    /// Glyphs OCR reads for the Chinese numerals of list numbers.
    static let numeralLookalikes: [Character: String] = ["Ξ": "二", "=": "二", "-": "一", "—": "一", "_": "一"]
    /// Lookalikes that never occur in a report's own text, so need no neighbour to confirm.
    static let unambiguousLookalikes: Set<Character> = ["Ξ"]
    /// ``unambiguousLookalikes``' scalars (each is a character of one scalar).
    static let unambiguousLookalikeScalars: [Unicode.Scalar] = unambiguousLookalikes.flatMap(\.unicodeScalars)

    /// Bigrams of the expected vocabulary.
    let vocabulary: Set<UInt64>

    /// - Parameter vocabulary: text the documents are expected to contain, such as the
    ///   templates' row and column labels.
    public init(vocabulary: [String] = []) {
        var bigrams = Set<UInt64>()
        for text in vocabulary { bigrams.formUnion(Self.bigrams(of: text)) }
        self.vocabulary = bigrams
    }

    public func apply(to document: inout Document) {
        let counts = Self.bigramCounts(of: document)
        let numeralLines = Self.numeralMarkerLines(of: document)
        var edits: [Edit] = []
        let confusionOpeners = Self.confusionOpeners
        document.rewriteText(includingCells: true) { text, line in
            if let (fixed, edit) = repairMarker(text, line: line, numeralLines: numeralLines) {
                text = fixed
                edits.append(edit)
            }
            guard text.unicodeScalars.contains(where: confusionOpeners.contains) else { return }
            for confusion in Self.wordConfusions where text.containsText(confusion.wrong) {
                text = repairWord(confusion, in: text, line: line, counts: counts, edits: &edits)
            }
        }
        repairLoneCells(in: &document, counts: counts, edits: &edits)
        document.edits += edits
        let pictureLines = edits.isEmpty ? [] : document.linesReadFromPictures
        let inPictures = edits.filter { pictureLines.contains($0.line) }.count
        document.signals.pictureGlyphRepairs += inPictures
        document.signals.ocrGlyphRepairs += edits.count - inPictures
    }

    // MARK: List numbers

    /// `Ξ,` `-,` `三,` at the start of a line or cell, before CJK text or alone in a cell.
    func repairMarker(_ text: String, line: Int, numeralLines: [Int: Int]) -> (String, Edit)? {
        // Most lines fail at their second character: read no further for them. When the first
        // two scalars stand alone, they begin the first two characters, and the scalars answer.
        var scalars = text.unicodeScalars.makeIterator()
        if let first = scalars.next(), let second = scalars.next(), first.standsAlone, second.standsAlone,
            !Self.markerSeparatorScalars.contains(second)
        {
            return nil
        }
        var characters = text.makeIterator()
        guard characters.next() != nil, let second = characters.next(), Self.markerSeparators.contains(second)
        else { return nil }
        let chars = Array(text)
        let after = chars.dropFirst(2).first { !$0.isWhitespace }
        guard after.map({ $0.isCJK || $0 == "(" || $0 == "（" }) ?? true else { return nil }
        let glyph = chars[0]
        let numeral: String
        var confidence: Double
        if let lookalike = Self.numeralLookalikes[glyph] {
            numeral = lookalike
            if Self.unambiguousLookalikes.contains(glyph) {
                confidence = ConfidencePolicy.standard.editGlyphSupported
            } else {
                // `-,` alone proves nothing: a neighbouring number must continue the sequence.
                guard let value = ChineseNumeral.listValue(lookalike),
                    Self.sequenceSupports(value: value, at: line, numeralLines: numeralLines)
                else { return nil }
                confidence = ConfidencePolicy.standard.editGlyphLookalike
            }
        } else if ChineseNumeral.listValue(String(glyph)) != nil, chars[1] != "、" {
            numeral = String(glyph)
            confidence = ConfidencePolicy.standard.editGlyphLookalike
        } else {
            return nil
        }
        let before = String(chars[0...1])
        let replacement = numeral + "、"
        guard before != replacement else { return nil }
        if after == nil { confidence -= ConfidencePolicy.standard.editGlyphUnsupportedPenalty }
        return (replacement + String(chars.dropFirst(2)),
                Edit(kind: .glyph, before: before, after: replacement, line: line, confidence: confidence))
    }

    /// What follows the glyph of a list number.
    static let markerSeparators: [Character] = [",", "，", "、", ".", "．"]
    /// ``markerSeparators``' scalars (each is a character of one scalar).
    static let markerSeparatorScalars = Set(markerSeparators.flatMap(\.unicodeScalars))

    /// The input lines that open with a section number or its lookalike, with its value.
    static func numeralMarkerLines(of document: Document) -> [Int: Int] {
        var lines: [Int: Int] = [:]
        document.forEachText(includingCells: true) { text, line in
            let trimmed = text.trimmingSpaces
            // Most lines open with a scalar neither a marker nor its lookalike can open with.
            guard let scalar = trimmed.unicodeScalars.first,
                ListMarker.canOpen(scalar) || unambiguousLookalikeScalars.contains(scalar), let first = trimmed.first
            else { return }
            if let marker = ListMarker(parsing: trimmed[...]), marker.style == .chineseComma {
                lines[line] = marker.value
            } else if let numeral = numeralLookalikes[first], trimmed.dropFirst().first.map({ ",，、".contains($0) }) == true,
                unambiguousLookalikes.contains(first), let value = ChineseNumeral.listValue(numeral)
            {
                lines[line] = value
            }
        }
        return lines
    }

    /// Whether a number `value` at `line` has its successor or predecessor close by.
    static func sequenceSupports(value: Int, at line: Int, numeralLines: [Int: Int]) -> Bool {
        (1...8).contains { offset in
            numeralLines[line + offset] == value + 1 || numeralLines[line - offset] == value - 1
        }
    }

    // MARK: Words

    func repairWord(_ confusion: Confusion, in text: String, line: Int, counts: [UInt64: Int], edits: inout [Edit])
        -> String
    {
        var result = ""
        var rest = text[...]
        while let range = rest.firstRange(of: confusion.wrong) {
            let left = (result + rest[..<range.lowerBound]).last
            let right = rest[range.upperBound...].first
            result += rest[..<range.lowerBound]
            if let confidence = support(for: confusion, left: left, right: right, counts: counts) {
                result += confusion.right
                edits.append(Edit(kind: .glyph, before: confusion.wrong, after: confusion.right, line: line,
                                  confidence: confidence))
            } else {
                result += confusion.wrong
            }
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    /// A one-character cell (a label written one character per line) is read in the
    /// context of the cells above and below it.
    func repairLoneCells(in document: inout Document, counts: [UInt64: Int], edits: inout [Edit]) {
        for index in document.blocks.indices {
            guard case .table(var grid) = document.blocks[index].content else { continue }
            var changed = false
            for row in grid.rows.indices {
                for column in grid.rows[row].indices {
                    let text = grid.rows[row][column].text.trimmingSpaces
                    guard text.count == 1,
                        let confusion = Self.wordConfusions.first(where: { $0.wrong == text })
                    else { continue }
                    let above = (0..<row).reversed().lazy.map { grid.rows[$0][column].text.trimmingSpaces }
                        .first { !$0.isEmpty }
                    let below = (row + 1..<grid.rows.count).lazy.map { grid.rows[$0][column].text.trimmingSpaces }
                        .first { !$0.isEmpty }
                    guard let confidence = support(for: confusion, left: above?.last, right: below?.first, counts: counts)
                    else { continue }
                    grid.rows[row][column].text = confusion.right
                    edits.append(Edit(kind: .glyph, before: text, after: confusion.right,
                                      line: grid.rows[row][column].line, confidence: confidence))
                    changed = true
                }
            }
            if changed { document.blocks[index].content = .table(grid) }
        }
    }

    /// The confidence of replacing `wrong` by `right` between `left` and `right`
    /// characters, or nil when nothing supports it.
    func support(for confusion: Confusion, left: Character?, right: Character?, counts: [UInt64: Int]) -> Double? {
        var repaired: [String] = []
        var damaged: [String] = []
        if confusion.right.count >= 2 { repaired.append(confusion.right) }
        // Bigrams across the boundary; one that the repair leaves unchanged is no evidence.
        if let left, left.isCJK, confusion.right.first != confusion.wrong.first {
            repaired.append(String(left) + String(confusion.right.prefix(1)))
            damaged.append(String(left) + String(confusion.wrong.prefix(1)))
        }
        if let right, right.isCJK, confusion.right.last != confusion.wrong.last {
            repaired.append(String(confusion.right.suffix(1)) + String(right))
            damaged.append(String(confusion.wrong.suffix(1)) + String(right))
        }
        let repairedKeys = repaired.flatMap(Self.bigrams), damagedKeys = damaged.flatMap(Self.bigrams)
        if damagedKeys.contains(where: vocabulary.contains) { return nil }
        if repairedKeys.contains(where: vocabulary.contains) { return ConfidencePolicy.standard.editGlyphSupported }
        if repairedKeys.contains(where: { counts[$0, default: 0] >= 3 }) { return ConfidencePolicy.standard.editGlyphFrequent }
        return nil
    }

    // MARK: Bigrams

    /// The pairs of adjacent CJK characters in `text`, each packed into one number.
    ///
    /// - Complexity: O(n).
    static func bigrams(of text: String) -> [UInt64] {
        var keys: [UInt64] = []
        var previous: UInt32?
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isCJK = CJK.isIdeograph(value)
            if isCJK, let previous { keys.append(UInt64(previous) << 32 | UInt64(value)) }
            previous = isCJK ? value : nil
        }
        return keys
    }

    static func bigramCounts(of document: Document) -> [UInt64: Int] {
        var counts: [UInt64: Int] = [:]
        document.forEachText(includingCells: true) { text, _ in
            for bigram in bigrams(of: text) { counts[bigram, default: 0] += 1 }
        }
        return counts
    }
}
