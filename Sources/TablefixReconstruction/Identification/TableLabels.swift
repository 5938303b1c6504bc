import TablefixModel

/// The words a table of a template is recognised by: its row labels, its column headers,
/// its group labels and its other header words, as letters, each with the key it stands for.
///
/// Made once per table: each letter of the ``LabelAlphabet`` lists the labels written with
/// it, so that the labels a line shares most of its letters with are found from the line's
/// letters alone, and only those are compared with it.
struct TableLabels: Sendable {
    /// One label: its letters, how many distinct letters it has, and what it names
    /// (`row:new`, `column:自然人`, `group:不予公开`, `header:行政诉讼`, by its number in ``keys``).
    struct Label: Sendable {
        var key: Int
        var letters: [UInt32]
        var distinctCount: Int
        /// Whether it names a column (a header word) rather than a row.
        var isColumn: Bool
        /// Whether it is too short to tell a table by unless it is the row's whole label.
        var isShort: Bool { letters.count < TableLabels.shortest }
    }

    /// Labels shorter than this (规章, 其他, 总计) count only as a row's whole label.
    static let shortest = 3

    /// What the labels name, numbered by their first label.
    let keys: [String]
    let labels: [Label]
    let matcher: LabelMatcher
    /// For each letter number of the alphabet, the labels of ``shortest`` letters or more
    /// written with it, each once.
    let holders: [[Int]]

    /// What a row's label must score against a row label to count as that row.
    static let rowHit = 0.75

    /// The labels of `table`; `alphabet` numbers every letter they are written with.
    init(_ table: TableTemplate, alphabet: LabelAlphabet) {
        var keys: [String] = []
        var labels: [Label] = []
        func add(_ key: String, _ text: String, column: Bool) {
            let letters = LabelMatcher.letters(text)
            guard !letters.isEmpty else { return }
            let number = keys.firstIndex(of: key) ?? keys.count
            if number == keys.count { keys.append(key) }
            labels.append(Label(key: number, letters: letters, distinctCount: Set(letters).count, isColumn: column))
        }
        for row in table.rows {
            for text in row.labels { add("row:\(row.key)", text, column: false) }
            if let group = row.group { add("group:\(group)", group, column: true) }
        }
        for column in table.columns {
            for text in column.labels { add("column:\(text)", text, column: true) }
            if let group = column.group { add("group:\(group)", group, column: true) }
        }
        for word in table.headerWords ?? [] { add("header:\(word)", word, column: true) }
        var holders = [[Int]](repeating: [], count: alphabet.count + 1)
        for (index, label) in labels.enumerated() where !label.isShort {
            for number in alphabet.distinctNumbers(of: label.letters) { holders[number].append(index) }
        }
        self.keys = keys
        self.labels = labels
        self.holders = holders
        matcher = LabelMatcher(noise: Array(Set(table.rows.compactMap(\.group))))
    }

    /// The letters of every label of `table`, for its ``LabelAlphabet``.
    static func letters(of table: TableTemplate) -> [[UInt32]] {
        (table.rows.flatMap { $0.labels + [$0.group].compactMap { $0 } }
            + table.columns.flatMap { $0.labels + [$0.group].compactMap { $0 } } + (table.headerWords ?? []))
            .map(LabelMatcher.letters)
    }

    /// The keys (numbers in ``keys``) that `letters` (a row's label) names: a row label it
    /// matches as a row's label does, or column and group words it contains. `numbers` are
    /// the alphabet numbers of its distinct letters.
    func hits(_ letters: [UInt32], numbers: [Int]) -> Set<Int> {
        guard !letters.isEmpty else { return [] }
        var found = Set<Int>()
        if letters.count < Self.shortest {
            for label in labels where label.isShort && !label.isColumn && letters == label.letters {
                found.insert(label.key)
            }
        }
        // Most of the label's letters must be there before it is worth comparing.
        var shared = [Int](repeating: 0, count: labels.count)
        var touched: [Int] = []
        for number in numbers {
            for label in holders[number] {
                if shared[label] == 0 { touched.append(label) }
                shared[label] += 1
            }
        }
        for index in touched {
            let label = labels[index]
            guard !found.contains(label.key), shared[index] * 4 >= label.distinctCount * 3 else { continue }
            if label.isColumn {
                if LabelMatcher.contains(letters, label.letters) { found.insert(label.key) }
            } else if matcher.score(letters, label.letters) >= Self.rowHit {
                found.insert(label.key)
            }
        }
        return found
    }
}
