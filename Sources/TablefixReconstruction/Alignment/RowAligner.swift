import TablefixModel

/// Assigns the rows of a table region to the rows of a template, in order.
///
/// Every region row that holds cells (values, or a grid row's blanks) is scored against every template row by label;
/// a dynamic programme then picks the order-preserving assignment with the best total
/// score, so that a row whose label is ambiguous (`其他`, `总计`) takes its place from its
/// neighbours. Rows that match nothing (headers, stray text) and template rows that are
/// missing are both allowed.
struct RowAligner {
    /// A run of region rows assigned to a template row: one row of values and the
    /// label-only rows around it that its label was read from.
    struct Match {
        var templateRow: Int
        /// The row holding the values.
        var streamRow: Int
        /// The label score, 0…1.
        var score: Double
        /// The rows the match uses: label rows before, the value row, a label row after.
        var labelRows: Range<Int>
    }

    static let threshold = 0.5
    /// What a match must score to be worth having at all: the DP adds `score - cost`, so
    /// that two weak matches never outweigh one good one.
    static let cost = 0.45

    var matcher: LabelMatcher

    /// The assignment of `rows` to `templates` when forms print the rows in orders of
    /// their own: the best order-preserving one, then each template row left over matched
    /// to the best row left over, wherever it stands; each row only as a template row its
    /// label matches best (`行政申诉、举报数` is not also `行政申诉数`).
    func alignAnyOrder(_ rows: [StreamRow], to templates: [RowTemplate]) -> [Match] {
        let found = candidates(rows, to: templates)
        // A row takes part in the ordered pass only as one of the template rows its own
        // label (and those above it) matches best: one printed out of order must not take a
        // lesser neighbour's place.
        let bestScores = Self.bestScores(found)
        let isBest = { (match: Match) in match.score >= bestScores[match.streamRow] - LabelMatcher.nearTie }
        let matches = align(rows, templates: templates.count, candidates: found, admitting: isBest)
        return Self.withLeftovers(matches, rows: rows, templates: templates.count, candidates: found, admitting: isBest)
    }

    /// `matches` and, for each template row they leave out, the best match that `admits` of
    /// the rows they leave out, wherever it stands; by template row.
    static func withLeftovers(_ matches: [Match], rows: [StreamRow], templates: Int, candidates found: [[Match?]],
                              admitting admits: (Match) -> Bool) -> [Match]
    {
        var matches = matches
        var usedRows = Set(matches.flatMap(\.labelRows))
        let matched = Set(matches.map(\.templateRow))
        for position in 0..<templates where !matched.contains(position) {
            let best = rows.indices.filter { rows[$0].holdsCells && !usedRows.contains($0) }
                .compactMap { found[$0][position] }
                .filter { admits($0) && !$0.labelRows.contains(where: usedRows.contains) }
                .max { $0.score < $1.score }
            guard let best else { continue }
            matches.append(best)
            usedRows.formUnion(best.labelRows)
        }
        return matches.sorted { $0.templateRow < $1.templateRow }
    }

