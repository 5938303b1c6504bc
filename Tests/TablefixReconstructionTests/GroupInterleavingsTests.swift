import Testing
import TablefixTestSupport
@testable import TablefixReconstruction

@Suite("Group interleavings")
struct GroupInterleavingsTests {
    /// Groups of `sizes` columns in a row, each group's first column the sum of the others.
    static func groups(_ sizes: [Int]) -> GroupInterleavings.Groups {
        var keys: [String] = []
        var instances: [(rule: String, instance: Relation.Instance)] = []
        for (group, size) in sizes.enumerated() {
            let members = (0..<size).map { "g\(group).c\($0)" }
            keys += members
            instances.append(("sum", Relation.Instance(label: nil, left: [members[0]], right: Array(members.dropFirst()))))
        }
        return GroupInterleavings.groups(Tally(instances, bounds: [], keys: keys))!
    }

    /// Every order by brute force: each way to deal the values to the groups in turn, in the
    /// search's order, kept when every group's relation holds, once per distinct values.
    static func everyOrder(of dealt: [Int], numbers: [Double?], groups: GroupInterleavings.Groups) -> [[Int]] {
        var results: [[Int]] = []
        var seen = Set<[Double?]>()
        func deal(_ position: Int, _ fill: [Int], _ columns: [Int]) {
            if position == dealt.count {
                let values = columns.map { numbers[$0] }
                let holds = groups.tally.relations.allSatisfy { relation in
                    guard let left = Tally.sum(relation.left, values), let right = Tally.sum(relation.right, values)
                    else { return false }
                    return abs(left - right) <= Arithmetic.tolerance
                }
                if holds, seen.insert(values).inserted { results.append(columns) }
                return
            }
            for (group, members) in groups.members.enumerated() where fill[group] < members.count {
                var fill = fill, columns = columns
                columns[members[fill[group]]] = dealt[position]
                fill[group] += 1
                deal(position + 1, fill, columns)
            }
        }
        deal(0, Array(repeating: 0, count: groups.members.count), Array(repeating: -1, count: dealt.count))
        return results.prefix(SearchBudget.standard.optionsPerUnit).filter { $0 != dealt }
    }

    @Test("puts back two groups printed interleaved, each group's order kept")
    func interleaved() {
        let numbers: [Double?] = [10, 5, 4, 2, 6, 3]
        let orders = GroupInterleavings(groups: Self.groups([3, 3]), budget: .standard)
            .orders(of: Array(0..<6), numbers: numbers)
        #expect(orders.contains([0, 2, 4, 1, 3, 5]))
    }

    @Test("finds no order when a value is not a number")
    func placeholder() {
        let numbers: [Double?] = [10, nil, 4, 2, 6, 3]
        #expect(GroupInterleavings(groups: Self.groups([3, 3]), budget: .standard)
            .orders(of: Array(0..<6), numbers: numbers).isEmpty)
    }

    @Test("finds what dealing every way finds, in the same order, on random rows of counts")
    func agreesWithBruteForce() {
        Self.agreeWithBruteForce(seed: 7, scale: 1)
    }

    @Test("finds what dealing every way finds, in the same order, on random rows of amounts with decimals")
    func agreesWithBruteForceOnDecimals() {
        Self.agreeWithBruteForce(seed: 11, scale: 0.1)
    }

    /// Random rows of groups that each hold (parts of `scale` times a count, and their sum),
    /// searched and dealt every way.
    static func agreeWithBruteForce(seed: UInt64, scale: Double) {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<100 {
            let sizes = (0..<Int(generator.next() % 2 + 2)).map { _ in Int(generator.next() % 2 + 2) }
            let groups = Self.groups(sizes)
            // Each group made to hold, its values printed group after group: the search deals them anew.
            var values: [Double] = []
            for size in sizes {
                let parts = (1..<size).map { _ in Double(generator.next() % 4) * scale }
                values += [parts.reduce(0, +)] + parts
            }
            let dealt = Array(values.indices)
            let numbers = values.map(Optional.init)
            let search = GroupInterleavings(groups: groups, budget: .standard).orders(of: dealt, numbers: numbers)
            #expect(search == Self.everyOrder(of: dealt, numbers: numbers, groups: groups))
        }
    }
}
