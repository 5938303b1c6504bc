import TablefixModel

/// A piece of a table row: label text, a number, a dash or slash standing for none, or an
/// empty cell.
struct Token: Equatable {
    enum Kind: Equatable { case text, number, placeholder, blank }
    var kind: Kind
    var raw: String
    var line: Int
    /// Whether the token is all its cell or line holds: then it is one value, never
    /// digits of several cells run together.
    var isWhole = false
    /// Where the word starts in its line of text, in unicode scalars (nil in a cell of markup or of
    /// a page): the spaces an OCR keeps between a row's values measure the columns between
    /// them.
    var offset: Int?
    /// Whether the token was read by OCR from a picture of its cell: then specks and
    /// blur may stand beside or for its digits.
    var isOCR = false
    /// Whether the token is a word of its own in a line of text laid out in columns: white
    /// space on either side, a column's gap (two spaces or more) on one side at least. A
    /// value printed apart, not digits of several cells glued together (a crawler's
    /// `规章 000` has no such gap).
    var standsApart = false
    /// Whether the token is a blank the reader put by character columns
    /// (``Cell/isBlankByPosition``).
    var isBlankByPosition = false

    /// Whether the token stands for a cell's value: a number or a mark for none.
    var isValue: Bool { kind == .number || kind == .placeholder }
}

/// One row of a table region, whatever block it came from: a grid row, or a line of
/// text split into label and numbers.
struct StreamRow {
    var tokens: [Token]
    /// The index of the block it came from.
    var block: Int
    /// Whether the row is a line of prose rather than a row of a grid.
    var isLine = false
    /// Whether the row is a heading, caption or sentence rather than a label: never part
    /// of a row's label.
    var isCaption = false

    /// The label: the row's text tokens, joined.
    var label: String {
        tokens.filter { $0.kind == .text }.map(\.raw).joined()
    }

    /// Whether any token is a number.
    var hasNumbers: Bool { tokens.contains { $0.kind == .number } }

    var hasText: Bool { tokens.contains { $0.kind == .text } }

    /// Whether the row's one number is a list number before its label (`2 其他法律行政法规禁`,
    /// an OCR's space after the `2`): a label, with no value in it.
    var numberIsListMarker: Bool {
        guard tokens.count > 1, tokens[0].kind == .number, tokens[0].raw.count == 1, tokens[1].kind == .text else { return false }
        return tokens.dropFirst().allSatisfy { $0.kind != .number }
    }

    /// The tokens after the last text token: the row's values, blanks included.
    var tail: [Token] {
        guard let last = tokens.lastIndex(where: { $0.kind == .text }) else { return tokens }
        return Array(tokens[(last + 1)...])
    }

    /// The spaces before each token of the tail in its line, the first token's counted from
    /// the label's end; nil when the row is no line of text, or its tail continues on
    /// other lines.
    var tailSpaces: [Int]? {
        guard isLine, let last = tokens.lastIndex(where: { $0.kind == .text }) else { return nil }
        var spaces: [Int] = []
        for index in tokens.indices.dropFirst(last + 1) {
            let before = tokens[index - 1], token = tokens[index]
            guard token.line == before.line, let start = token.offset, let previous = before.offset else { return nil }
            let gap = start - previous - before.raw.unicodeScalars.count
            guard gap >= 0 else { return nil }
            spaces.append(gap)
        }
        return spaces
    }

    /// Values of the tail that are printed (numbers and placeholders).
    var printedValueCount: Int { tail.filter { $0.kind == .number || $0.kind == .placeholder }.count }

    /// Whether the row holds a row's cells: printed values, or a grid row's blank cells
    /// after its label (a publisher's blank for zero across a whole row).
    var holdsCells: Bool {
        printedValueCount > 0 || (!isLine && hasText && tail.contains { $0.kind == .blank })
    }

    var line: Int { tokens.first { $0.line > 0 }?.line ?? 0 }
}

