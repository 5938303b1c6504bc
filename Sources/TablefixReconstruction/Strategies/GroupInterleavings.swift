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
        // Counts never fall as values are added: a side already past the other side, complete,
        // by more than the tolerance cannot come back.
        let growing = dealt.allSatisfy { numbers[$0].map { $0 >= 0 } ?? false }
        var fill = [Int](repeating: 0, count: groups.members.count)
        var columns = [Int](repeating: -1, count: width)
        var results: [[Int]] = []
        var seen = Set<[Double?]>()
        var steps = budget.interleavingSteps
        // The sum of the values placed in `positions` (as ``Tally/sum(_:_:)`` adds them), read
        // where they are placed: nil when one is not placed yet or not a number.
        func sum(_ positions: [Int]) -> Double? {
            var total = 0.0
            for position in positions {
                guard columns[position] >= 0, let value = numbers[columns[position]] else { return nil }
                total += value
            }
            return total
        }
        func holds(_ group: Int) -> Bool {
            let relation = groups.tally.relations[group]
            guard let left = sum(relation.left), let right = sum(relation.right) else { return false }
            return abs(left - right) <= Arithmetic.tolerance
        }
        // The sum of the values placed so far in `positions`, and whether all are placed.
        func placed(_ positions: [Int]) -> (sum: Double, complete: Bool) {
            var total = 0.0
            var complete = true
            for position in positions {
                if columns[position] >= 0, let value = numbers[columns[position]] { total += value } else { complete = false }
            }
            return (total, complete)
        }
        // Whether a group not yet complete may still hold, its values all counts.
        func mayHold(_ group: Int) -> Bool {
            guard growing else { return true }
            let relation = groups.tally.relations[group]
            let left = placed(relation.left), right = placed(relation.right)
            let margin = 2 * Arithmetic.tolerance
            return !(left.complete && right.sum > left.sum + margin) && !(right.complete && left.sum > right.sum + margin)
        }
        func place(_ position: Int) {
            guard steps > 0, results.count < budget.optionsPerUnit else { return }
            steps -= 1
            if position == dealt.count {
                let values = columns.map { numbers[$0] }
                if seen.insert(values).inserted { results.append(columns) }
                return
            }
            for (group, members) in groups.members.enumerated() where fill[group] < members.count {
                columns[members[fill[group]]] = dealt[position]
                fill[group] += 1
                if fill[group] < members.count ? mayHold(group) : holds(group) { place(position + 1) }
                fill[group] -= 1
                columns[members[fill[group]]] = -1
            }
        }
        place(0)
        return results.filter { $0 != dealt }
    }
}
