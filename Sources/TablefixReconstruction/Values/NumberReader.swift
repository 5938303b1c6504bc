import TablefixModel

/// Reads numbers as reports print them: ASCII or full-width digits, thousands
/// separators, decimals for amounts, a unit or a note after the number, and the dashes,
/// slashes and blanks that mean none.
enum NumberReader {
    /// A parsed number and whether reading it needed an OCR repair.
    struct Reading: Equatable {
        var value: Double
        /// Letters read as digits (`O` → 0, `l` → 1): the value is a repair, not a reading.
        var repaired: Bool
        /// The unit printed after the number (`368000元`, `4件`), kept, never converted.
        var unit: String? = nil
        /// A note printed after the number in brackets (`31（其中修订9件）`).
        var note: String? = nil
    }

    /// Units a cell may print after its number, longest first.
    static let units = NumberGlyphs.units
    /// The last scalar of each unit.
    static let unitEndings = Set(units.compactMap(\.unicodeScalars.last))
    /// The units of money: a cell printing one of them in a column that counts in another
    /// is kept as printed, and says so.
    static let moneyUnits: Set<String> = ["元", "万元", "亿元"]
    /// The longest note read after a number.
    static let longestNote = 30

    static func isPlaceholder(_ word: String) -> Bool { NumberGlyphs.isNone(word) }

    /// Digits (ASCII or full-width) with separators or one decimal point, possibly with
    /// a few OCR letter lookalikes among at least one real digit.
    static func isNumber(_ word: String) -> Bool { !isLoneLookalike(word) && reading(of: word) != nil }

    /// A lone OCR lookalike of a digit or dash (``NumberGlyphs/loneDigits``): a number only
    /// among numbers (``RowStream`` decides), so it is not one of ``isNumber(_:)``'s.
    static func isLoneLookalike(_ word: String) -> Bool { NumberGlyphs.isLoneLookalike(word) }

    /// The number `word` stands for, or nil when it is not one.
    static func reading(of word: String) -> Reading? {
        if NumberGlyphs.punctuationZeros.contains(word) { return Reading(value: 0, repaired: true) }
        // Every way of reading a number ends on a digit or a glyph an OCR prints for one.
        guard word.unicodeScalars.contains(where: NumberGlyphs.mayStandForDigit) else { return nil }
        if let value = plainDigits(word) { return Reading(value: value, repaired: false) }
        if let (number, note) = splitNote(word) {
            guard var reading = reading(of: number) else { return nil }
            reading.note = note
            return reading
        }
        // At most ``longestNumber`` characters: a long word is not walked to its end.
        guard !word.isEmpty, word.dropFirst(longestNumber).isEmpty else { return nil }
        if let (number, unit) = splitUnit(word) {
            guard var reading = reading(of: number) else { return nil }
            reading.unit = unit
            return reading
        }
        if let value = NumberGlyphs.loneDigits[word] { return Reading(value: value, repaired: true) }
        if NumberGlyphs.ruledZeros.contains(word) { return Reading(value: 0, repaired: true) }
        // A change column prints signs: +2, -3, −3, ＋2, －3; an OCR may read + as 十.
        if let sign = word.first, NumberGlyphs.signs.contains(sign), word.count > 1 {
            guard var reading = reading(of: String(word.dropFirst())) else { return nil }
            if "-−－".contains(sign) { reading.value = -reading.value }
            return reading
        }
        if let sign = word.first, NumberGlyphs.plusLookalikes.contains(sign), word.count > 1,
            word.dropFirst().allSatisfy({ NumberGlyphs.asciiDigit($0) != nil })
        {
            guard var reading = reading(of: String(word.dropFirst())) else { return nil }
            reading.repaired = true
            return reading
        }
        // OCR debris around the digits (`3?`, `”0`): read the digits, as a repair.
        if let first = word.first, NumberGlyphs.leadingDebris.contains(first), word.count > 1 {
            guard var reading = reading(of: String(word.dropFirst())) else { return nil }
            reading.repaired = true
            return reading
        }
        if let last = word.last, NumberGlyphs.trailingDebris.contains(last), word.count > 1 {
            guard var reading = reading(of: String(word.dropLast())) else { return nil }
            reading.repaired = true
            return reading
        }
        var digits = ""
        var repaired = false
        var realDigits = 0
        for char in word {
            if let ascii = NumberGlyphs.asciiDigit(char) {
                digits.append(ascii)
                realDigits += 1
            } else if let digit = NumberGlyphs.letterDigits[char] {
                digits.append(digit)
                repaired = true
            } else if [",", "，"].contains(char) {
                digits.append(",")
            } else if [".", "．"].contains(char) {
                digits.append(".")
            } else {
                return nil
            }
        }
        guard realDigits > 0, let first = digits.first, first != ",", first != ".",
            digits.last != ",", digits.last != "."
        else { return nil }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            // Thousands separators: groups of three after the first.
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let plain = groups.joined() + (parts.count == 2 ? "." + parts[1] : "")
        guard let value = Double(plain) else { return nil }
        return Reading(value: value, repaired: repaired)
    }

