/// A list number at the start of a line, such as `三、`, `（二）`, `4、`, `（1）` or `2.`.
///
/// Reports number their sections `一、二、三、`, their subsections `（一）（二）`, and items
/// `1.`; extraction often renders Word's list numbers in the wrong style (`4、`, `（1）`).
public struct ListMarker: Sendable, Equatable {
    /// The numbering style, which tells the level a marker belongs to.
    public enum Style: Sendable, Equatable {
        /// `一、` — section level.
        case chineseComma
        /// `（一）` or `(一)` — subsection level.
        case chineseParen
        /// `1、` — a section-level number rendered with Arabic digits, or an item.
        case arabicComma
        /// `（1）` or `(1)` — a subsection number rendered with Arabic digits, or an item.
        case arabicParen
        /// `1.` or `1．` — item level.
        case arabicDot
    }

    public var style: Style
    /// The number the marker stands for.
    public var value: Int
    /// The marker's length in characters, not counting the white space after it.
    public var length: Int
    /// The white space characters right after the marker.
    public var trailingSpace: Int

    /// Reads the marker at the start of `text`, or `nil` when it does not start with one.
    public init?(parsing text: Substring) {
        // Most lines open with no marker: their first scalar says so without more work.
        guard let scalar = text.unicodeScalars.first, Self.canOpen(scalar) else { return nil }
        // Digits make a marker only before `、` or a full stop, numerals only before `、`: a
        // number (a table's cell) or a sentence opening with one (`一是…`) is turned away by
        // its scalars.
        if Self.asciiDigits.contains(scalar) {
            guard let end = text.unicodeScalars.first(where: { !Self.asciiDigits.contains($0) }),
                Self.arabicEnds.contains(end)
            else { return nil }
        } else if ChineseNumeral.isListNumeral(scalar) {
            guard text.unicodeScalars.first(where: { !ChineseNumeral.isListNumeral($0) }) == "、" else { return nil }
        }
        let chars = Array(text.prefix(12))
        guard let first = chars.first else { return nil }
        var style: Style
        var value: Int
        var length: Int
        if first == "（" || first == "(" {
            var index = 1
            while index < chars.count, chars[index] == " " { index += 1 }
            let start = index
            while index < chars.count, chars[index] != "）", chars[index] != ")" { index += 1 }
            guard index < chars.count, index > start else { return nil }
            let inner = String(chars[start..<index]).trimmingSpaces
            if let number = Int(inner), inner.count <= 2 {
                style = .arabicParen
                value = number
            } else if let number = ChineseNumeral.listValue(inner) {
                style = .chineseParen
                value = number
            } else {
                return nil
            }
            length = index + 1
        } else if first.isASCII, first.isNumber {
            var index = 0
            while index < chars.count, chars[index].isASCII, chars[index].isNumber { index += 1 }
            guard index <= 2, index < chars.count, let number = Int(String(chars[0..<index])) else { return nil }
            // One of ``arabicEnds``.
            switch chars[index] {
            case "、": style = .arabicComma
            case ".", "．":
                // `1.5` is a number, not a marker.
                if index + 1 < chars.count, chars[index + 1].isNumber { return nil }
                style = .arabicDot
            default: return nil
            }
            value = number
            length = index + 1
        } else {
            var index = 0
            while index < chars.count, ChineseNumeral.digits[chars[index]] != nil || chars[index] == "十" {
                index += 1
            }
            guard index > 0, index < chars.count, chars[index] == "、",
                let number = ChineseNumeral.listValue(String(chars[0..<index]))
            else { return nil }
            style = .chineseComma
            value = number
            length = index + 1
        }
        var space = 0
        while length + space < chars.count, chars[length + space].isWhitespace { space += 1 }
        self.style = style
        self.value = value
        self.length = length
        self.trailingSpace = space
    }
}

extension ListMarker {
    static let asciiDigits: ClosedRange<Unicode.Scalar> = "0"..."9"
    /// What ends the digits of a marker: `、`, or a full stop (ASCII or full-width).
    static let arabicEnds: [Unicode.Scalar] = ["、", ".", "．"]

    /// Whether a marker may open with `scalar`: a bracket, an ASCII digit or a Chinese
    /// numeral of a list number.
    public static func canOpen(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFF08, 0x28, 0x30...0x39: true
        default: ChineseNumeral.isListNumeral(scalar)
        }
    }
}

extension String {
    /// The string without leading and trailing white space (ASCII, full-width, NBSP).
    public var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let head = scalars.first, let tail = scalars.last else { return self }
        // The usual case, answered without walking characters: nothing to trim.
        if !head.isSpace, !tail.isSpace { return self }
        // By scalars when the scalars at both new ends stand alone: each then starts and ends
        // a character, so that the characters trimmed are the spaces.
        guard let first = scalars.firstIndex(where: { !$0.isSpace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpace }) ?? first
        if scalars[first].standsAlone, scalars[last].standsAlone { return String(scalars[first...last]) }
        guard let start = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let end = lastIndex(where: { !$0.isWhitespace }) ?? start
        return String(self[start...end])
    }
}

extension Unicode.Scalar {
    /// Unicode White_Space, without a property lookup.
    @inlinable
    public var isSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Whether the scalar is a mark of general or CJK punctuation, full-width ASCII or a box
    /// drawing that no other scalars are canonically equivalent to (`〈` and `〉` are:
    /// U+2329 and U+232A): a character holds it only when it holds the very scalar.
    @inlinable
    public var isAloneInItsForm: Bool {
        switch value {
        case 0x2010...0x2027, 0x2500...0x257F, 0x3001...0x3007, 0x300A...0x3029, 0xFF01...0xFF5E: true
        default: false
        }
    }

