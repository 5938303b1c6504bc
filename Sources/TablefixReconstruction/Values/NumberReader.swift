import TablefixModel

/// Reads numbers as reports print them: ASCII or full-width digits, thousands
/// separators, decimals for amounts, and the dashes, slashes and blanks that mean none.
enum NumberReader {
    /// A parsed number and whether reading it needed an OCR repair.
    struct Reading: Equatable {
        var value: Double
        /// Letters read as digits (`O` → 0, `l` → 1): the value is a repair, not a reading.
        var repaired: Bool
    }

    static func isPlaceholder(_ word: String) -> Bool { NumberGlyphs.isNone(word) }

    /// Digits (ASCII or full-width) with separators or one decimal point, possibly with
    /// a few OCR letter lookalikes among at least one real digit.
    static func isNumber(_ word: String) -> Bool { !isLoneLookalike(word) && reading(of: word) != nil }

    /// A lone OCR lookalike of a digit or dash (``NumberGlyphs/loneDigits``): a number only
    /// among numbers (``RowStream`` decides), so it is not one of ``isNumber(_:)``'s.
    static func isLoneLookalike(_ word: String) -> Bool { NumberGlyphs.isLoneLookalike(word) }

    /// The number `word` stands for, or nil when it is not one.
    static func reading(of word: String) -> Reading? {
        guard !word.isEmpty, word.count <= 20 else { return nil }
        if let value = NumberGlyphs.loneDigits[word] { return Reading(value: value, repaired: true) }
        // A change column prints signs: +2, -3, −3, ＋2, －3.
        if let sign = word.first, "+-−＋－".contains(sign), word.count > 1 {
            guard var reading = reading(of: String(word.dropFirst())) else { return nil }
            if "-−－".contains(sign) { reading.value = -reading.value }
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
}
