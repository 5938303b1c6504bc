/// Assigns the rows of a table region to the rows of a template, in order.
///
/// Every region row that carries values is scored against every template row by label;
/// a dynamic programme then picks the order-preserving assignment with the best total
/// score, so that a row whose label is ambiguous (`其他`, `总计`) takes its place from its
/// neighbours. Rows that match nothing (headers, stray text) and template rows that are
/// missing are both allowed.
struct RowAligner {
    /// A region row assigned to a template row.
    struct Match {
        var templateRow: Int
        var streamRow: Int
        /// The label score, 0…1.
        var score: Double
        /// The label rows before the value row that the label was read from.
        var labelRows: Range<Int>
    }

    static let threshold = 0.5

    var matcher: LabelMatcher

    /// The best order-preserving assignment of `rows` to `templates`.
    ///
    /// - Complexity: O(r·t·a) for r rows, t template rows and a aliases per row.
    func align(_ rows: [StreamRow], to templates: [RowTemplate]) -> [Match] {
        let r = rows.count, t = templates.count
        guard r > 0, t > 0 else { return [] }
        let scores = rows.indices.map { index in
            templates.indices.map { template in candidate(rows, index, for: templates[template], at: template) }
        }
        enum Step { case skipRow, skipTemplate, match }
        // best[i][j]: the best total using rows ..<i and template rows ..<j.
        var best = [[Double]](repeating: [Double](repeating: 0, count: t + 1), count: r + 1)
        var step = [[Step]](repeating: [Step](repeating: .skipRow, count: t + 1), count: r + 1)
        for i in 1...r {
            for j in 1...t {
                var value = best[i - 1][j]
                var choice = Step.skipRow
                if best[i][j - 1] > value {
                    value = best[i][j - 1]
                    choice = .skipTemplate
                }
                if let match = scores[i - 1][j - 1], best[match.labelRows.lowerBound][j - 1] + match.score > value + 1e-9 {
                    value = best[match.labelRows.lowerBound][j - 1] + match.score
                    choice = .match
                }
                best[i][j] = value
                step[i][j] = choice
            }
        }
        var matches: [Match] = []
        var i = r, j = t
        while i > 0, j > 0 {
            switch step[i][j] {
            case .skipRow: i -= 1
            case .skipTemplate: j -= 1
            case .match:
                guard let match = scores[i - 1][j - 1] else { return matches.reversed() }
                matches.append(match)
                i = match.labelRows.lowerBound
                j -= 1
            }
        }
        return matches.reversed()
    }

    /// The match of row `index` for `template`, reading the label from the row itself or
    /// also from up to two label-only rows above it (labels wrapped over lines).
    func candidate(_ rows: [StreamRow], _ index: Int, for template: RowTemplate, at position: Int) -> Match? {
        let row = rows[index]
        guard row.printedValueCount > 0 else { return nil }
        var bestScore = 0.0
        var bestStart = index
        var label = row.label
        var start = index
        while true {
            let score = template.labels.map { matcher.score(printed: label, alias: $0) }.max() ?? 0
            if score > bestScore + 0.05 {
                bestScore = score
                bestStart = start
            }
            guard start > 0, index - start < 2, rows[start - 1].printedValueCount == 0, rows[start - 1].hasText else {
                break
            }
            start -= 1
            label = rows[start].label + label
        }
        guard bestScore >= Self.threshold else { return nil }
        return Match(templateRow: position, streamRow: index, score: bestScore, labelRows: bestStart..<(index + 1))
    }
}
