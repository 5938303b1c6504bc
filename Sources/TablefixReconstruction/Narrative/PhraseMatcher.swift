/// Finds where phrase patterns occur in a run of prose: each literal fragment in place,
/// each gap no longer than its bound and free of digits, the whole inside one clause, the
/// number slot on a count whose unit the figure takes.
struct PhraseMatcher {
    /// One occurrence of a pattern.
    struct Match {
        var figure: Int
        var clause: Range<Int>
        var start: Int
        var end: Int
        var number: NumberToken?
        /// Where the literal fragments matched.
        var literals: [Range<Int>] = []
        /// The characters the gaps skipped, in all.
        var gaps = 0
        /// The gap before the number holds `均为` or its like: the number is said of
        /// several figures, and the gap may name the others.
        var distributive = false

        /// Where the statement is anchored: its number, or the phrase for a negation.
        var anchor: Int { number?.start ?? start }

        /// Matches that fit tighter rank first: fewer characters skipped, more literal text.
        func ranksBefore(_ other: Match) -> Bool {
            if gaps != other.gaps { return gaps < other.gaps }
            let mine = literals.reduce(0) { $0 + $1.count }
            let theirs = other.literals.reduce(0) { $0 + $1.count }
            if mine != theirs { return mine > theirs }
            return figure < other.figure
        }
    }

    let text: ProseText
    let tokens: [NumberToken]
    let gap: Int
    let numberGap: Int
    let bareNumberAfter: [[UInt32]]
    let distributive: [[UInt32]]
    private let tokenAt: [Int: NumberToken]
    /// Where each scalar that starts a pattern occurs, found in one pass.
    let starts: [UInt32: [Int]]

    init(text: ProseText, tokens: [NumberToken], phrases: StatementPhrases) {
        self.text = text
        self.tokens = tokens
        gap = phrases.gap
        numberGap = phrases.numberGap
        bareNumberAfter = phrases.bareNumberAfter
        distributive = phrases.markers.distributive
        tokenAt = Dictionary(tokens.map { ($0.start, $0) }, uniquingKeysWith: { first, _ in first })
        var starts: [UInt32: [Int]] = [:]
        // Every pattern starts with an ideograph or with the number.
        for (index, value) in text.scalars.enumerated()
        where value >= 0x3400 && phrases.patternsByLeadingScalar[value] != nil {
            starts[value, default: []].append(index)
        }
        self.starts = starts
    }

    /// Every occurrence of `pattern` for figure number `figure`, whose number (if any)
    /// carries one of `units` or none.
    func matches(of pattern: PhrasePattern, figure: Int, units: Set<Int>) -> [Match] {
        var results: [Match] = []
        let starts: [Int]
        if let literal = pattern.leadingLiteral {
            starts = positions(of: literal)
        } else {
            starts = tokens.map(\.start)
        }
        for start in starts {
            let clause = ProseText.range(holding: start, in: text.clauses)
            let seed = Match(figure: figure, clause: clause, start: start, end: start)
            extend(pattern.elements, 0, at: start, seed, units: units, into: &results)
        }
        return results
    }

    /// Whether `range` holds a distributive marker (`均为`).
    func isDistributive(_ range: Range<Int>) -> Bool {
        range.contains { index in
            distributive.contains { index + $0.count <= range.upperBound && text.has($0, at: index) }
        }
    }

    /// Every index of `scalars` where `literal` starts.
    private func positions(of literal: [UInt32]) -> [Int] {
        guard let first = literal.first, let candidates = starts[first] else { return [] }
        return literal.count == 1 ? candidates : candidates.filter { text.has(literal, at: $0) }
    }

    private func extend(
        _ elements: [PhrasePattern.Element], _ element: Int, at position: Int, _ partial: Match,
        units: Set<Int>, into results: inout [Match]
    ) {
        guard element < elements.count else {
            var match = partial
            match.end = position
            results.append(match)
            return
        }
        let clause = partial.clause
        switch elements[element] {
        case .literal(let literal):
            guard position + literal.count <= clause.upperBound, text.has(literal, at: position) else { return }
            var next = partial
            next.literals.append(position..<position + literal.count)
            extend(elements, element + 1, at: position + literal.count, next, units: units, into: &results)
        case .number:
            // A number printed bare counts only after 为/是 (`均为0`), never before its phrase.
            guard let token = tokenAt[position], token.next <= clause.upperBound,
                token.percent
                    || (token.unit.map(units.contains)
                        ?? (element > 0 && text.marker(from: bareNumberAfter, endingAt: position) != nil))
            else { return }
            var next = partial
            next.number = token
            extend(elements, element + 1, at: token.next, next, units: units, into: &results)
        case .gap:
            // Beside the number a gap is short (`numberGap`), unless a 均为 before the number
            // shares it among several figures (`行政复议、提起行政诉讼的数量均为0`).
            let beforeNumber = elements[element + 1] == .number
            let afterNumber = element > 0 && elements[element - 1] == .number
            let limit = min(position + (afterNumber ? numberGap : gap), clause.upperBound)
            var end = position
            while end <= limit {
                if end > position {
                    let skipped = text.scalars[end - 1]
                    if ProseText.isDigit(skipped) || skipped == ProseText.space { break }
                }
                var next = partial
                next.gaps += end - position
                if beforeNumber {
                    if tokenAt[end] != nil {
                        next.distributive = isDistributive(position..<end)
                        if end - position <= numberGap || next.distributive {
                            extend(elements, element + 1, at: end, next, units: units, into: &results)
                        }
                        break
                    }
                } else {
                    extend(elements, element + 1, at: end, next, units: units, into: &results)
                }
                end += 1
            }
        }
    }
}
