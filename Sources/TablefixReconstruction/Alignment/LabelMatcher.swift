import TablefixModel

/// Scores how well a printed label matches a template label, tolerating what extraction
/// does to labels: OCR glyph damage, labels cut short, labels split over lines or written
/// one character per line, list numbers and group labels around them.
struct LabelMatcher {
    /// Text that may surround a row's own label without counting against it: the
    /// table's group labels (`本年度办理结果`, `不予公开` …).
    var noise: [String]

    init(noise: [String]) {
        self.noise = noise.map(Self.normalize).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// 0…1: how well `printed` matches `alias`.
    ///
    /// Mostly how much of the alias appears, in order, in the printed label (recall),
    /// with a smaller share for how much of the printed label the alias explains
    /// (precision, after group labels are set aside). A printed label cut short scores by
    /// how much of the alias it still has.
    func score(printed: String, alias: String) -> Double {
        let label = Array(Self.normalize(printed))
        let target = Array(Self.normalize(alias))
        guard !label.isEmpty, !target.isEmpty else { return 0 }
        let common = Self.commonSubsequenceLength(label, target)
        let recall = Double(common) / Double(target.count)
        let own = Array(stripNoise(String(label), keeping: String(target)))
        let precision = own.isEmpty ? 0 : Double(Self.commonSubsequenceLength(own, target)) / Double(own.count)
        var score = recall * (0.7 + 0.3 * min(1, precision))
        if precision >= 0.9, own.count >= 4, recall < 1 {
            // A label cut short: 本年新收政府 for 本年新收政府信息公开申请数量.
            score = max(score, 0.55 + 0.4 * recall)
        }
        return score
    }

    /// The label without group labels, unless the alias itself contains them.
    func stripNoise(_ label: String, keeping alias: String) -> String {
        var result = label
        for word in noise where !alias.contains(word) {
            result = result.replacing(word, with: "")
        }
        return result
    }

    /// Only the letters of a label: no white space, punctuation, list numbers or digits.
    static func normalize(_ text: String) -> String {
        var result = ""
        var chars = Array(text)[...]
        while let first = chars.first {
            if let marker = ListMarker(parsing: Substring(String(chars.prefix(12)))), marker.length > 0,
                first == "（" || first == "(" || first.isNumber
            {
                chars = chars.dropFirst(marker.length)
                continue
            }
            chars = chars.dropFirst()
            if first.isCJK || (first.isASCII && first.isLetter) {
                result.append(first)
            }
        }
        return result
    }

    /// The length of the longest common subsequence.
    ///
    /// - Complexity: O(n·m); labels are short.
    static func commonSubsequenceLength(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
