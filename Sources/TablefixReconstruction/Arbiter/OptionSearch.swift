import TablefixModel

/// Chooses among the options of a candidate's rows the combination that makes the most of
/// the table's relations hold (``Tally/score(_:)``), and says for each row which options
/// tie for best: every combination when there are few enough, otherwise rows that lost
/// the same columns moved together and then each row against the rest, a move taken only
/// when it holds strictly better.
struct OptionSearch {
    let tally: Tally
    let budget: SearchBudget

    /// A row with options: its cells' positions among the table's values.
    struct Member {
        var positions: [Int]
        var choices: any UnitChoices
    }

    /// For each member, the options that tie for best (sorted); `values` holds the table's
    /// values with every member at its default.
    func ties(_ members: [Member], values: [Double?]) -> [[Int]] {
        guard !members.isEmpty else { return [] }
        var values = values
        func set(_ member: Int, _ option: Int) {
            for (position, value) in zip(members[member].positions, members[member].choices.values(option)) {
                values[position] = value
            }
        }
        let combinations = members.reduce(1) { $0 > budget.jointCombinations ? $0 : $0 * $1.choices.count }
        if combinations <= budget.jointCombinations {
            // Few enough: every combination, since ambiguous rows may only be decided together.
            var best = Int.min
            var tied: [[Bool]] = members.map { [Bool](repeating: false, count: $0.choices.count) }
            var choice = [Int](repeating: 0, count: members.count)
            for _ in 0..<combinations {
                for member in members.indices { set(member, choice[member]) }
                let score = tally.score(values)
                if score > best {
                    best = score
                    tied = members.map { [Bool](repeating: false, count: $0.choices.count) }
                }
                if score == best { for member in members.indices { tied[member][choice[member]] = true } }
                for member in members.indices {
                    choice[member] += 1
                    if choice[member] < members[member].choices.count { break }
                    choice[member] = 0
                }
            }
            return tied.map { flags in flags.indices.filter { flags[$0] } }
        }
        var chosen = [Int](repeating: 0, count: members.count)
        /// The options of `group` (moved together) scoring best, and their score.
        func best(_ group: [Int]) -> (score: Int, options: [Int]) {
            var top = (score: Int.min, options: [Int]())
            for option in 0..<members[group[0]].choices.count {
                for member in group { set(member, option) }
                let score = tally.score(values)
                if score > top.score { top = (score, [option]) } else if score == top.score { top.options.append(option) }
            }
            for member in group { set(member, chosen[member]) }
            return top
        }
        // Rows that lost the same columns: placed together first.
        let groups = Dictionary(grouping: members.indices.filter { members[$0].choices.group != nil }) {
            members[$0].choices.group ?? 0
        }
        for key in groups.keys.sorted() {
            guard let group = groups[key], group.count >= 2 else { continue }
            let current = tally.score(values)
            let top = best(group)
            if top.score > current, let option = top.options.first {
                for member in group { chosen[member] = option }
                for member in group { set(member, option) }
            }
        }
        for _ in 0..<budget.rounds {
            for member in members.indices {
                let current = tally.score(values)
                let top = best([member])
                if top.score > current, let option = top.options.first {
                    chosen[member] = option
                    set(member, option)
                }
            }
        }
        return members.indices.map { best([$0]).options }
    }
}
