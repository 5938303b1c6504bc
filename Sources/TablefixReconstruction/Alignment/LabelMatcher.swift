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

    /// What a line's label must score to pin the value beside it to a row (reading by order).
    static let pinScore = 0.6
    /// Scores this close to the best are as good as it.
    static let nearTie = 0.08

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

    /// The label without group labels, unless the alias itself contains them, and without
    /// a piece of one it starts with (``leadingGroupPiece(of:keeping:)``).
    func stripNoise(_ label: [UInt32], keeping alias: [UInt32]) -> [UInt32] {
        var result = label
        // The short label is searched first: most hold no group label at all.
        for word in noise where Self.range(of: word, in: result) != nil && Self.range(of: word, in: alias) == nil {
            while let range = Self.range(of: word, in: result) { result.removeSubrange(range) }
        }
        if let piece = leadingGroupPiece(of: result, keeping: alias) { result.removeFirst(piece) }
        return result
    }

    /// How many letters at the start of `label` are the beginning or the end of a group
    /// label, at least ``shortestGroupPiece`` of them and not in `alias`: a merged group
    /// cell whose text a layout extractor cut over the lines of the rows beside it
    /// (`三、本年度 （一）予以公开`, the next line `办理结果 （二）部分公开`). Nil when none.
    func leadingGroupPiece(of label: [UInt32], keeping alias: [UInt32]) -> Int? {
        var longest = 0
        for word in noise where word.count > Self.shortestGroupPiece {
            let most = min(word.count - 1, label.count)
            guard most >= Self.shortestGroupPiece, most > longest else { continue }
            for length in stride(from: most, through: max(longest + 1, Self.shortestGroupPiece), by: -1) {
                let start = label[..<length]
                if start.elementsEqual(word[..<length]) || start.elementsEqual(word[(word.count - length)...]) {
                    longest = length
                    break
                }
            }
        }
        guard longest > 0, Self.range(of: Array(label[..<longest]), in: alias) == nil else { return nil }
        return longest
    }

    /// The fewest letters of a group label that count as a piece of it.
    static let shortestGroupPiece = 3

    static func range(of word: [UInt32], in text: [UInt32], from first: Int = 0) -> Range<Int>? {
        guard !word.isEmpty, first >= 0, word.count <= text.count - first else { return nil }
        for start in first...(text.count - word.count) where text[start] == word[0] {
            if text[start..<(start + word.count)].elementsEqual(word) { return start..<(start + word.count) }
        }
        return nil
    }

    static func contains(_ text: [UInt32], _ word: [UInt32]) -> Bool { range(of: word, in: text) != nil }

    /// Whether `word` stands in `text` but for an OCR'd glyph or a few letters wedged in:
    /// 85 % of its letters in order within a stretch of `text` that starts with one of its
    /// first two letters and is at most `slack` letters longer than it.
    static func containsDamaged(_ text: [UInt32], _ word: [UInt32], slack: Int) -> Bool {
        guard word.count >= 2, text.count >= word.count else { return false }
        let needed = Double(word.count) * 0.85
        return text.indices.contains { start in
            guard text[start] == word[0] || text[start] == word[1] else { return false }
            let stretch = Array(text[start..<min(text.count, start + word.count + slack)])
            return Double(commonSubsequenceLength(stretch, word)) >= needed
        }
    }

    /// Whether one of `labels` stands whole in one of `texts` (compared as letters).
    static func stands(_ labels: [String], in texts: [String]) -> Bool {
        let texts = texts.map(letters)
        return labels.contains { label in
            let word = letters(label)
            return texts.contains { contains($0, word) }
        }
    }

    /// The letters of a label (``LabelLetters/of(_:)``).
    static func letters(_ text: String) -> [UInt32] { LabelLetters.of(text) }

    /// The length of the longest common subsequence.
    ///
    /// - Complexity: O(n·m); labels are short.
    static func commonSubsequenceLength(_ a: [UInt32], _ b: [UInt32]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        if b.count <= UInt64.bitWidth { return commonSubsequenceLength(a, short: b) }
        if a.count <= UInt64.bitWidth { return commonSubsequenceLength(b, short: a) }
        return commonSubsequenceLengthByTable(a, b)
    }

    /// The length of the longest common subsequence, by the classic table, one row at a time.
    static func commonSubsequenceLengthByTable(_ a: [UInt32], _ b: [UInt32]) -> Int {
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

    /// The length of the longest common subsequence when `short` has 64 letters at most,
    /// one bit per letter of `short` (Hyyrö's bit-vector form of the same table): the bits
    /// left clear after every letter of `a` count the common subsequence.
    static func commonSubsequenceLength(_ a: [UInt32], short: [UInt32]) -> Int {
        var row = UInt64.max
        // The letters of `short` compared without a branch, from its buffer: the hottest loop
        // of label matching.
        short.withUnsafeBufferPointer { short in
            for letter in a {
                var matches: UInt64 = 0
                for position in short.indices {
                    let bit: UInt64 = short[position] == letter ? 1 : 0
                    matches |= bit &<< UInt64(position)
                }
                let kept = row & matches
                row = (row &+ kept) | (row & ~kept)
            }
        }
        let width = short.count
        let mask = width == UInt64.bitWidth ? UInt64.max : (1 << UInt64(width)) - 1
        return width - (row & mask).nonzeroBitCount
    }
}