    /// The match of every row that holds cells (the only rows a match holds its values in)
    /// for every template row, by row then template row (nil where none; none at all for
    /// other rows); worked out once for all the passes over them.
    func candidates(_ rows: [StreamRow], to templates: [RowTemplate]) -> [[Match?]] {
        let letters = rows.map { LabelMatcher.letters($0.label) }
        let aliases = templates.map { $0.labels.map(LabelMatcher.letters) }
        let labelOnly = rows.map { (!$0.hasNumbers || $0.numberIsListMarker) && $0.hasText && !$0.isCaption }
        // Whether a label-only row is, alone, a template row's whole label: asked only of the
        // row above a value row.
        func isWholeLabel(_ row: Int) -> Bool {
            aliases.contains { $0.contains { matcher.score(letters[row], $0) >= Self.wholeLabelScore } }
        }
        var found: [[Match?]] = []
        found.reserveCapacity(rows.count)
        for index in rows.indices {
            guard rows[index].holdsCells else {
                found.append([])
                continue
            }
            // The row's own label against each template row, worked out when asked.
            lazy var own = templates.indices.map { ownScore(letters[index], aliases: aliases[$0]) }
            // A label row above that is another row's whole label (`规章`, its blank cells
            // left out) is no part of a row that prints a label of its own (`规范囗文件 13 13 80`,
            // a letter mistyped): read with it, the whole label would outscore the damaged one.
            let aboveIsAnother = index > 0 && labelOnly[index - 1] && isWholeLabel(index - 1)
                && (own.max() ?? 0) >= Self.ownLabelScore
            // The labels a row may be read with are the same for every template row: read once.
            let labels = Self.labels(around: index, letters: letters, labelOnly: labelOnly,
                                     ownsLabel: Self.ownsLabel(letters[index]), withAbove: !aboveIsAnother)
            // Where a label row below may join the row's own label: the template rows it is another's.
            let joinsBelow = labels.contains { $0.rows.upperBound > index + 1 }
            let best = joinsBelow ? own.max() ?? 0 : 0
            found.append(templates.indices.map { position in
                let ownIsAnother = joinsBelow && best >= Self.ownLabelScore && own[position] < best - LabelMatcher.nearTie
                return candidate(labels, row: index, aliases: aliases[position], at: position,
                                 below: ownIsAnother ? letters[index + 1] : nil)
            })
        }
        return found
    }

    /// Whether a value row's letters are a label of its own: some, and not only a unit.
    static func ownsLabel(_ letters: [UInt32]) -> Bool { !letters.isEmpty && !unitLetters.contains(letters) }

    /// The letters of each of ``NumberGlyphs/units``.
    static let unitLetters = Set(NumberGlyphs.units.map { $0.unicodeScalars.map(\.value) })

    /// What a row's own label must score for one template row to be that row's label
    /// rather than the start of a label wrapped onto the line below (``candidate``).
    static let ownLabelScore = 0.7
    /// What a label-only row must score alone to be a whole label, not a wrapped label's end.
    static let wholeLabelScore = 0.9

    /// How well the letters of a row's own label match the best of `aliases`.
    func ownScore(_ label: [UInt32], aliases: [[UInt32]]) -> Double {
        aliases.map { matcher.score(label, $0) }.max() ?? 0
    }

    /// The best order-preserving assignment of `rows` to `templates`. A row whose label is
    /// another template row's whole label (``wholeLabelScore``) takes no lesser row's place:
    /// rows printed out of order (`二、上年结转…` above `一、本年新收…`) are not read
    /// crosswise; the one that breaks the order is read where it stands when its own line
    /// holds its whole label and one value per column.
    ///
    /// - Complexity: O(r·t·a) for r rows, t template rows and a aliases per row.
    func align(_ rows: [StreamRow], to templates: [RowTemplate]) -> [Match] {
        let found = candidates(rows, to: templates)
        let bestScores = Self.bestScores(found)
        let matches = align(rows, templates: templates.count, candidates: found) {
            bestScores[$0.streamRow] < Self.wholeLabelScore || $0.score >= bestScores[$0.streamRow] - LabelMatcher.nearTie
        }
        return Self.withLeftovers(matches, rows: rows, templates: templates.count, candidates: found) {
            $0.score >= Self.wholeLabelScore && $0.labelRows == $0.streamRow..<($0.streamRow + 1)
                && rows[$0.streamRow].printedValueCount == templates[$0.templateRow].columns.count
        }
    }

    /// For each row, the best score of its matches read with its own label or with label
    /// rows above it (not one below).
    static func bestScores(_ found: [[Match?]]) -> [Double] {
        found.indices.map { index in
            found[index].compactMap { match -> Double? in
                guard let match, match.labelRows.upperBound == index + 1 else { return nil }
                return match.score
            }.max() ?? 0
        }
    }

