public import TablefixModel

/// Removes the pinyin that text renderings of a page in an accessibility toolbar's 拼音
/// mode leave after each character: `規(guī)章(zhāng)` → `規章` (the page's
/// `<ruby>規<rt>guī</rt></ruby>`, its `<rp>` brackets kept by the renderer).
///
/// An annotation is a bracketed pinyin syllable (lower-case Latin letters, tone marks
/// allowed, a vowel among them) right after a CJK character; each removal is an edit.
/// Never touches a digit: a syllable written with a tone number (`gui1`) is left alone.
public struct PinyinRemoval: CleanupPass {
    public init() {}

    public func apply(to document: inout Document) {
        var edits: [Edit] = []
        document.rewriteText(includingCells: true) { text, line in
            guard text.holdsByte(UInt8(ascii: "(")), text.contains("(") else { return }
            let annotations = Self.annotations(in: text)
            guard !annotations.isEmpty else { return }
            for range in annotations {
                edits.append(Edit(kind: .artifact, before: String(text[range]), after: "", line: line, confidence: ConfidencePolicy.standard.editPinyin))
            }
            for range in annotations.reversed() { text.removeSubrange(range) }
        }
        document.edits += edits
    }

    /// The ranges of the pinyin annotations in `text`, `(guī)` after `規`, in order.
    static func annotations(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "(") {
            defer { index = text.index(after: open) }
            guard open > text.startIndex, text[text.index(before: open)].isCJK,
                let close = text[open...].firstIndex(of: ")")
            else { continue }
            let syllable = text[text.index(after: open)..<close]
            if isSyllable(syllable) { ranges.append(open..<text.index(after: close)) }
        }
        return ranges
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
