public import TablefixModel

/// Restores the line breaks a crawler lost: a whole article stored on one line (its
/// sentences, its section headings and its tables' rows run together, with or without
/// spaces) is split back into lines, each its own block, each split an edit.
///
/// A line is run-on when it is long and holds several section numbers (`一、`, `（二）`).
/// It is split after each sentence's end (。！？；), before each list number, and, in a
/// stretch that reads like a table's rows (no sentence, several numbers), before each label
/// that follows a number: `行政许可1650行政处罚37` → `行政许可1650`, `行政处罚37`. A list
/// number glued to the digits before it (`41815092.政府公报公开` after `1.网站公开`) is
/// parted from them when it is the next number of its list. Characters never change.
public struct RunOnLineSplit: CleanupPass {
    /// Long labels of the expected vocabulary (six characters or more): a section number
    /// glued to the word before it (`…其他一、本年新收政府信息公开申请数量`) opens a row
    /// when one of them follows it.
    let rowLabels: [String]

    /// - Parameter vocabulary: text the documents are expected to contain (the templates'
    ///   labels).
    public init(vocabulary: [String] = []) {
        rowLabels = Array(Set(vocabulary.filter { $0.count >= Self.longLabel }))
    }

    /// The fewest characters a label needs to open a row after a word.
    static let longLabel = 6

    /// Lines shorter than this are never run-on.
    static let shortest = 300
    /// Section numbers a run-on line holds at least.
    static let markers = 2

    public func apply(to document: inout Document) {
        var blocks: [Block] = []
        var edits: [Edit] = []
        for block in document.blocks {
            guard case .paragraph(let lines) = block.content, lines.count == 1, let line = lines.first,
                line.text.utf8.count >= Self.shortest, line.text.count >= Self.shortest
            else {
                blocks.append(block)
                continue
            }
            let simplified = SimplifiedForms.of(line.text)
            let pieces = Self.originals(of: pieces(of: simplified), cut: simplified, in: line.text)
            guard pieces.count > 1, Self.sectionMarkers(in: pieces) >= Self.markers else {
                blocks.append(block)
                continue
            }
            for (index, piece) in pieces.enumerated() {
                let text = TextLine(piece, line: line.line)
                blocks.append(Block(LineRole.isHeading(piece.trimmingSpaces) ? .heading([text]) : .paragraph([text]),
                                   lines: block.lines))
                if index > 0 {
                    edits.append(Edit(kind: .split, before: String(pieces[index - 1].suffix(6)) + String(piece.prefix(6)),
                                      after: String(pieces[index - 1].suffix(6)) + "\n" + String(piece.prefix(6)),
                                      line: line.line, confidence: ConfidencePolicy.standard.editSplit))
                }
            }
        }
        document.blocks = blocks
        document.edits += edits
    }

    /// The pieces of `text` at the places of `pieces`, the pieces `cut` from its simplified
    /// form (``SimplifiedForms``, character for character): a page served in traditional
    /// characters (第二十條第（五）項) is cut where its simplified form is, and keeps its
    /// characters. `text` whole when the two forms do not align.
    static func originals(of pieces: [String], cut simplifiedText: String, in text: String) -> [String] {
        guard simplifiedText != text else { return pieces }
        let original = Array(text)
        let simplified = Array(simplifiedText)
        guard original.count == simplified.count else { return [text] }
        var result: [String] = []
        var cursor = 0
        for piece in pieces {
            let letters = Array(piece)
            // Each piece follows the one before it, the white space between them trimmed.
            while cursor < simplified.count, !simplified[cursor...].starts(with: letters) { cursor += 1 }
            guard cursor + letters.count <= simplified.count else { return [text] }
            result.append(String(original[cursor..<(cursor + letters.count)]))
            cursor += letters.count
        }
        return result
    }

    /// How many pieces open with a section number (`一、` or `（一）`).
    static func sectionMarkers(in pieces: [String]) -> Int {
        pieces.filter { piece in
            guard let marker = ListMarker(parsing: piece.trimmingSpaces[...]) else { return false }
            return marker.style == .chineseComma || marker.style == .chineseParen
        }.count
    }

