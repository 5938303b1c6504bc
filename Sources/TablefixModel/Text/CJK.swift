/// The Unicode ranges tablefix treats as Chinese writing: one home for them.
public enum CJK {
    /// True for CJK ideographs: the unified block and its first extension.
    public static func isIdeograph(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
    }

    /// True for full-width CJK punctuation (、。，；：！？（）《》“” …).
    public static func isPunctuation(_ value: UInt32) -> Bool {
        (0x3000...0x303F).contains(value) || (0xFF01...0xFF0F).contains(value)
            || (0xFF1A...0xFF20).contains(value) || [0x201C, 0x201D, 0x2018, 0x2019].contains(value)
    }
}

extension Character {
    /// True for CJK ideographs (the unified block and its first extension).
    public var isCJK: Bool {
        guard let scalar = unicodeScalars.first, unicodeScalars.count == 1 else { return false }
        return CJK.isIdeograph(scalar.value)
    }

    /// True for full-width CJK punctuation (、。，；：！？（）《》“” …).
    public var isCJKPunctuation: Bool {
        guard let scalar = unicodeScalars.first, unicodeScalars.count == 1 else { return false }
        return CJK.isPunctuation(scalar.value)
    }
}