    /// The best order-preserving assignment of `rows` to `t` template rows among the
    /// ``candidates(_:to:)`` that `admits`.
    func align(_ rows: [StreamRow], templates t: Int, candidates: [[Match?]],
               admitting admits: (Match) -> Bool = { _ in true }) -> [Match]
    {
        let r = rows.count
        guard r > 0, t > 0 else { return [] }
        // Candidates by the row after their last row.
        var endingAt = [[Match]](repeating: [], count: r + 1)
        for index in rows.indices where rows[index].holdsCells {
            for case let match? in candidates[index] where admits(match) {
                endingAt[match.labelRows.upperBound].append(match)
            }
        }
        enum Step { case skipRow, skipTemplate, match(Match) }
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
                for match in endingAt[i] where match.templateRow == j - 1 {
                    let total = best[match.labelRows.lowerBound][j - 1] + match.score - Self.cost
                    if total > value + 1e-9 {
                        value = total
                        choice = .match(match)
                    }
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
            case .match(let match):
                matches.append(match)
                i = match.labelRows.lowerBound
                j -= 1
            }
        }
        return matches.reversed()
    }

    /// The labels value row `index` may be read with, in the order they are tried: the
    /// row's own, or also up to two label-only rows above it (`labelOnly`: no value but a
    /// list number, some text, no caption), or also one label-only row below it (layouts
    /// that print a wrapped label's numbers on its first or middle line). Each with its rows.
    /// A row that prints no label of its own (`ownsLabel` false: none, or only a unit, `条`)
    /// is no wrapped label's first line: the label-only row below is read with it only
    /// together with one above. Without `withAbove`, no row above is read with it.
    static func labels(around index: Int, letters: [[UInt32]], labelOnly: [Bool], ownsLabel: Bool = true,
                       withAbove: Bool = true) -> [(rows: Range<Int>, letters: [UInt32])]
    {
        func isLabelOnly(_ row: Int) -> Bool { row >= 0 && row < labelOnly.count && labelOnly[row] }
        var labels: [(rows: Range<Int>, letters: [UInt32])] = []
        for after in 0...1 where after == 0 || isLabelOnly(index + 1) {
            var start = index
            while true {
                let range = start..<(index + 1 + after)
                if after == 0 || start < index || ownsLabel {
                    labels.append((range, range.count == 1 ? letters[range.lowerBound] : range.flatMap { letters[$0] }))
                }
                guard withAbove, index - start < 2, isLabelOnly(start - 1) else { break }
                start -= 1
            }
        }
        return labels
    }

    /// The match of value row `row` for the template row at `position`, read with the
    /// best of its `labels` (``labels(around:letters:labelOnly:)``) for any of the
    /// template row's aliases. A longer run must score clearly better to be preferred.
    /// `below`: the letters of the label-only row below when the row's own label is another
    /// template row's; when they are this template row's whole label, they are not the
    /// row's label's end but the next row's label, the values an OCR lost
    /// (`一、本年新炒疏府信息公开申请数量 117 …` above `上年结转政府信息公开申请数量`).
    func candidate(_ labels: [(rows: Range<Int>, letters: [UInt32])], row: Int, aliases: [[UInt32]], at position: Int,
                   below: [UInt32]? = nil) -> Match?
    {
        let belowIsWholeLabel = below.map { below in aliases.contains { matcher.score(below, $0) >= Self.wholeLabelScore } } ?? false
        var best: (score: Double, rows: Range<Int>)?
        for label in labels where !(belowIsWholeLabel && label.rows.upperBound > row + 1) {
            var score = 0.0
            for alias in aliases { score = max(score, matcher.score(label.letters, alias)) }
            if score > (best?.score ?? 0) + 0.05 { best = (score, label.rows) }
        }
        guard let best, best.score >= Self.threshold else { return nil }
        return Match(templateRow: position, streamRow: row, score: best.score, labelRows: best.rows)
    }
}
