import TablefixModel

/// Whether a region prints a template row's label: the evidence that a row a form may leave
/// out (``RowTemplate/optional``) is printed, though no reading found its values. The
/// region's letters are worked out once, for every row asked about.
struct PrintedLabels {
    let table: TableTemplate
    /// The letters of the region's texts.
    let texts: [[UInt32]]
    /// The letters of each template row's labels, worked out once for every row asked about.
    let labels: [[[UInt32]]]

    init(of table: TableTemplate, in texts: [String]) {
        self.table = table
        self.texts = texts.map(LabelMatcher.letters)
        labels = table.rows.map { $0.labels.map(LabelMatcher.letters) }
    }

    /// Whether a label of `table.rows[index]` stands in one of the texts (compared as
    /// letters), other than inside another row's label that holds it: 信函、传真申请数 holds
    /// 传真申请数 and does not print it.
    func stand(row index: Int) -> Bool {
        let others = labels.indices.filter { $0 != index }.flatMap { labels[$0] }
        return labels[index].contains { word in
            let holders = others.filter { LabelMatcher.contains($0, word) }
            return texts.contains { text in
                LabelMatcher.contains(text, word) && !holders.contains { LabelMatcher.contains(text, $0) }
            }
        }
    }
}
