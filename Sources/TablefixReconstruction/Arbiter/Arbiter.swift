import TablefixModel

/// Weighs the candidate readings of one table the same way, under the table's arithmetic
/// and the labels, and turns the outcome into cells with their evidence and confidence.
///
/// - Among one strategy's candidates, the one whose relations hold best wins; fewer
///   departures (pins, trimming) break ties, then the first proposed.
/// - The winner's open choices (splits of glued digits, placements of short rows, orders
///   of shuffled rows) are settled by ``OptionSearch``: an option the arithmetic picks
///   alone is taken; where the default ties with others it stays; where several others
///   tie, the row says so.
/// - The reading by labels (or under headers) is the primary one. When it is doubtful (a
///   row not found, a doubtful cell, or a relation failing in text rather than in a grid,
///   whose positions are evidence) a reading by order replaces it when its arithmetic
///   holds better — four relations in five at least, and more of them than by label — or
///   fills the cells the labels could not place when it agrees with every cell they did
///   place with some confidence.
struct Arbiter {
    let arithmetic: Arithmetic
    let policy: ConfidencePolicy
    let budget: SearchBudget
    /// The figures the prose states for the table's cells (``Statement/isLinkable``): they
    /// pick a split of glued digits that the arithmetic leaves tied with others.
    let prose: [Statement]

    init(arithmetic: Arithmetic, policy: ConfidencePolicy, budget: SearchBudget, prose: [Statement] = []) {
        self.arithmetic = arithmetic
        self.policy = policy
        self.budget = budget
        self.prose = prose.filter { $0.isLinkable && $0.target?.table == arithmetic.table.id }
    }

    /// What the arbiter found: the table's cells and checks, and the region rows read.
    struct Verdict {
        var cells: [ExtractedCell]
        var checks: [Check]
        var rows: [Int]
    }

    /// What a departure costs a candidate against the others of its strategy, in
    /// relations: less than one, so that it only breaks ties.
    static let departureCost = 0.01
    /// A reading by order may fail one evaluated relation in this many and still replace
    /// the labels' reading.
    static let orderFailingOneIn = 5

    /// The table as the candidates read it, or nil when none reads it. The readings by
    /// order are those among `candidates` and those `byOrder` gives: it is called only
    /// when the primary reading is doubtful, the one case they are weighed in, so that a
    /// table its labels read well is never dealt by order.
    func decide(_ candidates: [ReadingCandidate], byOrder: () -> [ReadingCandidate] = { [] }) -> Verdict? {
        let primaryCandidate = best(candidates.filter { $0.strategy != .order })
        let primary = primaryCandidate.map(resolve)
        let labelled = primary.map { weigh($0.readings, keys: $0.keys) }
        var verdict = primary.flatMap { primary in
            labelled.map { Verdict(cells: $0.cells, checks: $0.checks, rows: primary.rows) }
        }
        let failsInText = primaryCandidate?.fromGrid == false && labelled?.checks.contains { $0.ok == false } == true
        let weak = failsInText || labelled?.cells.contains { $0.rule == .missing || $0.confidence < policy.doubtful } ?? true
        if weak, let order = best(candidates.filter { $0.strategy == .order } + byOrder()).map(resolve),
            let chosen = preferringOrder(order, over: primary, labelled)
        {
            verdict = Verdict(cells: chosen.cells, checks: chosen.checks, rows: (verdict?.rows ?? []) + order.rows)
        }
        guard let verdict, !verdict.cells.isEmpty else { return nil }
        return verdict
    }

    /// A candidate with its choices settled: one reading per cell.
    struct Resolved {
        var keys: [String]
        var readings: [CellReading]
        var rows: [Int]
    }

    /// The candidate whose default readings hold the table's relations best, fewer
    /// departures breaking ties, then the first.
    func best(_ candidates: [ReadingCandidate]) -> ReadingCandidate? {
        guard candidates.count > 1 else { return candidates.first }
        var best: (score: Double, candidate: ReadingCandidate)?
        for candidate in candidates {
            let values = candidate.units.flatMap { $0.readings.map(\.arithmeticValue) }
            let score = Double(Tally(arithmetic, keys: candidate.keys).score(values))
                - Self.departureCost * Double(candidate.departures)
            if best.map({ score > $0.score }) ?? true { best = (score, candidate) }
        }
        return best?.candidate
    }

