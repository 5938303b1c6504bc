import TablefixModel

/// Where a template's tables show in a document by their own words: for each table, the
/// run of rows that holds most of its row labels and column headers.
///
/// A row counts when it is a row of a table or a short line (never running text or a
/// section heading); a run breaks where more than `gap` rows pass without a hit, rows that
/// are pieces of a table (numbers, short labels) aside, or more than `reach` rows in all.
struct ContentEvidence {
    /// The run of rows of one table.
    struct Cluster {
        /// The first and last rows with a hit.
        var rows: ClosedRange<Int>
        /// The distinct labels hit: row keys, column and group words (by their number in
        /// ``TableLabels/keys``).
        var keys: Set<Int>
        /// Whether numbers stand among or right after its rows.
        var hasValues: Bool
        /// The last row whose hit is more than a short word: where the table's own rows end
        /// (总计 or 其他 alone also heads another table's columns).
        var lastOwnRow: Int

        var score: Int { keys.count }
    }

    /// Rows without a hit that may pass inside one run, rows of a table's pieces aside
    /// (``isTablePiece(_:letters:)``).
    static let gap = 8
    /// Rows that may pass inside one run in all, a table's pieces included: a table whose
    /// labels an extractor cut into pieces too short to be told (`一、本年新收政府信息公` /
    /// values / `开申请数量`, pdftotext's layout of wrapped cells) shows its labels only here and there.
    static let reach = 6 * gap
    /// Letters of a label short enough to be a piece of a cut one.
    static let longestPiece = 12

    /// Whether `row` is a piece of a table: it holds numbers, or a short label
    /// (`letters`, nil for captions, prose and long text).
    static func isTablePiece(_ row: StreamRow, letters: [UInt32]?) -> Bool {
        row.hasNumbers || (letters.map { $0.count <= longestPiece } ?? false)
    }

    /// Distinct labels that make a run a table's.
    static let minimumHits = 3
    /// Letters beyond which a line is prose, not a label.
    static let longestLabel = 80

    /// The best run of each table with values among its rows, by table id.
    let clusters: [String: Cluster]
    /// The document's rows, as the clusters number them.
    let rows: [StreamRow]

    /// The rows' labels that may name a table's rows or columns, as letters with the
    /// alphabet numbers of their distinct letters; nil for captions, prose and long text.
    static func labelLetters(of rows: [StreamRow], alphabet: LabelAlphabet) -> [(letters: [UInt32], numbers: [Int])?] {
        rows.map { row in
            guard !row.isCaption else { return nil }
            let label = row.label
            guard !(row.isLine && LineRole.isProse(label)) else { return nil }
            let letters = LabelMatcher.letters(label)
            return letters.count <= Self.longestLabel ? (letters, alphabet.distinctNumbers(of: letters)) : nil
        }
    }

    /// The runs of `template`'s tables among `rows`, whose ``labelLetters(of:alphabet:)``
    /// are `letters`.
    init(template: PreparedTemplate, rows: [StreamRow], letters: [(letters: [UInt32], numbers: [Int])?]) {
        self.rows = rows
        var clusters: [String: Cluster] = [:]
        for prepared in template.tables {
            let table = prepared.table
            var runs: [Cluster] = []
            // The rows since the last hit that are no piece of a table.
            var apart = 0
            for (index, rowLetters) in letters.enumerated() {
                let keys = rowLetters.map { prepared.labels.hits($0.letters, numbers: $0.numbers) } ?? []
                guard let rowLetters, !keys.isEmpty else {
                    if !Self.isTablePiece(rows[index], letters: rowLetters?.letters) { apart += 1 }
                    continue
                }
                defer { apart = 0 }
                let isOwn = rowLetters.letters.count >= TableLabels.shortest
                if let last = runs.last, apart <= Self.gap, index - last.rows.upperBound <= Self.reach {
                    runs[runs.count - 1].rows = last.rows.lowerBound...index
                    runs[runs.count - 1].keys.formUnion(keys)
                    if isOwn { runs[runs.count - 1].lastOwnRow = index }
                } else {
                    runs.append(Cluster(rows: index...index, keys: keys, hasValues: false, lastOwnRow: index))
                }
            }
            let valued = runs.map { run -> Cluster in
                var run = run
                run.hasValues = Self.valuesFollow(run.rows, in: rows, letters: letters)
                return run
            }
            let best = valued.filter(\.hasValues)
                .max { $0.score < $1.score || ($0.score == $1.score && $0.rows.lowerBound > $1.rows.lowerBound) }
            if let best { clusters[table.id] = best }
        }
        self.clusters = clusters
    }

    /// Whether numbers stand among the rows of a run or right after it: within ``gap``
    /// rows, or further on behind nothing but header cells (short labels, as a scrambled
    /// reading leaves a cut header's words), ``headerReach`` rows at most.
    static func valuesFollow(_ run: ClosedRange<Int>, in rows: [StreamRow],
                             letters: [(letters: [UInt32], numbers: [Int])?]) -> Bool
    {
        var index = run.lowerBound
        while index < min(rows.count, run.upperBound + 1 + headerReach) {
            if rows[index].hasNumbers { return true }
            if index > run.upperBound + gap, letters[index] == nil { return false }
            index += 1
        }
        return false
    }

    /// Rows of header cells that may stand between a run and its numbers.
    static let headerReach = 4 * gap

    /// The distinct labels of all the template's tables that the document shows in
    /// tables: how much of the template is there.
    var score: Int { clusters.values.reduce(0) { $0 + $1.score } }

    /// Whether the document shows enough of the template's tables to follow it.
    var isEnough: Bool { score >= Self.minimumHits }

    /// The run that places a table by itself, without a heading: one with enough labels.
    func placing(_ table: String) -> Cluster? {
        clusters[table].flatMap { $0.score >= Self.minimumHits ? $0 : nil }
    }
}