/// Turns the blocks of a table region into rows of tokens.
enum RowStream {
    /// The rows of `blocks[range]`: each grid row, and each line of prose split into a
    /// label and the numbers after it.
    static func rows(of blocks: [Block], in range: Range<Int>) -> [StreamRow] {
        var rows: [StreamRow] = []
        for index in range {
            switch blocks[index].content {
            case .table(let grid):
                for row in grid.rows {
                    var tokens: [Token] = []
                    for cell in row where !cell.isFiller && !cell.isSpanned {
                        if cell.isBlankByPosition {
                            tokens.append(Token(kind: .blank, raw: "", line: cell.line, isBlankByPosition: true))
                        } else {
                            tokens += cellTokens(cell.text, line: cell.line, inGrid: true, at: cell.offset).map { token in
                                var token = token
                                token.isOCR = cell.ocrConfidence != nil
                                return token
                            }
                        }
                    }
                    rows.append(StreamRow(tokens: readingLoneLookalikes(tokens, wholeCellsOnly: true), block: index))
                }
            case .heading(let lines), .paragraph(let lines):
                for (position, line) in lines.enumerated() where !LineRole.isDrawnRule(line.text) {
                    var tokens = cellTokens(line.text, line: line.line, inGrid: false)
                    if position + 1 < lines.count, Self.spellsWord(line.text, before: lines[position + 1].text) {
                        tokens[0].kind = .text
                    }
                    var row = StreamRow(tokens: tokens, block: index, isLine: true)
                    row.isCaption = isCaption(blocks[index], line.text)
                    // A line holding only values continues the row above it: extractors that
                    // write one cell per line (office text export, pdftotext) leave rows so.
                    if !row.hasText, row.printedValueCount > 0, let last = rows.last, last.isLine {
                        rows[rows.count - 1].tokens += row.tokens
                    } else {
                        rows.append(row)
                    }
                }
            case .image, .removed:
                continue
            }
        }
        return rows
    }

    /// Whether a line of a word for none (`无`, `無`) is a letter of a word written one
    /// character per line (`无` `法` `提` `供`, joined by the cleanup), not a cell: the line
    /// after it is another Chinese character alone. No label is one character long.
    static func spellsWord(_ line: String, before next: String) -> Bool {
        guard NumberGlyphs.isNoneWord(line.trimmingSpaces) else { return false }
        let letter = next.trimmingSpaces
        return letter.count == 1 && letter.first?.isCJK == true && !NumberGlyphs.isNoneWord(letter)
    }

    /// A section heading (`三、收到和处理…`), a caption (`表2 …`) or a sentence.
    static func isCaption(_ block: Block, _ text: String) -> Bool {
        let trimmed = text.trimmingSpaces
        if LineRole.isSentence(trimmed) || LineRole.isCaption(trimmed) { return true }
        guard block.isHeading, let marker = ListMarker(parsing: trimmed[...]) else { return false }
        return marker.style == .chineseComma && trimmed.hasSuffix("情况")
    }