    /// The candidate's rows with their choices settled by the table's arithmetic.
    func resolve(_ candidate: ReadingCandidate) -> Resolved {
        let keys = candidate.keys
        var members: [OptionSearch.Member] = []
        var memberUnits: [Int] = []
        var units = candidate.units.map(\.readings)
        var start = 0
        for (index, unit) in candidate.units.enumerated() {
            defer { start += unit.keys.count }
            guard let choices = unit.choices, choices.count > 1 else { continue }
            members.append(OptionSearch.Member(positions: Array(start..<(start + unit.keys.count)), choices: choices))
            memberUnits.append(index)
        }
        if !members.isEmpty {
            let search = OptionSearch(tally: Tally(arithmetic, keys: keys), budget: budget)
            var values = units.flatMap { $0.map(\.arithmeticValue) }
            var ties = search.ties(members, values: values)
            let byProse = members.indices.map { ties[$0].count > 1 ? confirmedByProse(ties[$0], of: members[$0], keys: keys) : nil }
            // Rows the prose settles settle the others anew: a row may tie only while they are open
            // (a sub-row's split within its row's, once the prose names the row's).
            let open = members.indices.filter { ties[$0].count > 1 && byProse[$0] == nil }
            if !open.isEmpty, byProse.contains(where: { $0 != nil }) {
                for member in members.indices {
                    guard let option = byProse[member] ?? (ties[member].count == 1 ? ties[member].first : nil) else { continue }
                    for (position, value) in zip(members[member].positions, members[member].choices.values(option)) {
                        values[position] = value
                    }
                }
                for (member, tied) in zip(open, search.ties(open.map { members[$0] }, values: values)) { ties[member] = tied }
            }
            for (((member, index), tied), proseOption) in zip(zip(zip(members, memberUnits), ties), byProse) {
                if tied.count == 1, let option = tied.first {
                    units[index] = member.choices.readings(decided: option)
                } else if let option = proseOption, let readings = member.choices.readings(confirmedByProse: option) {
                    units[index] = readings
                } else if !tied.contains(0), let readings = member.choices.readings(undecided: tied) {
                    units[index] = readings
                }
            }
        }
        return Resolved(keys: keys, readings: units.flatMap { $0 }, rows: candidate.rows)
    }

    /// The one option among `tied` whose values give more of the figures the prose states
    /// for the member's cells than any other, when it gives one at least. (A report may
    /// state a figure more than once, once for a part of it: `主动公开政府信息2069条` beside
    /// `其中…1592条`; the option that gives none of them is never confirmed.)
    func confirmedByProse(_ tied: [Int], of member: OptionSearch.Member, keys: [String]) -> Int? {
        let memberKeys = member.positions.map { keys[$0] }
        let stated = prose.filter { $0.target?.keys.allSatisfy(memberKeys.contains) == true }
        guard !stated.isEmpty else { return nil }
        let given = tied.map { option in
            let values = member.choices.values(option)
            return stated.count { statement in
                let cells = (statement.target?.keys ?? []).compactMap { key in
                    memberKeys.firstIndex(of: key).flatMap { values[$0] }
                }
                return cells.count == statement.target?.keys.count
                    && abs(cells.reduce(0, +) - statement.value) < NarrativeLinker.tolerance
            }
        }
        guard let most = given.max(), most > 0, given.count(where: { $0 == most }) == 1,
            let best = given.firstIndex(of: most)
        else { return nil }
        return tied[best]
    }

    /// The cells of a reading after the table's arithmetic: checks, confirmations,
    /// inferred values, and each cell's confidence by the policy.
    func weigh(_ readings: [CellReading], keys: [String], selection: (Int) -> CellEvidence.Selection = { _ in .only })
        -> (cells: [ExtractedCell], checks: [Check])
    {
        let unprinted = Set(readings.indices.filter { readings[$0].evidence.placement == .notPrinted })
        let (checks, relations) = arithmetic.evaluate(keys: keys, values: readings.map(\.arithmeticValue),
                                                      unprinted: unprinted)
        let cells = readings.indices.map { index in
            var reading = readings[index]
            reading.evidence.arithmetic = relations[index]
            reading.evidence.selection = selection(index)
            return reading.cell(keys[index], policy: policy)
        }
        return (cells, checks)
    }

    /// The reading by order, when the evidence prefers it to the labels' reading:
    /// - its arithmetic holds better (four relations in five at least, and more of them
    ///   than by label);
    /// - or it agrees with every cell the labels placed with some confidence and fills the
    ///   rest, without failing more relations.
    func preferringOrder(_ order: Resolved, over labels: Resolved?, _ labelled: (cells: [ExtractedCell], checks: [Check])?)
        -> (cells: [ExtractedCell], checks: [Check])?
    {
        let dealt = weigh(order.readings, keys: order.keys) { _ in .orderByArithmetic(holdsAll: false) }
        let failing = dealt.checks.filter { $0.ok == false }.count
        let ordered = failing == 0 ? weigh(order.readings, keys: order.keys) { _ in .orderByArithmetic(holdsAll: true) } : dealt
        let passing = ordered.checks.filter { $0.ok == true }.count
        let labelChecks = labelled?.checks ?? []
        if passing > labelChecks.filter({ $0.ok == true }).count,
            failing * Self.orderFailingOneIn <= passing + failing
        {
            return ordered
        }
        // Agreement: the cells the labels placed are those the order gives.
        guard let labels, let labelled else { return nil }
        let orderedByKey = Dictionary(zip(order.keys, order.readings), uniquingKeysWith: { first, _ in first })
        let placed = Set(labelled.cells.filter { $0.rule != .missing && $0.confidence >= policy.orderAgreementFloor }
            .map(\.key))
        guard placed.count * 2 >= labelled.cells.count, placed.count < labelled.cells.count,
            labelled.cells.allSatisfy({ !placed.contains($0.key) || orderedByKey[$0.key]?.value == $0.value })
        else { return nil }
        let filled = labels.keys.map { !placed.contains($0) && orderedByKey[$0] != nil }
        let merged = zip(labels.keys, labels.readings).map { key, reading in
            placed.contains(key) ? reading : orderedByKey[key] ?? reading
        }
        let result = weigh(merged, keys: labels.keys) { filled[$0] ? .orderAgreeing : .only }
        let labelFailing = labelChecks.filter { $0.ok == false }.count
        guard result.checks.filter({ $0.ok == false }).count <= labelFailing else { return nil }
        return result
    }
}