    /// The value of a word of ASCII digits alone, at most ``longestNumber`` of them,
    /// read from its bytes: the commonest number, which every other way of reading leaves
    /// as it is. Nil for any other word.
    static func plainDigits(_ word: String) -> Double? {
        let bytes = word.utf8
        guard !bytes.isEmpty, bytes.count <= longestNumber,
            bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Double(word)
    }

    /// A count with a speck read beside it as a point or a dash (`0.`, `.0`, `8-`): its
    /// digits, as a repair. No number prints a point or a dash after its digits, nor a
    /// point before them; a list number (`1.`) looks the same, so only a whole cell among
    /// a row's values is read so (``RowStream/readingLoneLookalikes(_:wholeCellsOnly:)``).
    static func strayMarkReading(of word: String) -> Reading? {
        var body = Substring(word)
        if let first = body.first, strayLeadingMarks.contains(first) { body = body.dropFirst() }
        if let last = body.last, strayTrailingMarks.contains(last) { body = body.dropLast() }
        guard body.count < word.count, let value = plainDigits(String(body)) else { return nil }
        return Reading(value: value, repaired: true)
    }

    /// What a speck before a count reads as (a dash before digits is a sign).
    static let strayLeadingMarks: Set<Character> = [".", "．", "·"]
    /// What a speck after a count reads as.
    static let strayTrailingMarks: Set<Character> = [".", "．", "·", "-"]

    /// The most characters a number may have.
    static let longestNumber = 20

    /// The brackets a number's note opens and closes with.
    static let noteOpeners: Set<Character> = ["（", "("]
    static let noteClosers: Set<Character> = ["）", ")"]
    /// ``noteOpeners``' scalars (each is a character of one scalar).
    static let noteOpenerScalars: [Unicode.Scalar] = noteOpeners.flatMap(\.unicodeScalars)

    /// Whether `word` may hold a note's opening bracket: false when none of its scalars is
    /// one, so that most words are turned away without reading their characters.
    static func mayOpenNote(_ word: some StringProtocol) -> Bool {
        word.unicodeScalars.contains(where: noteOpenerScalars.contains)
    }

    /// `31（其中修订9件）` → (`31`, `其中修订9件`): a number and the note in brackets after it.
    static func splitNote(_ word: String) -> (String, String)? {
        guard let last = word.last, noteClosers.contains(last),
            let open = word.firstIndex(where: noteOpeners.contains), open > word.startIndex
        else { return nil }
        let number = String(word[..<open]).trimmingSpaces
        let note = word[word.index(after: open)..<word.index(before: word.endIndex)]
        guard let end = number.last, NumberGlyphs.asciiDigit(end) != nil || units.contains(where: number.hasSuffix),
            !note.isEmpty, note.count <= longestNote, !note.contains(where: noteOpeners.contains)
        else { return nil }
        return (number, String(note))
    }

    /// `368000元` → (`368000`, `元`): a number and the unit after it.
    static func splitUnit(_ word: String) -> (String, String)? {
        // Most words end on a digit: their last scalar settles that no unit ends them.
        guard let last = word.unicodeScalars.last, !last.standsAlone || unitEndings.contains(last) else { return nil }
        guard let unit = units.first(where: { word.hasSuffix($0) }) else { return nil }
        let number = String(word.dropLast(unit.count))
        guard let end = number.last, NumberGlyphs.asciiDigit(end) != nil else { return nil }
        return (number, unit)
    }
}
