import TablefixModel

/// Scores how well a printed label matches a template label, tolerating what extraction
/// does to labels: OCR glyph damage, labels cut short, labels split over lines or written
/// one character per line, list numbers and group labels around them.
///
/// Labels are compared as their letters only (``letters(_:)``): CJK characters and Latin
/// letters, without spaces, punctuation, digits or parenthesised list numbers.
struct LabelMatcher {
    /// The letters of labels that may surround a row's own label without counting
    /// against it: the table's group labels (`本年度办理结果`, `不予公开` …).
    var noise: [[UInt32]]

    init(noise: [String]) {
        // Longest first; equal lengths in a fixed order, whatever order the caller's set had.
        self.noise = noise.map(Self.letters).filter { !$0.isEmpty }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
    }

    /// 0…1: how well `printed` matches `alias`.
    func score(printed: String, alias: String) -> Double {
        score(Self.letters(printed), Self.letters(alias))
    }

    /// 0…1: how well the letters of a printed label match those of an alias.
    ///
    /// Mostly how much of the alias appears, in order, in the printed label (recall),
    /// with a smaller share for how much of the printed label the alias explains
    /// (precision, after group labels are set aside). A printed label cut short scores by
    /// how much of the alias it still has.
    ///
    /// - Complexity: O(n·m) in the two labels' lengths.
    func score(_ label: [UInt32], _ target: [UInt32]) -> Double {
        guard !label.isEmpty, !target.isEmpty else { return 0 }
        let common = Self.commonSubsequenceLength(label, target)
        let recall = Double(common) / Double(target.count)
        let own = stripNoise(label, keeping: target)
        let ownCommon = own.count == label.count ? common : Self.commonSubsequenceLength(own, target)
        let precision = own.isEmpty ? 0 : Double(ownCommon) / Double(own.count)
        var score = recall * (0.7 + 0.3 * min(1, precision))
        if precision >= 0.9, own.count >= 4, recall < 1 {
            // A label cut short: 本年新收政府 for 本年新收政府信息公开申请数量.
            score = max(score, 0.55 + 0.4 * recall)
        }
        return score
    }

    /// The label without group labels, unless the alias itself contains them.
    func stripNoise(_ label: [UInt32], keeping alias: [UInt32]) -> [UInt32] {
        var result = label
        for word in noise where Self.range(of: word, in: alias) == nil {
            while let range = Self.range(of: word, in: result) { result.removeSubrange(range) }
        }
        return result
    }

    static func range(of word: [UInt32], in text: [UInt32]) -> Range<Int>? {
        guard !word.isEmpty, word.count <= text.count else { return nil }
        for start in 0...(text.count - word.count) where text[start] == word[0] {
            if text[start..<(start + word.count)].elementsEqual(word) { return start..<(start + word.count) }
        }
        return nil
    }

    static func contains(_ text: [UInt32], _ word: [UInt32]) -> Bool { range(of: word, in: text) != nil }

    /// The letters of a label: CJK characters and Latin letters, without white space,
    /// punctuation, digits, or list numbers such as `（三）` and `三、`.
    ///
    /// - Complexity: O(n).
    static func letters(_ text: String) -> [UInt32] {
        let scalars = Array(text.unicodeScalars)
        var result: [UInt32] = []
        result.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            let value = scalars[index].value
            if value == 0xFF08 || value == 0x28, let close = listNumberEnd(scalars, from: index) {
                index = close + 1
                continue
            }
            // `三、` and its OCR forms: a section number, not part of the label.
            if numerals.contains(value), index + 1 < scalars.count, listSeparators.contains(scalars[index + 1].value) {
                index += 2
                continue
            }
            if isCJK(value) || (value < 0x80 && scalars[index].properties.isAlphabetic) { result.append(value) }
            index += 1
        }
        return result
    }

    /// The index of the `）` closing a parenthesised list number opened at `start`.
    static func listNumberEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        while index < scalars.count, index <= start + 5 {
            let value = scalars[index].value
            if value == 0xFF09 || value == 0x29 { return index > start + 1 ? index : nil }
            guard numerals.contains(value) || (0x30...0x39).contains(value) || value == 0x20 else { return nil }
            index += 1
        }
        return nil
    }

    static let listSeparators: Set<UInt32> = [0x3001, 0x2C, 0xFF0C, 0x2E, 0xFF0E]
    static let numerals: Set<UInt32> = Set("一二三四五六七八九十".unicodeScalars.map(\.value))

    static func isCJK(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
    }

    /// The letters of `text` as a string (for tests and diagnostics).
    static func normalize(_ text: String) -> String {
        String(String.UnicodeScalarView(letters(text).compactMap(Unicode.Scalar.init)))
    }

    /// The length of the longest common subsequence.
    ///
    /// - Complexity: O(n·m); labels are short.
    static func commonSubsequenceLength(_ a: [UInt32], _ b: [UInt32]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for j in 0..<b.count {
                current[j + 1] = x == b[j] ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