    /// Whether the scalar is a character of its own whatever stands beside it: printable
    /// ASCII and Latin-1, box drawings, CJK ideographs, CJK and full-width punctuation — never a
    /// combining mark, a joiner, a prepended mark or half of `\r\n`.
    @inlinable
    public var standsAlone: Bool {
        switch value {
        case 0x20...0x7E, 0xA0...0xFF, 0x2010...0x2027, 0x2500...0x257F, 0x3001...0x3029, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xFF01...0xFF5E:
            true
        default: false
        }
    }
}

extension Double {
    /// The number as tablefix prints it: integers without a fraction, other numbers in
    /// their shortest exact form.
    public var printed: String {
        self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : "\(self)"
    }
}

// Inlinable: generic over the string type, these run on every line and are specialized
// where they are called only so.
extension StringProtocol {
    /// Whether the text's UTF-8 holds a byte that satisfies `isWanted`, read from the
    /// string's own storage where it has one: the view's `contains` walks its iterator a
    /// byte at a time, several times slower.
    @inlinable
    public func holdsByte(where isWanted: (UInt8) -> Bool) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(where: isWanted) } ?? utf8.contains(where: isWanted)
    }

    /// Whether the text's UTF-8 holds `byte` (``holdsByte(where:)``).
    @inlinable
    public func holdsByte(_ byte: UInt8) -> Bool {
        holdsByte { $0 == byte }
    }

    /// Whether the first character after the leading white space may be `character`
    /// (a character of one scalar that stands alone): false only when the scalar there
    /// settles that it is not, so that a line is turned away without more work.
    @inlinable
    public func mayOpen(with character: Unicode.Scalar) -> Bool {
        guard let first = unicodeScalars.first(where: { !$0.isSpace }) else { return false }
        return first == character || !first.standsAlone
    }

    /// Whether every scalar stands alone (or is an ideographic space, which nothing can
    /// join): each is then a character of its own, so that the text can be read and cut by
    /// scalars with the answers its characters give.
    @inlinable
    public var eachScalarIsACharacter: Bool {
        unicodeScalars.allSatisfy { $0.standsAlone || $0 == "\u{3000}" }
    }

    /// How many characters the text has (`count`), counted by scalars when each is a
    /// character (``eachScalarIsACharacter``): most lines, without walking characters.
    @inlinable
    public var characterCount: Int {
        var scalars = 0
        for scalar in unicodeScalars {
            guard scalar.standsAlone || scalar == "\u{3000}" else { return count }
            scalars += 1
        }
        return scalars
    }

    /// Whether the last character before the trailing white space may be `character`
    /// (``mayOpen(with:)`` from the end).
    @inlinable
    public func mayClose(with character: Unicode.Scalar) -> Bool {
        guard let last = unicodeScalars.last(where: { !$0.isSpace }) else { return false }
        return last == character || !last.standsAlone
    }

    /// Whether the text holds `character`, as `contains(_:)` answers it; for an ASCII
    /// character the bytes answer first, and most lines do not hold it. A mark of CJK or
    /// general punctuation (`。`, `—`: ``isAloneInItsForm``) is looked for by scalars.
    @inlinable
    public func includes(_ character: Character) -> Bool {
        let target: Unicode.Scalar
        if let byte = character.asciiValue, character != "\r\n" {
            guard holdsByte(byte) else { return false }
            // A control character other than a line end is a character of its own wherever it stands.
            if byte < 0x20 || byte == 0x7F, byte != 0x0A, byte != 0x0D { return true }
            target = Unicode.Scalar(byte)
        } else if character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
            scalar.isAloneInItsForm
        {
            target = scalar
        } else {
            return contains(character)
        }
        // Found as a character when the scalars on both sides stand alone; else asked of the
        // characters, when the scalar is there at all (no other scalars are the same character).
        var previousStandsAlone = true
        var pending = false
        var seen = false
        for scalar in unicodeScalars {
            if pending, scalar.standsAlone { return true }
            pending = scalar == target && previousStandsAlone
            seen = seen || scalar == target
            previousStandsAlone = scalar.standsAlone
        }
        return pending || (seen && contains(character))
    }
}

extension String {
    /// Whether `needle` occurs in the string, comparing UTF-8 bytes.
    ///
    /// The same answer as `contains(_:)` for text in normal form, many times faster on
    /// the short CJK lines cleanup and reconstruction look at.
    ///
    /// - Complexity: O(n·m) worst case, O(n) in practice.
    public func containsText(_ needle: String) -> Bool {
        var haystack = self
        var pattern = needle
        return haystack.withUTF8 { text in pattern.withUTF8 { word in Self.occurs(word, in: text) } }
    }

    /// Whether the bytes of `word` occur in `text`.
    static func occurs(_ word: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !word.isEmpty else { return true }
        guard word.count <= text.count, let first = word.first else { return false }
        var index = 0
        let last = text.count - word.count
        while index <= last {
            if text[index] == first {
                var offset = 1
                while offset < word.count, text[index + offset] == word[offset] { offset += 1 }
                if offset == word.count { return true }
            }
            index += 1
        }
        return false
    }
}

extension Substring {
    /// Whether `needle` occurs in the substring, comparing UTF-8 bytes
    /// (``Swift/String/containsText(_:)``).
    public func containsText(_ needle: String) -> Bool {
        var haystack = self
        var pattern = needle
        return haystack.withUTF8 { text in pattern.withUTF8 { word in String.occurs(word, in: text) } }
    }
}