    /// The words of a cell or line: what white space and bars (OCR's reading of a table's
    /// rules) separate.
    static func words(of text: String) -> [Substring] {
        // When every scalar stands alone or is a space, each is a character of its own: the
        // words are cut at scalars, without walking characters.
        let scalars = text.unicodeScalars
        guard scalars.allSatisfy({ $0.standsAlone || $0.isSpace }) else {
            return text.split(whereSeparator: { $0.isWhitespace || $0 == "|" || $0 == "｜" || $0 == "丨" })
        }
        var words: [Substring] = []
        var start: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar.isSpace || scalar == "|" || scalar == "｜" || scalar == "丨" {
                if let first = start { words.append(text[first..<index]) }
                start = nil
            } else if start == nil {
                start = index
            }
            scalars.formIndex(after: &index)
        }
        if let first = start { words.append(text[first...]) }
        return words
    }

    /// The tokens of one cell (or one line of prose). An empty grid cell is a blank token.
    /// Each token knows where it starts in its line: in a line of prose, and in a grid's
    /// cell whose own place in its line of text is `start`.
    static func cellTokens(_ text: String, line: Int, inGrid: Bool, at start: Int? = nil) -> [Token] {
        // OCR reads a table's rules as bars: they separate cells, they are not digits.
        let words = words(of: text)
        if words.isEmpty { return inGrid ? [Token(kind: .blank, raw: "", line: line)] : [] }
        var tokens: [Token] = []
        // Whether the line glues a crawler's cells after a label (`规章无无无`): then one 无
        // glued after a label is its cell too (`行政许可无`), which alone it may not be
        // (`审核有无`). Worked out only for a word that ends so.
        lazy var gluesCells = words.contains { splitTrailingCells(String($0)) != nil }
        for (piece, word) in joiningSpacedNotes(words) {
            let appended = tokens.count
            defer {
                if let cellStart = inGrid ? start : 0 {
                    // Each token of the word starts where the word's tokens before it end.
                    var offset = cellStart + text.unicodeScalars.distance(from: text.startIndex, to: piece.startIndex)
                    for index in appended..<tokens.count {
                        tokens[index].offset = offset
                        offset += tokens[index].raw.unicodeScalars.count
                    }
                }
            }
            // Digits alone are a number (and end no note): the commonest word, read by its bytes.
            if NumberReader.plainDigits(word) != nil {
                tokens.append(Token(kind: .number, raw: word, line: line,
                                    standsApart: !inGrid && standsApart(piece, in: text)))
                continue
            }
            // A note in brackets printed apart from its number (`31 （其中修订9件）`) is the number's.
            if let last = tokens.last, last.kind == .number, word.first.map(NumberReader.noteOpeners.contains) == true,
                NumberReader.splitNote(last.raw + word) != nil
            {
                tokens[tokens.count - 1].raw += word
                continue
            }
            // A unit printed apart from its number is the number's, in a cell or where the number
            // stands apart in a line laid out in columns (`采购   10          12345678.90 元`, pdftotext's
            // layout); a list's `机构数 1 个` stays prose.
            if let last = tokens.last, last.kind == .number, inGrid || last.standsApart,
                NumberReader.units.contains(String(word)),
                NumberReader.splitUnit(last.raw + word) != nil
            {
                tokens[tokens.count - 1].raw += word
                continue
            }
            // A line's label with a crawler's cells glued after it, some of them marks for none.
            if !inGrid, let split = splitTrailingCells(word)
                ?? (word.last.map(noneCharacters.contains) == true && gluesCells ? splitTrailingCells(word, oneNone: true) : nil)
            {
                tokens.append(Token(kind: .text, raw: split.label, line: line))
                tokens += split.cells.map { Token(kind: $0.allSatisfy(\.isNumber) ? .number : .placeholder, raw: $0, line: line) }
                continue
            }
            // A word with no digit nor any glyph an OCR prints for one is text or a mark for none.
            if !word.unicodeScalars.contains(where: NumberGlyphs.mayStandForDigit) {
                tokens.append(Token(kind: NumberReader.isPlaceholder(word) ? .placeholder : .text, raw: word, line: line))
            } else if let pieces = crawledDashes(word) {
                tokens += pieces.map { Token(kind: $0.allSatisfy(\.isNumber) ? .number : .placeholder, raw: $0, line: line) }
            } else if let pieces = crawledUnits(word) {
                tokens += pieces.map { Token(kind: .number, raw: $0, line: line) }
            } else if NumberReader.isPlaceholder(word) {
                tokens.append(Token(kind: .placeholder, raw: word, line: line))
            } else if NumberReader.isNumber(word) {
                tokens.append(Token(kind: .number, raw: word, line: line, standsApart: !inGrid && standsApart(piece, in: text)))
            } else if let damaged = damagedNumber(word) {
                tokens.append(Token(kind: .number, raw: damaged, line: line))
            } else if inGrid, words.count == 1, isCountWithUnknownUnit(word) {
                // A cell's value, its unit not one reading knows: a cell that says so, not a
                // piece of the row's label (the empty cells after it then no value of its).
                tokens.append(Token(kind: .number, raw: word, line: line))
            } else if let split = splitTrailingDigits(word) {
                tokens.append(Token(kind: .text, raw: split.label, line: line))
                tokens += split.numbers.map { Token(kind: .number, raw: $0, line: line) }
            } else {
                tokens.append(Token(kind: .text, raw: word, line: line))
            }
        }
        if tokens.count == 1 { tokens[0].isWhole = true }
        return inGrid ? tokens : readingLoneLookalikes(tokens)
    }

    /// Whether `word`, a piece of `text`, has white space (or the line's end) on either side
    /// and a column's gap, two spaces or more, on one side at least (``Token/standsApart``).
    static func standsApart(_ word: Substring, in text: String) -> Bool {
        let before = text[..<word.startIndex].suffix(2), after = text[word.endIndex...].prefix(2)
        let column = { (side: Substring) in side.count == 2 && side.allSatisfy(\.isWhitespace) }
        return (before.last?.isWhitespace ?? true) && (after.first?.isWhitespace ?? true)
            && (column(before) || column(after))
    }

    /// The words with a number's note in brackets that an extractor spaced apart
    /// (`31（其中修订 9 件）`, as pdftotext spaces a digit in Chinese text) joined into one
    /// word: the words from an open bracket to the one that closes it, at most
    /// ``longestSpacedNote`` of them, when the number before the bracket and they make a
    /// note (``NumberReader/splitNote(_:)``). Each word with the piece it starts at.
    static func joiningSpacedNotes(_ words: [Substring]) -> [(piece: Substring, word: String)] {
        var joined: [(piece: Substring, word: String)] = []
        var index = 0
        while index < words.count {
            let word = String(words[index])
            defer { index += 1 }
            guard NumberReader.mayOpenNote(word), let open = word.lastIndex(where: NumberReader.noteOpeners.contains),
                !word[open...].contains(where: NumberReader.noteClosers.contains)
            else {
                joined.append((words[index], word))
                continue
            }
            let number = open == word.startIndex ? joined.last?.word ?? "" : ""
            let end = words.indices.dropFirst(index + 1).prefix(longestSpacedNote)
                .first { words[$0].contains(where: NumberReader.noteClosers.contains) }
            guard let end, words[end].last.map(NumberReader.noteClosers.contains) == true else {
                joined.append((words[index], word))
                continue
            }
            let note = words[index...end].joined()
            guard NumberReader.splitNote(number + note) != nil else {
                joined.append((words[index], word))
                continue
            }
            joined.append((words[index], note))
            index = end
        }
        return joined
    }

    /// The most words a number's note spaced apart may take.
    static let longestSpacedNote = 4

    /// A lone `工`, `l` or `O` in the run of numbers that ends a line (`行政规范性文件 工 1 8`)
    /// is an OCR'd digit: a number, which reading marks as a repair; a lone `一` there is
    /// an OCR'd dash; a word of zeros and rules read as letters (`olo`, `oo`) is a number
    /// for ``RuleGlyphs`` to read; lone commas and stops (``NumberGlyphs/punctuationZeros``)
    /// are OCR'd zeros. A run of nothing but such words stays text, unless it holds
    /// ``minimumPunctuationRun`` commas or stops. In a grid's row (`wholeCellsOnly`) only a
    /// word that is all its cell holds, or that stands beside a number, counts so. In a grid
    /// read by OCR, a count with a speck beside it (`0.`, `8-`:
    /// ``NumberReader/strayMarkReading(of:)``) is a number too, and so is a short cell of
    /// anything after a cell of a value (`卫汪` where a blurred `13` was: a number reading
    /// cannot read, not a label). Text keeps them as text: there `3.` after a row's values
    /// is the list number of the next row's label. In a line, and in a grid's row read from
    /// text (an OCR'd page's columns, `0 1L` in the last cell), words of Latin letters after
    /// the row's values (``isLatinDebris(_:)``) are cells an OCR garbled.
    static func readingLoneLookalikes(_ tokens: [Token], wholeCellsOnly: Bool = false) -> [Token] {
        func isLookalike(_ index: Int) -> Bool {
            let token = tokens[index]
            if wholeCellsOnly, token.isWhole, token.isOCR, NumberReader.strayMarkReading(of: token.raw) != nil { return true }
            guard NumberReader.isLoneLookalike(token.raw) || RuleGlyphs.needsRules(token.raw) else { return false }
            // A word sharing its grid cell is a digit only beside a number (`数量 0 1 0 lo`,
            // `秘密 工 0 0`): a label's own characters are not.
            return !wholeCellsOnly || token.isWhole || (index > 0 && tokens[index - 1].kind == .number)
                || (index + 1 < tokens.count && tokens[index + 1].kind == .number)
        }
        var garbled = [Bool](repeating: false, count: tokens.count)
        for index in tokens.indices.dropFirst() where tokens[index].kind == .text {
            let before = tokens[index - 1]
            let afterValue = before.isValue || garbled[index - 1] || (before.kind == .text && isLookalike(index - 1))
            if wholeCellsOnly, tokens[index].isOCR {
                garbled[index] = tokens[index].isWhole && afterValue
                    && tokens[index].raw.count <= longestGarbledValue && !NumberReader.units.contains(tokens[index].raw)
            } else if !wholeCellsOnly || tokens[index].offset != nil {
                // A line, or a grid's row read from text; a page's markup prints what it holds.
                garbled[index] = afterValue
                    && (isLatinDebris(tokens[index].raw) || isGarbledLastCell(tokens, at: index))
            }
        }
        var start = tokens.count
        while start > 0, tokens[start - 1].kind != .text || isLookalike(start - 1) || garbled[start - 1] {
            start -= 1
        }
        let stops = tokens[start...].filter { NumberGlyphs.punctuationZeros.contains($0.raw) }.count
        if stops < minimumPunctuationRun {
            // A stop right after the label ends the label's words (`另行制作 。 11 0 0`).
            while start < tokens.count, NumberGlyphs.punctuationZeros.contains(tokens[start].raw) { start += 1 }
        }
        guard tokens[start...].contains(where: { $0.kind == .number }) || stops >= minimumPunctuationRun
        else { return tokens }
        var tokens = tokens
        for index in start..<tokens.count where tokens[index].kind == .text {
            tokens[index].kind = NumberGlyphs.dashLookalikes.contains(tokens[index].raw) ? .placeholder : .number
        }
        return tokens
    }

    /// Whether the word at `index`, the last of its row, is a cell an OCR read as one or two
    /// CJK characters (`3.补正后申请内容仍不 5  0  0  0  0  0 上`, the total a blurred `5`):
    /// a row of values (``minimumValuesBeforeGarbledCell`` at least) runs up to it, and it is
    /// no unit. Fewer values before such a word are a sentence's (`共 3 个 上`).
    static func isGarbledLastCell(_ tokens: [Token], at index: Int) -> Bool {
        let raw = tokens[index].raw
        guard index == tokens.count - 1, (1...2).contains(raw.count),
            raw.allSatisfy(\.isCJK), !NumberReader.units.contains(raw)
        else { return false }
        let values = tokens[..<index].reversed().prefix { $0.kind == .number }.count
        return values >= minimumValuesBeforeGarbledCell
    }

    /// The fewest values before a word of CJK characters that end a line for it to be a
    /// garbled cell: most of a row of the table of requests.
    static let minimumValuesBeforeGarbledCell = 5

    /// Whether a word of a line is what a Chinese OCR prints for cells it could not read
    /// (`ofa`, `1h0o0`, `s:`): Latin letters, perhaps with digits and marks, and nothing
    /// else. A table's labels and units are Chinese, so after a row's values such a word
    /// is a cell, not a label.
    static func isLatinDebris(_ word: String) -> Bool {
        word.unicodeScalars.allSatisfy { $0.isASCII && !$0.properties.isWhitespace }
            && word.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
    }

    /// The fewest lone commas and stops that make a row of OCR'd zeros without any digit
    /// (`| ， | ， | ， |`): fewer end sentences.
    static let minimumPunctuationRun = 3

    /// The most characters of a cell after a value that OCR garbled beyond reading.
    static let longestGarbledValue = 4

    /// The characters of ``NumberGlyphs/noneWords`` a crawler glues to other cells: 无 and
    /// its traditional form 無.
    static let noneCharacters: Set<Character> = ["无", "無"]
    /// What a crawler's run of cells prints for a cell of none, among its digits: a dash or 无.
    static let crawledMarks: Set<Character> = noneCharacters.union(["—"])

    /// `20002—————10001`, `1173无191131`: a crawler's run of cells, digits and marks for none
    /// (``crawledMarks``) together. Each mark is a cell that printed none; the digit runs are
    /// split later, as glued digits are.
    static func crawledDashes(_ word: String) -> [String]? {
        guard word.contains(where: crawledMarks.contains), word.contains(where: \.isNumber),
            word.allSatisfy({ crawledMarks.contains($0) || ($0.isASCII && $0.isNumber) })
        else { return nil }
        return crawledCells(word)
    }

    /// The cells of a run of digits and marks for none: each mark one, each digit run one.
    static func crawledCells(_ run: String) -> [String] {
        var pieces: [String] = []
        for character in run {
            if crawledMarks.contains(character) {
                pieces.append(String(character))
            } else if let last = pieces.last, last.allSatisfy(\.isNumber) {
                pieces[pieces.count - 1].append(character)
            } else {
                pieces.append(String(character))
            }
        }
        return pieces
    }

    /// `数量1173—191131` → (`数量`, [`1173`, `—`, `191131`]), `国家秘密———` → (`国家秘密`, [`—`, `—`, `—`]):
    /// a crawler's cells glued to the end of a label, marks for none among them
    /// (``crawledCells(_:)``). The label ends in a Chinese character or closing mark
    /// (`…不计其他情形）6———1—7`, `…一稳定”1—————1`); the run holds a mark and
    /// either a digit or a dash, or two marks at least (one 无 may end a label). Digits alone
    /// are ``splitTrailingDigits(_:)``'s.
    /// With `oneNone`, one 无 after the label is a cell too (the line glues other cells so).
    static func splitTrailingCells(_ word: String, oneNone: Bool = false) -> (label: String, cells: [String])? {
        guard let last = word.last, crawledMarks.contains(last) || (last.isASCII && last.isNumber) else { return nil }
        let run = String(word.reversed().prefix { crawledMarks.contains($0) || ($0.isASCII && $0.isNumber) }.reversed())
        let label = word.dropLast(run.count)
        guard let end = label.last, end.isCJK || end.isCJKPunctuation || end == ")", run.contains(where: crawledMarks.contains),
            run.contains(where: { $0 == "—" || $0.isNumber }) || run.count >= 2 || oneNone
        else { return nil }
        return (String(label), crawledCells(run))
    }

    /// `2件0件1件1件4件`: a crawler's run of cells that each print a unit after their number.
    /// The unit ends each cell, so the run splits without guessing: `2件`, `0件`, `1件` …
    /// Two numbers or more, all with the same unit, and nothing else.
    static func crawledUnits(_ word: String) -> [String]? {
        guard let last = word.unicodeScalars.last, NumberReader.unitEndings.contains(last) else { return nil }
        var pieces: [String] = []
        var rest = Substring(word)
        var unit: String?
        while !rest.isEmpty {
            let digits = rest.prefix { ($0.isASCII && $0.isNumber) || $0 == "." }
            guard !digits.isEmpty, let printed = NumberReader.units.first(where: { rest.dropFirst(digits.count).hasPrefix($0) }),
                unit == nil || unit == printed
            else { return nil }
            unit = printed
            let piece = rest.prefix(digits.count + printed.count)
            guard NumberReader.plainDigits(String(digits)) != nil || NumberReader.isNumber(String(piece)) else { return nil }
            pieces.append(String(piece))
            rest = rest.dropFirst(piece.count)
        }
        return pieces.count >= 2 ? pieces : nil
    }

    /// A count printed with a unit reading does not know (`6521.37千元`, `12宗次`): two
    /// digits or a decimal point (`2其他` is a list number), then one to three Chinese
    /// characters that are no date (`2014年度`, `12月`).
    static func isCountWithUnknownUnit(_ word: String) -> Bool {
        let number = word.prefix { ($0.isASCII && $0.isNumber) || $0 == "." }
        let unit = word.dropFirst(number.count)
        return number.first?.isNumber == true && number.last?.isNumber == true && number.count >= 2
            && (1...3).contains(unit.count) && unit.allSatisfy(\.isCJK) && !dateWords.contains(where: unit.hasPrefix)
    }

    /// The words after a number that make it a date or a time, not a count.
    static let dateWords = ["年", "月", "日", "号", "时", "点", "周", "季", "届", "期"]

    /// A number with OCR debris stuck to it (`3?`, `12)`, `”0`): the digits, which
    /// reading then marks as a repair. Never a list number (`1.`) or a year (`2021年`).
    static func damagedNumber(_ word: String) -> String? {
        let leading = word.prefix { NumberGlyphs.leadingDebris.contains($0) }
        let body = word.dropFirst(leading.count)
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        let rest = body.dropFirst(digits.count)
        guard !digits.isEmpty, leading.count <= 1, rest.count <= 2, leading.count + rest.count > 0,
            rest.allSatisfy({ NumberGlyphs.trailingDebris.contains($0) })
        else { return nil }
        return word
    }

    /// `行政许可1375` → (`行政许可`, [`1375`]): digits glued to the end of a label, as a
    /// crawler that ran cells together leaves them. A sign inside the run starts a number
    /// of its own (a change column's `-1`, `+2`): `行政强制101+2250` → [`101`, `+2250`];
    /// one sign at most, after a word. Not `2021年` nor `第1项`.
    static func splitTrailingDigits(_ word: String) -> (label: String, numbers: [String])? {
        guard let last = word.last, last.isASCII, last.isNumber else { return nil }
        let run = word.reversed().prefix { ($0.isASCII && $0.isNumber) || $0 == "," || $0 == "." || NumberGlyphs.signs.contains($0) }
        var numbers: [String] = []
        var current = ""
        for character in run.reversed() {
            if NumberGlyphs.signs.contains(character) {
                if !current.isEmpty { numbers.append(current) }
                current = String(character)
            } else {
                current.append(character)
            }
        }
        numbers.append(current)
        let label = word.dropLast(run.count)
        // One sign at most, after a word (`2023-12` after punctuation is a date).
        guard numbers.count <= 2, let first = run.last, !NumberGlyphs.signs.contains(first), let end = label.last, numbers.count == 1 ? end.isCJK || end.isCJKPunctuation : end.isCJK,
            numbers.allSatisfy(NumberReader.isNumber)
        else { return nil }
        return (String(label), numbers)
    }


    /// Rows whose labels an extractor wrote one after another and whose values came after
    /// them all (pdftotext on merged cells): `label A`, `label B`, `a1…a7 b1…b7`. The values
    /// of a row holding `m × columns` of them are dealt back to the last `m` label rows
    /// before it, fragments of fewer than four letters (`不予公`, `开`) set aside.
    ///
    /// A second shape: rows that printed only their first value beside their label, and a
    /// later run of `m × (columns − 1)` values holding the rest of each, in order.
    static func unstacking(_ rows: [StreamRow], columns: Int) -> [StreamRow] {
        guard columns > 2 else { return rows }
        var result = rows
        var index = result.count - 1
        while index > 0 {
            let row = result[index]
            let values = row.tail.filter(\.isValue)
            guard row.isLine, values.count == row.tail.count, values.count >= columns else {
                index -= 1
                continue
            }
            if let labels = stackedLabelRows(result, before: index, values: values.count, columns: columns) {
                // The value row keeps its own label and the last slice; each label row
                // above takes its slice, in order.
                for (slice, target) in labels.enumerated() {
                    result[target].tokens += values[(slice * columns)..<((slice + 1) * columns)]
                }
                result[index].tokens = Array(row.tokens.prefix(row.tokens.count - row.tail.count))
                    + values[(labels.count * columns)...]
                index = (labels.first ?? index) - 1
            } else if let firstColumn = firstColumnRows(result, before: index, values: values.count, columns: columns) {
                // Rows that printed their first value beside their label each take the
                // rest, in order; this row is left with its label.
                for (slice, target) in firstColumn.enumerated() {
                    result[target].tokens += values[(slice * (columns - 1))..<((slice + 1) * (columns - 1))]
                }
                result[index].tokens = Array(row.tokens.prefix(row.tokens.count - row.tail.count))
                index = (firstColumn.first ?? index) - 1
            } else {
                index -= 1
            }
        }
        return result
    }

    /// The `m − 1` nearest label rows above `index` (of four letters or more, fragments
    /// set aside), back to the previous row with values, when `values` is `m × columns`.
    static func stackedLabelRows(_ rows: [StreamRow], before index: Int, values: Int, columns: Int) -> [Int]? {
        let stacked = values / columns
        guard values % columns == 0, stacked >= 2 else { return nil }
        var labels: [Int] = []
        var probe = index - 1
        while probe >= 0, labels.count < stacked - 1, !rows[probe].hasNumbers, !rows[probe].isCaption {
            if LabelMatcher.letters(rows[probe].label).count >= 4 { labels.append(probe) }
            probe -= 1
        }
        return labels.count == stacked - 1 ? labels.reversed() : nil
    }

    /// The `m` nearest rows above `index` that carry exactly one value each, with nothing
    /// else carrying values between them, when `values` is `m × (columns − 1)`.
    static func firstColumnRows(_ rows: [StreamRow], before index: Int, values: Int, columns: Int) -> [Int]? {
        guard values % (columns - 1) == 0 else { return nil }
        let count = values / (columns - 1)
        guard count >= 2 else { return nil }
        var found: [Int] = []
        var probe = index - 1
        while probe >= 0, found.count < count {
            let row = rows[probe]
            if row.isCaption { return nil }
            if row.hasNumbers {
                guard row.tail.filter(\.isValue).count == 1, row.hasText else { return nil }
                found.append(probe)
            }
            probe -= 1
        }
        return found.count == count ? found.reversed() : nil
    }
}
