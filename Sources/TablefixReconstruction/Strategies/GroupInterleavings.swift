import TablefixModel

/// The orders a wide row may have been printed in when its relations part its columns into
/// groups that each sum up (the review table: three groups of four results and their
/// total) and an extractor printed the groups interleaved, each group's values still in
/// their order (pdftotext on a three-level header: `72 64 178 37 | 12 1 1 6 | 351 | …`).
///
/// Every way to deal the values to the groups in turn, keeping each group's order, that
/// makes every group's relation hold; a depth-first search that drops a way as soon as a
/// group it completes fails, or (values being counts) a group's side already exceeds its
/// other, complete side, within the search budget.
struct GroupInterleavings {
    /// The row's columns by group (positions, in order), and the relations over them.
    struct Groups {
        var members: [[Int]]
        var tally: Tally
    }

    let groups: Groups
    let budget: SearchBudget

    /// The groups of a row whose relations part its columns wholly and without overlap.
    static func groups(_ tally: Tally) -> Groups? {
        let members = tally.relations.map { ($0.left + $0.right).sorted() }
        let covered = members.flatMap { $0 }
        guard members.count >= 2, Set(covered).count == covered.count else { return nil }
        return Groups(members: members, tally: tally)
    }

    /// The distinct orders of `dealt` (the row's value indices as dealt) that make every
    /// group's relation hold, each as the value index for each column.
    func orders(of dealt: [Int], numbers: [Double?]) -> [[Int]] {
        let width = groups.members.reduce(0) { $0 + $1.count }
        guard dealt.count == width else { return [] }
        // Every column is in its group's relation: a value that is not a number fails the
        // group it goes to, wherever it goes, and no order holds.
        guard dealt.allSatisfy({ numbers[$0] != nil }) else { return [] }
        var search = Search(groups: groups, dealt: dealt, numbers: numbers, budget: budget)
        search.place(0)
        return search.results.filter { $0 != dealt }
    }

    /// The depth-first search of ``orders(of:numbers:)``, its state in flat arrays so that a
    /// step allocates nothing: a group's members, and its relation's sides, are ranges of
    /// one array of positions each.
    private struct Search {
        let dealt: [Int]
        /// The number of each value index (every dealt one is a number).
        let values: [Double]
        /// Whether every value is a count (none below zero): a side then never falls as
        /// values are added, and one already past the other side, complete, by more than the
        /// tolerance cannot come back.
        let growing: Bool
        /// Group `g`'s members are `members[memberStarts[g]..<memberStarts[g + 1]]`.
        let members: [Int]
        let memberStarts: [Int]
        /// Group `g`'s relation: left side `sides[sideStarts[2g]..<sideStarts[2g + 1]]`,
        /// right side `sides[sideStarts[2g + 1]..<sideStarts[2g + 2]]`.
        let sides: [Int]
        let sideStarts: [Int]
        let optionsLimit: Int
        var steps: Int
        /// How many of each group's members are placed.
        var fill: [Int]
        /// The value index placed in each column, -1 while none is.
        var columns: [Int]
        var results: [[Int]] = []
        var seen = Set<[Double?]>()
        let numbers: [Double?]

        init(groups: Groups, dealt: [Int], numbers: [Double?], budget: SearchBudget) {
            self.dealt = dealt
            self.numbers = numbers
            values = numbers.map { $0 ?? 0 }
            growing = dealt.allSatisfy { numbers[$0].map { $0 >= 0 } ?? false }
            members = groups.members.flatMap { $0 }
            memberStarts = groups.members.reduce(into: [0]) { starts, members in starts.append(starts[starts.count - 1] + members.count) }
            let relations = groups.tally.relations
            sides = relations.flatMap { $0.left + $0.right }
            sideStarts = relations.reduce(into: [0]) { starts, relation in
                starts.append(starts[starts.count - 1] + relation.left.count)
                starts.append(starts[starts.count - 1] + relation.right.count)
            }
            optionsLimit = budget.optionsPerUnit
            steps = budget.interleavingSteps
            fill = [Int](repeating: 0, count: groups.members.count)
            columns = [Int](repeating: -1, count: dealt.count)
        }

        /// The sum of the values placed so far on one side (as ``Tally/sum(_:_:)`` adds
        /// them: in the side's order), and whether all its columns are placed.
        func placed(side: Int) -> (sum: Double, complete: Bool) {
            var total = 0.0
            var complete = true
            for index in sideStarts[side]..<sideStarts[side + 1] {
                let column = columns[sides[index]]
                if column >= 0 { total += values[column] } else { complete = false }
            }
            return (total, complete)
        }

        /// Whether a complete group's relation holds.
        func holds(_ group: Int) -> Bool {
            abs(placed(side: 2 * group).sum - placed(side: 2 * group + 1).sum) <= Arithmetic.tolerance
        }

        /// Whether a group not yet complete may still hold, its values all counts.
        func mayHold(_ group: Int) -> Bool {
            guard growing else { return true }
            let left = placed(side: 2 * group), right = placed(side: 2 * group + 1)
            let margin = 2 * Arithmetic.tolerance
            return !(left.complete && right.sum > left.sum + margin) && !(right.complete && left.sum > right.sum + margin)
        }

        mutating func place(_ position: Int) {
            guard steps > 0, results.count < optionsLimit else { return }
            steps -= 1
            if position == dealt.count {
                if seen.insert(columns.map { numbers[$0] }).inserted { results.append(columns) }
                return
            }
            for group in fill.indices {
                let size = memberStarts[group + 1] - memberStarts[group]
                guard fill[group] < size else { continue }
                let column = members[memberStarts[group] + fill[group]]
                columns[column] = dealt[position]
                fill[group] += 1
                if fill[group] < size ? mayHold(group) : holds(group) { place(position + 1) }
                fill[group] -= 1
                columns[column] = -1
            }
        }
    }
}