    /// The line cut after sentence ends and before list numbers, and stretches that read
    /// like table rows cut before each label that follows a number.
    func pieces(of text: String) -> [String] {
        let chars = Array(text)
        var pieces: [String] = []
        var start = 0
        var lastArabic: Int?
        func cut(at index: Int) {
            let piece = String(chars[start..<index]).trimmingSpaces
            if !piece.isEmpty { pieces.append(piece) }
            start = index
        }
        var index = 0
        while index < chars.count {
            if index > start, let (length, arabic) = Self.marker(in: chars, at: index, after: lastArabic)
                ?? rowMarker(in: chars, at: index)
            {
                cut(at: index)
                if let arabic { lastArabic = arabic }
                index += length
                continue
            }
            if index == start, let (_, arabic) = Self.marker(in: chars, at: index, after: lastArabic), let arabic {
                lastArabic = arabic
            }
            if "。！？；".contains(chars[index]) {
                var end = index + 1
                while end < chars.count, "”’）)」".contains(chars[end]) { end += 1 }
                cut(at: end)
                index = end
                continue
            }
            index += 1
        }
        cut(at: chars.count)
        return pieces.flatMap(Self.tableRows).flatMap(Self.headingAndRest).flatMap(labelAfterHeader)
    }

    /// A section heading of the format (`四、政府信息公开行政复议、行政诉讼情况`, a caption
    /// `表三：…情况`, or the heading alone before a table's header words; ending in 情况,
    /// within its first 40 characters, no count before it) with what followed it on the line (a table's header words, the first
    /// sentence) cut after it; a bracket or punctuation after 情况 keeps the piece whole.
    static func headingAndRest(_ piece: String) -> [String] {
        let opensSection = ListMarker(parsing: piece[...])?.style == .chineseComma || LineRole.isCaption(piece)
        // An unnumbered heading (`政府信息公开行政复议、行政诉讼情况 行政复议…`) only where no
        // sentence follows it: prose says 情况 in passing.
        guard opensSection || !LineRole.isProse(piece) else { return [piece] }
        let shortest = opensSection ? 0 : Self.shortestUnnumberedHeading
        let chars = Array(piece.prefix(longestHeading + 1))
        guard let at = (0..<max(0, chars.count - 1)).first(where: { chars[$0] == "情" && chars[$0 + 1] == "况" }),
            at + 2 >= shortest,
            let next = chars.dropFirst(at + 2).first(where: { $0 != " " }), next.isCJK,
            // A row's values before 情况 (`四、结转下年度继续办理2100003 政府…情况`): no heading.
            !String(chars[..<at]).split(whereSeparator: { NumberGlyphs.asciiDigit($0) == nil }).contains(where: { $0.count > 4 })
        else { return [piece] }
        return [String(piece.prefix(at + 2)), String(piece.dropFirst(at + 2)).trimmingSpaces]
    }

    /// A table's header words with its first row glued after them
    /// (`…本年废止件数现行有效件数规章000`): cut after the last long label of the vocabulary
    /// (a column's) when a short label and digits, and nothing else, follow it.
    func labelAfterHeader(_ row: String) -> [String] {
        guard let last = row.last, NumberGlyphs.asciiDigit(last) != nil else { return [row] }
        let chars = Array(row)
        var end = chars.count
        while end > 0, NumberGlyphs.asciiDigit(chars[end - 1]) != nil || chars[end - 1] == " " { end -= 1 }
        // The row's own label: two to five CJK characters after a column's label.
        for cut in stride(from: end - 2, through: max(1, end - Self.longLabel + 1), by: -1)
        where chars[cut..<end].allSatisfy(\.isCJK) {
            let header = String(chars[..<cut]).trimmingSpaces
            if rowLabels.contains(where: header.hasSuffix) {
                return [header, String(chars[cut...]).trimmingSpaces]
            }
        }
        return [row]
    }

    /// The clause that heads each block of the 2021 format's table of active disclosure.
    static let clause = Array("第二十条第")

    /// The shortest heading without a number (`主动公开政府信息情况`): a header word such as
    /// 申请人情况 is shorter.
    static let shortestUnnumberedHeading = 8

    /// The longest section heading that ends in 情况.
    static let longestHeading = 40

    /// The length of a section number glued to the word before it that opens a row: one of
    /// the long labels follows it (`其他一、本年新收政府信息公开申请数量…`), or nil.
    func rowMarker(in chars: [Character], at index: Int) -> (Int, Int?)? {
        guard index > 0, chars[index - 1].isCJK, let first = chars[index].unicodeScalars.first,
            ListMarker.canOpen(first)
        else { return nil }
        let rest = String(chars[index..<min(chars.count, index + 8)])
        guard let marker = ListMarker(parsing: rest[...]), marker.style == .chineseComma else { return nil }
        let after = String(chars[(index + marker.length)..<min(chars.count, index + marker.length + 24)])
        return rowLabels.contains(where: after.hasPrefix) ? (marker.length, nil) : nil
    }

