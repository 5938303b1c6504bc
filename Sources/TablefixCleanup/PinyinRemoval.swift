public import TablefixModel

/// Removes the pinyin that text renderings of a page in an accessibility toolbar's 拼音
/// mode leave after each character: `規(guī)章(zhāng)` → `規章` (the page's
/// `<ruby>規<rt>guī</rt></ruby>`, its `<rp>` brackets kept by the renderer).
///
/// An annotation is a bracketed pinyin syllable (lower-case Latin letters, tone marks
/// allowed, a vowel among them) right after a CJK character; each removal is an edit.
/// Never touches a digit: a syllable written with a tone number (`gui1`) is left alone.
///
/// A page whose text holds ``pinyinPage`` such annotations or more is in pinyin mode; an
/// OCR of it damages many more (`(sh6u)`, `(yD)`, `(qifng)`), and wraps lines so that an
/// annotation starts one. On such a page, a bracketed word of up to seven Latin letters
/// and digits, more letters than digits, after a CJK character or at a line's start, is
/// pinyin too (``damagedAnnotations(in:)``).
public struct PinyinRemoval: CleanupPass {
    public init() {}

    public func apply(to document: inout Document) {
        var edits: [Edit] = []
        remove(Self.annotations, from: &document, edits: &edits)
        if edits.count >= Self.pinyinPage { remove(Self.damagedAnnotations, from: &document, edits: &edits) }
        document.edits += edits
    }

    /// The fewest annotations that put a page in pinyin mode.
    static let pinyinPage = 30

    /// Removes what `find` finds in every line of text and cell, each removal an edit.
    func remove(_ find: (String) -> [Range<String.Index>], from document: inout Document, edits: inout [Edit]) {
        document.rewriteText(includingCells: true) { text, line in
            guard text.holdsByte(UInt8(ascii: "(")), text.contains("(") else { return }
            let annotations = find(text)
            guard !annotations.isEmpty else { return }
            for range in annotations {
                edits.append(Edit(kind: .artifact, before: String(text[range]), after: "", line: line, confidence: ConfidencePolicy.standard.editPinyin))
            }
            for range in annotations.reversed() { text.removeSubrange(range) }
        }
    }

    /// The ranges of the pinyin annotations in `text`, `(guī)` after `規`, in order.
    static func annotations(in text: String) -> [Range<String.Index>] {
        brackets(in: text, atLineStart: false, holding: isSyllable)
    }

    /// The ranges of annotations an OCR damaged in `text` (`(sh6u)`, `(yD)`), after a CJK
    /// character or at the line's start, in order.
    static func damagedAnnotations(in text: String) -> [Range<String.Index>] {
        brackets(in: text, atLineStart: true, holding: isDamagedSyllable)
    }

    /// The bracketed words of `text` right after a CJK character (or, `atLineStart`, with
    /// only spaces before them) whose content `holds` accepts, in order.
    static func brackets(in text: String, atLineStart: Bool, holding holds: (Substring) -> Bool) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        // Where the line's text starts: a bracket there has only spaces before it.
        let lineStart = text.firstIndex { !$0.isWhitespace }
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "(") {
            defer { index = text.index(after: open) }
            let opensLine = atLineStart && open == lineStart
            guard opensLine || (open > text.startIndex && text[text.index(before: open)].isCJK),
                let close = text[open...].firstIndex(of: ")")
            else { continue }
            if holds(text[text.index(after: open)..<close]) { ranges.append(open..<text.index(after: close)) }
        }
        return ranges
    }

    /// A syllable an OCR damaged: one to seven Latin letters (tone marks allowed), digits
    /// and `@`, more letters than digits.
    static func isDamagedSyllable(_ text: Substring) -> Bool {
        guard (1...7).contains(text.count) else { return false }
        var letters = 0, digits = 0
        for character in text {
            if character.isASCII && character.isLetter || pinyinLetters.contains(character) {
                letters += 1
            } else if character.isASCII && character.isNumber {
                digits += 1
            } else if character != "@" {
                return false
            }
        }
        return letters > digits
    }

    /// Letters pinyin is written with: the Latin alphabet and the vowels with tone marks.
    static let pinyinLetters = Set("abcdefghijklmnopqrstuvwxyzüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ")
    static let pinyinVowels = Set("aeiouüvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")

    /// One pinyin syllable: one to six letters, a vowel among them (or `ng`, `m`, `n`, `ê`
    /// alone are too rare in labels to need).
    static func isSyllable(_ text: Substring) -> Bool {
        (1...6).contains(text.count) && text.allSatisfy(pinyinLetters.contains) && text.contains(where: pinyinVowels.contains)
    }
}
