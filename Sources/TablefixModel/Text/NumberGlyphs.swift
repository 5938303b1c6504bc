/// The characters and words that stand in a table's cells besides digits: what means
/// "none", what an OCR prints for a digit or a dash, and the debris it leaves around
/// numbers. One copy of each set, for readers, cleanup and reconstruction alike.
public enum NumberGlyphs {
    /// Dashes and slashes a cell prints for none (pandoc markdown's `---` too).
    public static let noneMarks: Set<String> = ["-", "—", "–", "/", "－", "／", "——", "--", "---", "\\"]

    /// The signs a change column prints before its number.
    public static let signs: Set<Character> = ["+", "-", "−", "＋", "－"]

    /// Units a cell may print after its number, longest first (`368000元`, `4件`), in
    /// simplified and traditional characters (`6521.37萬元`, a traditional-character gate's).
    public static let units = ["人次", "万元", "亿元", "萬元", "億元", "元", "件", "条", "條", "个", "個", "项", "項", "次", "人",
                               "家", "份", "篇", "宗", "起", "%", "％"]

    /// Whether `word` is a count as a cell prints it: ASCII or full-width digits, a sign
    /// before them, separators or a decimal point among them, one of ``units`` after them
    /// (`12`, `-3`, `１２`, `594.19万元`, `1,736件`).
    public static func isPrintedCount<Word: BidirectionalCollection<Character>>(_ word: Word) -> Bool {
        // Told by its first character before any unit is looked for: most words are no count.
        guard let first = word.first, asciiDigit(first) != nil || signs.contains(first), let last = word.last else {
            return false
        }
        var end = word.endIndex
        if asciiDigit(last) == nil, let unit = units.first(where: { word.reversed().starts(with: $0.reversed()) }) {
            end = word.index(end, offsetBy: -unit.count)
        }
        var start = word.startIndex
        if signs.contains(first) { start = word.index(after: start) }
        guard start < end, asciiDigit(word[start]) != nil else { return false }
        return word[start..<end].allSatisfy { asciiDigit($0) != nil || $0 == "." || $0 == "," }
    }

    /// Words a cell prints for none (無 in traditional characters).
    public static let noneWords: Set<String> = ["无", "無", "空"]

    /// Whether a cell's whole text means none: a dash, a slash, 无 or 空.
    public static func isNone(_ word: String) -> Bool { isNoneMark(word) || isNoneWord(word) }

    /// Whether `word` is one of ``noneMarks``.
    public static func isNoneMark(_ word: String) -> Bool { word.utf8.count <= longestNone && noneMarks.contains(word) }

    /// Whether `word` is one of ``noneWords``.
    public static func isNoneWord(_ word: String) -> Bool { word.utf8.count <= longestNone && noneWords.contains(word) }

    /// The most UTF-8 bytes a none mark or word has (`——`). Each is its own scalars (none
    /// decomposes, and no character decomposes to one of them), so that a word of more
    /// bytes is none of them: told before it is hashed, which normalises a Chinese word.
    static let longestNone = noneMarks.union(noneWords).map(\.utf8.count).max() ?? 0

    /// Latin letters an OCR reads for digits inside a number (`1O5` for 105).
    public static let letterDigits: [Character: Character] = ["O": "0", "o": "0", "l": "1", "I": "1"]

    /// What a Chinese OCR prints for a lone digit in a row of numbers (`工` for 1). Alone
    /// such a word is a number only among numbers.
    public static let loneDigits: [String: Double] = [
        "工": 1, "】": 1, "]": 1, "【": 1, "[": 1, "l": 1, "I": 1, "O": 0, "o": 0,
    ]

    /// What an OCR prints for a zero in a ruled cell when it reads the rule before it as a
    /// letter and the zero as one too, in one word (`0 1 0 lo 0 1`): a zero, among numbers
    /// only. A real digit in the word (`l0`, `1o`) makes it a number read by
    /// ``letterDigits`` instead.
    public static let ruledZeros: Set<String> = ["lo", "lO", "Io", "IO", "io", "]o"]

    /// What a Chinese OCR prints for a lone dash in a row of numbers: `一`.
    public static let dashLookalikes: Set<String> = ["一"]

    /// What a Chinese OCR prints for a zero too small for it in a narrow ruled cell: a lone
    /// comma or full stop (`| ， | ， | 。 |`). Such a word has no digit's glyph, so it is
    /// a number only where ``isLoneLookalike(_:)`` is asked, never inside a word.
    public static let punctuationZeros: Set<String> = ["，", "。", ","]

    /// Whether `word` is one of the lone lookalikes of a digit or a dash, or a zero with
    /// its rule (``ruledZeros``).
    public static func isLoneLookalike(_ word: String) -> Bool {
        // Each lookalike is one scalar that decomposes to no other, or two ASCII ones: a longer
        // word is none of them, turned away before it is hashed.
        var scalars = word.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return false }
        guard let second = scalars.next() else {
            return loneDigits[word] != nil || dashLookalikes.contains(word) || punctuationZeros.contains(word)
        }
        return scalars.next() == nil && first.isASCII && second.isASCII && ruledZeros.contains(word)
    }

    /// What a Chinese OCR prints for the plus sign of a change (`十1` for +1).
    public static let plusLookalikes: Set<Character> = ["十"]

    /// OCR debris before a number (`”0`).
    public static let leadingDebris: Set<Character> = ["”", "“", "\"", "'", "‘", "’", "[", "【"]

    /// OCR debris after a number (`3?`, `12)`, `7，`).
    public static let trailingDebris: Set<Character> = [
        "?", "？", ")", "）", "'", "\"", "’", "”", "。", ",", "，", ":", "：", ";", "；", "!", "！", "]", "】",
    ]

    /// Whether `scalar` is a digit (ASCII or full-width) or a glyph an OCR prints for one
    /// (``letterDigits``, ``loneDigits``): a word without any is never a number.
    public static func mayStandForDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", "０"..."９", "O", "o", "l", "I", "工", "】", "]", "【", "[": true
        default: false
        }
    }

    /// The ASCII digit for an ASCII or full-width digit, or nil.
    public static func asciiDigit(_ character: Character) -> Character? {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return nil }
        switch scalar.value {
        case 0x30...0x39: return character
        case 0xFF10...0xFF19: return Character(Unicode.Scalar(UInt8(scalar.value - 0xFF10 + 0x30)))
        default: return nil
        }
    }
}
