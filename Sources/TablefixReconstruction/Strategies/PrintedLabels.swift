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
    /// may stand across texts (``joined``), damaged.
    func stand(row index: Int) -> Bool {
        let others = labels.indices.filter { $0 != index }.flatMap { labels[$0] }
        return labels[index].contains { word in
            let holders = others.filter { LabelMatcher.contains($0, word) }
            let stands = { (text: [UInt32]) in
                LabelMatcher.contains(text, word) && !holders.contains { LabelMatcher.contains(text, $0) }
            }
            return texts.contains(where: stands)
                || (word.count >= Self.shortestWrappedLabel
                    && (stands(joined) || LabelMatcher.containsDamaged(joined, word, slack: Self.wedgedLetters)))
        }
    }

    /// The most letters wedged into a wrapped label that still stands (an OCR'd glyph, a
    /// group label's pieces a layout interleaved: `…收费通处理知要求…行政机天不再…`).
    static let wedgedLetters = 8

    /// The fewest letters of a label found across lines: a shorter one may stand across
    /// two unrelated lines by chance.
    static let shortestWrappedLabel = 12
}