    /// The length of the list number at `index` and its value when Arabic, or nil: `一、`,
    /// `（二）`, `(3)`, and `4、` or `4.` before a label — after a digit only when it is the
    /// next number of the list (`…41815092.政府公报公开` after `1.网站公开`).
    static func marker(in chars: [Character], at index: Int, after lastArabic: Int?) -> (Int, Int?)? {
        let previous = index > 0 ? chars[index - 1] : " "
        // Most characters cannot open a list number: no string is made for them.
        guard let first = chars[index].unicodeScalars.first, ListMarker.canOpen(first) else { return nil }
        let rest = String(chars[index..<min(chars.count, index + 8)])
        guard let marker = ListMarker(parsing: rest[...]), index + marker.length < chars.count,
            chars[index + marker.length].isCJK || chars[index + marker.length] == " ",
            // A clause cited (`第二十条第（一）项`) is not a list number.
            previous != "第", !"项款条目".contains(chars[index + marker.length])
        else { return nil }
        switch marker.style {
        case .chineseComma, .chineseParen:
            return previous.isCJK && marker.style == .chineseComma ? nil : (marker.length, nil)
        case .arabicParen:
            return (marker.length, nil)
        case .arabicComma, .arabicDot:
            guard chars[index + marker.length].isCJK, marker.value <= 20 else { return nil }
            if NumberGlyphs.asciiDigit(previous) != nil {
                guard marker.value == (lastArabic ?? 0) + 1, marker.value > 1 || lastArabic == nil else { return nil }
                // Only the digits of the next number part from the run before them.
                return String(marker.value).count + 1 == marker.length ? (marker.length, marker.value) : nil
            }
            return previous.isCJK || previous == "：" || previous == " " || previous == "）"
                ? (marker.length, marker.value) : nil
        }
    }

    /// A piece that reads like table rows (no sentence, two numbers or more), cut before each
    /// label that follows a number, and before each clause header of the 2021 format's table
    /// (`第二十条第（五）项`, also after a note in brackets); a date's 年 or a unit after a
    /// number is not a label.
    static func tableRows(_ piece: String) -> [String] {
        let chars = Array(piece)
        func isDigit(_ character: Character) -> Bool { NumberGlyphs.asciiDigit(character) != nil }
        let numbers = piece.split { !isDigit($0) }.count
        guard !LineRole.isSentence(piece) else { return [piece] }
        guard numbers >= 2 else { return valuesAfterHeader(piece) }
        var rows: [String] = []
        var start = 0
        for index in chars.indices.dropFirst() {
            var previous = index - 1
            while previous > start, chars[previous] == " " { previous -= 1 }
            let opensClause = index > start + 1 && chars[index...].starts(with: clause) && chars[index - 1] != "、"
            guard opensClause || (chars[index].isCJK && (isDigit(chars[previous]) || "—-".contains(chars[previous]))
                && !"年月日件条个项次人元万％%".contains(chars[index]) && !Self.isNoneCell(chars, at: index))
            else { continue }
            rows.append(String(chars[start..<index]).trimmingSpaces)
            start = index
        }
        rows.append(String(chars[start...]).trimmingSpaces)
        return rows.filter { !$0.isEmpty }.flatMap(valuesAfterHeader)
    }

    /// Whether the word for none at `index` (`无`) is a cell among a row's values
    /// (`1无1无无`), not the first character of a label: what follows it is no Chinese
    /// character but another word for none.
    static func isNoneCell(_ chars: [Character], at index: Int) -> Bool {
        guard NumberGlyphs.isNoneWord(String(chars[index])) else { return false }
        guard index + 1 < chars.count else { return true }
        let next = chars[index + 1]
        return !next.isCJK || NumberGlyphs.isNoneWord(String(next))
    }

    /// A table's header words with its one row's digits (and dashes) glued after them
    /// (`…尚未审结总计411280000010113`): the header ends with its last column, 总计, after
    /// other words; the digits are cut off onto a row of their own. A row labelled 总计
    /// (`（七）总计815025396`) is no header and stays whole.
    static func valuesAfterHeader(_ row: String) -> [String] {
        // Digits, and the dashes and words a row prints for none (`20002—————10001`, `无无1无1`).
        let digits = row.reversed().prefix {
            NumberGlyphs.asciiDigit($0) != nil || $0 == "—" || NumberGlyphs.isNoneWord(String($0))
        }
        let words = String(row.dropLast(digits.count)).trimmingSpaces
        guard digits.filter({ NumberGlyphs.asciiDigit($0) != nil }).count >= 2,
            let end = headerEnds.first(where: words.hasSuffix)
        else { return [row] }
        let before = words.dropLast(end.count)
        let marker = ListMarker(parsing: String(before).trimmingSpaces[...])
        guard before.count - (marker?.length ?? 0) >= longLabel else { return [row] }
        return [String(words), String(digits.reversed())]
    }

    /// The last word of a header whose row of values follows it.
    static let headerEnds = ["总计"]
}
