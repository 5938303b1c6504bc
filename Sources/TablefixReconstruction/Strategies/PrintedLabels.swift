import TablefixModel

/// Whether a region prints a template row's label: the evidence that a row a form may leave
/// out (``RowTemplate/optional``) is printed, though no reading found its values. The
/// region's letters are worked out once, for every row asked about.
struct PrintedLabels {
    let table: TableTemplate
    /// The letters of the region's texts.
    let texts: [[UInt32]]
    /// The letters of all the region's texts run together: a long label a layout or an OCR
    /// wrapped over several lines (`1.申请人无`, `正当理由逾`, …) stands there.
    let joined: [UInt32]
    /// The letters of each template row's labels, worked out once for every row asked about.
    let labels: [[[UInt32]]]

    init(of table: TableTemplate, in texts: [String]) {
        self.table = table
        self.texts = texts.map(LabelMatcher.letters)
        joined = self.texts.flatMap { $0 }
        labels = table.rows.map { $0.labels.map(LabelMatcher.letters) }
    }

    /// Whether a label of `table.rows[index]` stands in one of the texts (compared as
    /// letters), other than inside another row's label that holds it: 信函、传真申请数 holds
    /// 传真申请数 and does not print it. A label of ``shortestWrappedLabel`` letters or more
    /// may stand across texts (``joined``).
    func stand(row index: Int) -> Bool {
        let others = labels.indices.filter { $0 != index }.flatMap { labels[$0] }
        return labels[index].contains { word in
            let holders = others.filter { LabelMatcher.contains($0, word) }
            let stands = { (text: [UInt32]) in
                LabelMatcher.contains(text, word) && !holders.contains { LabelMatcher.contains(text, $0) }
            }
            return texts.contains(where: stands)
                || (word.count >= Self.shortestWrappedLabel && (stands(joined) || Self.resembles(word, in: joined)))
        }
    }

    /// Whether `word` stands in `text` but for an OCR'd glyph or a few letters of a group
    /// label a layout interleaved (`…收费通处理知要求…行政机天不再…`): 85 % of it in order
    /// within a stretch of the text at most eight letters longer.
    static func resembles(_ word: [UInt32], in text: [UInt32]) -> Bool {
        guard word.count <= UInt64.bitWidth, text.count >= word.count else { return false }
        let needed = Double(word.count) * 0.85
        let width = word.count + 8
        return text.indices.contains { start in
            guard text[start] == word[0] || text[start] == word[1] else { return false }
            let window = Array(text[start..<min(text.count, start + width)])
            return Double(LabelMatcher.commonSubsequenceLength(window, short: word)) >= needed
        }
    }

    /// The fewest letters of a label found across lines: a shorter one may stand across
    /// two unrelated lines by chance.
    static let shortestWrappedLabel = 12
}
