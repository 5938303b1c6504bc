package import TablefixModel

/// Reads the figures a report states in its prose: for each heading and paragraph, the
/// phrases of ``StatementPhrases`` with their numbers (digits or Chinese numerals) or their
/// negations (zero), and what qualifies each number.
///
/// ```swift
/// let reader = StatementReader(phrases: try .builtIn(), template: "gov-disclosure-2021", year: 2022)
/// for statement in reader.statements(in: document) where statement.isLinkable { … }
/// ```
///
/// A number two figures' phrases reach goes to the tighter phrase (fewer characters
/// skipped), unless both reach it through `均为` (`行政复议、行政诉讼均为0件`). Tables, images
/// and removed blocks are not read.
package struct StatementReader: Sendable {
    package var phrases: StatementPhrases
    /// The report's template, which decides each figure's cells; nil when unknown.
    package var template: String?
    /// The report's year: a number said of another year printed (`2021年`) is qualified.
    package var year: Int?

    package init(phrases: StatementPhrases, template: String?, year: Int?) {
        self.phrases = phrases
        self.template = template
        self.year = year
    }

    /// The statements of `document`, in reading order.
    ///
    /// Each heading is read alone; paragraphs are read in runs, a paragraph that ends
    /// without a sentence ending going on into the next (``ProseText``). Blocks that
    /// cleanup removed are skipped over; tables and images end a run.
    ///
    /// - Complexity: linear in the length of the prose for given phrase data.
    package func statements(in document: Document) -> [Statement] {
        var statements: [Statement] = []
        var run: [(block: Int, lines: [TextLine])] = []
        func flush() {
            if !run.isEmpty { statements += self.statements(in: run) }
            run = []
        }
        for (index, block) in document.blocks.enumerated() {
            switch block.content {
            case .paragraph(let lines):
                if let last = run.last, !ProseText.continues(last.lines) { flush() }
                run.append((index, lines))
            case .heading(let lines):
                flush()
                statements += self.statements(in: [(index, lines)])
            case .removed:
                continue
            case .table, .image:
                flush()
            }
        }
        flush()
        return statements
    }

    /// The statements of one run of prose.
    func statements(in run: [(block: Int, lines: [TextLine])]) -> [Statement] {
        // Without a numeral or the start of a negation, nothing can be stated.
        func holds(_ test: (UInt32) -> Bool) -> Bool {
            run.contains { $0.lines.contains { $0.text.unicodeScalars.contains { test($0.value) } } }
        }
        let negation = holds(phrases.negationScalars.contains)
        guard negation || holds(NumberToken.isNumeral) else { return [] }
        let text = ProseText(blocks: run)
        let tokens = NumberToken.tokens(in: text, phrases: phrases)
        guard negation || !tokens.isEmpty else { return [] }
        let matcher = PhraseMatcher(text: text, tokens: tokens, phrases: phrases)
        var numbered: [Int: [PhraseMatcher.Match]] = [:]
        var negations: [PhraseMatcher.Match] = []
        // In a fixed order, so that equally tight matches resolve the same way every time.
        var uses = matcher.starts.keys.sorted().flatMap { phrases.patternsByLeadingScalar[$0] ?? [] }
        if tokens.isEmpty {
            uses.removeAll { !$0.negation }
        } else {
            uses += phrases.numberFirstPatterns
        }
        for use in uses {
            let figure = phrases.figures[use.figure]
            for match in matcher.matches(of: use.pattern, figure: use.figure, units: figure.units)
            where !isBlocked(match, figure: figure, in: text, tokens: tokens) {
                if use.negation {
                    negations.append(match)
                } else {
                    numbered[match.anchor, default: []].append(match)
                }
            }
        }
        var chosen = numbered.values.flatMap(resolve)
        chosen += bestPerFigureAndClause(negations)
        return chosen.sorted { ($0.anchor, $0.figure) < ($1.anchor, $1.figure) }
            .map { statement(for: $0, in: text, tokens: tokens) }
    }

    /// Of the matches on one number, the figure whose phrase fits it tightest, or every
    /// figure that reaches it through a distributive `均为`.
    func resolve(_ matches: [PhraseMatcher.Match]) -> [PhraseMatcher.Match] {
        let best = bestPerFigureAndClause(matches)
        guard let winner = best.min(by: { $0.ranksBefore($1) }) else { return [] }
        return winner.distributive ? best.filter(\.distributive) : [winner]
    }

    /// One match per figure and clause: the tightest.
    func bestPerFigureAndClause(_ matches: [PhraseMatcher.Match]) -> [PhraseMatcher.Match] {
        struct Key: Hashable {
            var figure: Int
            var clause: Int
            var number: Int?
        }
        var best: [Key: PhraseMatcher.Match] = [:]
        for match in matches {
            let key = Key(figure: match.figure, clause: match.clause.lowerBound, number: match.number?.start)
            if let current = best[key], !match.ranksBefore(current) { continue }
            best[key] = match
        }
        return Array(best.values)
    }

    /// Whether one of the figure's blockers is in the match's item (from the clause start or
    /// the last count before it, to its end), outside the match's literal text.
    /// Also when the figure names context words and its sentence holds none of them.
    func isBlocked(
        _ match: PhraseMatcher.Match, figure: StatementPhrases.Figure, in text: ProseText,
        tokens: [NumberToken]
    ) -> Bool {
        if !figure.context.isEmpty {
            let sentence = ProseText.range(holding: match.anchor, in: text.sentences)
            if find(figure.context, in: sentence, of: text, outside: []) == nil { return true }
        }
        guard !figure.blockers.isEmpty, !match.distributive else { return false }
        let start = itemStart(of: match, tokens: tokens)
        // A negation reaches to the clause's end (未发生…申请行政复议 denies the 复议), unless
        // a list goes on after it (未收到…申请和行政复议 denies both).
        let listGoesOn = text.marker(from: phrases.listJoiners, at: match.end) != nil
        let end = match.number == nil && !listGoesOn ? match.clause.upperBound : match.end
        return find(figure.blockers, in: start..<end, of: text, outside: match.literals) != nil
    }

    /// Where the item that holds the match begins: after the last count before it in its
    /// clause (`上年结转1件、本年新收3件`), or at the clause's start.
    func itemStart(of match: PhraseMatcher.Match, tokens: [NumberToken]) -> Int {
        var start = match.clause.lowerBound
        for token in tokens where token.next <= match.start && token.next > start { start = token.next }
        return start
    }

    /// The first of `markers` in `range` of `text` that is not inside one of `literals`.
    func find(_ markers: [[UInt32]], in range: Range<Int>, of text: ProseText, outside literals: [Range<Int>])
        -> [UInt32]?
    {
        for index in range {
            for marker in markers where index + marker.count <= range.upperBound && text.has(marker, at: index) {
                let span = index..<index + marker.count
                if !literals.contains(where: { $0.lowerBound <= span.lowerBound && span.upperBound <= $0.upperBound }) {
                    return marker
                }
            }
        }
        return nil
    }
}
