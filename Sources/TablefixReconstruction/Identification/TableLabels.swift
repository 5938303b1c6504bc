import TablefixModel

/// The words a table of a template is recognised by: its row labels, its column headers
/// and its group labels, as letters, each with the key it stands for.
struct TableLabels {
    /// One label: its letters and distinct letters, and what it names (`row:new`,
    /// `column:自然人`, `group:不予公开`).
    struct Label {
        var key: String
        var letters: [UInt32]
        var distinct: Set<UInt32>
        /// Whether it names a column (a header word) rather than a row.
        var isColumn: Bool
        /// Whether it is too short to tell a table by unless it is the row's whole label.
        var isShort: Bool { letters.count < TableLabels.shortest }
    }

    /// Labels shorter than this (规章, 其他, 总计) count only as a row's whole label.
    static let shortest = 3

    let table: TableTemplate
    let labels: [Label]
    let matcher: LabelMatcher

    /// What a row's label must score against a row label to count as that row.
    static let rowHit = 0.75

    init(_ table: TableTemplate) {
        self.table = table
        var labels: [Label] = []
        func add(_ key: String, _ text: String, column: Bool) {
            let letters = LabelMatcher.letters(text)
            guard !letters.isEmpty else { return }
            labels.append(Label(key: key, letters: letters, distinct: Set(letters), isColumn: column))
        }
        for row in table.rows {
            for text in row.labels { add("row:\(row.key)", text, column: false) }
            if let group = row.group { add("group:\(group)", group, column: true) }
        }
        for column in table.columns {
            for text in column.labels { add("column:\(text)", text, column: true) }
        }
        self.labels = labels
        matcher = LabelMatcher(noise: Array(Set(table.rows.compactMap(\.group))))
    }

    /// The keys `letters` (a row's label) names: a row label it matches as a row's label
    /// does, or column and group words it contains.
    func hits(_ letters: [UInt32]) -> Set<String> {
        guard !letters.isEmpty else { return [] }
        let present = Set(letters)
        var keys = Set<String>()
        for label in labels where !keys.contains(label.key) {
            if label.isShort {
                if letters == label.letters, !label.isColumn { keys.insert(label.key) }
                continue
            }
            // Most of the label's letters must be there before it is worth comparing.
            let shared = label.distinct.reduce(0) { $0 + (present.contains($1) ? 1 : 0) }
            guard shared * 4 >= label.distinct.count * 3 else { continue }
            if label.isColumn {
                if LabelMatcher.contains(letters, label.letters) { keys.insert(label.key) }
            } else if matcher.score(letters, label.letters) >= Self.rowHit {
                keys.insert(label.key)
            }
        }
        return keys
    }
}
