import TablefixModel

/// A table's arithmetic relations: evaluated on a reading, they say which relations hold
/// or fail, which cells they confirm, and what a blank or unreadable cell must be when a
/// relation has one unknown. Printed numbers are never changed to make a sum agree.
///
/// Made once per table (``PreparedTable``): the relations' instances, and the ``Tally`` of
/// the whole table and of each row, which every document's readings are judged by.
struct Arithmetic: Sendable {
    let table: TableTemplate
    /// Every relation of the table with `$` replaced, with its rule.
    let instances: [(rule: String, instance: Relation.Instance)]
    /// Every bound of the table (``TableTemplate/bounds``) with `$` replaced.
    let bounds: [Relation.Instance]
    /// The table's cells (``TableTemplate/keys``).
    let keys: [String]
    /// The relations among all the table's cells, by position in ``keys``.
    let tableTally: Tally
    /// The relations within each template row's cells (a row's own arithmetic), by position
    /// among the row's cells.
    let rowTallies: [Tally]
    /// Each template row's cells, and the ``totals(forKeys:)`` among them.
    let rowKeys: [[String]]
    let rowTotals: [Set<Int>]

    init(table: TableTemplate) {
        self.table = table
        let instances = table.relations.flatMap { relation in relation.instances(in: table).map { (relation.rule, $0) } }
        self.instances = instances
        let bounds = (table.bounds ?? []).flatMap { $0.instances(in: table) }
        self.bounds = bounds
        keys = table.keys
        tableTally = Tally(instances, bounds: bounds, keys: keys)
        let rowKeys = table.rows.map { row in row.columns.map { "\(row.key).\($0)" } }
        self.rowKeys = rowKeys
        rowTallies = rowKeys.map { Tally(instances, bounds: bounds, keys: $0) }
        rowTotals = rowKeys.map { Self.totals(of: instances, forKeys: $0) }
    }

    /// The relations among the cells `keys`, by position in `keys`.
    func tally(forKeys keys: [String]) -> Tally {
        keys == self.keys ? tableTally : Tally(instances, bounds: bounds, keys: keys)
    }

    /// Whether values of template row `row`'s cells break none of its own bounds; nil when
    /// the row has none.
    func withinBounds(row: Int) -> (([Double?]) -> Bool)? {
        let tally = rowTallies[row]
        guard !tally.bounds.isEmpty else { return nil }
        return { values in
            let padded = values.count < tally.width ? values + Array(repeating: nil, count: tally.width - values.count) : values
            return tally.brokenBounds(padded) == 0
        }
    }

    static let tolerance = 1e-6

    /// The relation instances whose cells all lie in `keys` (a row's own arithmetic):
    /// false when one fails, true when all hold, nil while one has an unknown cell.
    func check(forKeys keys: [String]) -> (([Double?]) -> Bool?)? {
        check(keys.count, tally(forKeys: keys))
    }

    /// The positions in `keys` of the cells the arithmetic derives from others there: each
    /// the one cell on its side of a relation all of whose cells lie in `keys` (a group's
    /// 总计).
    func totals(forKeys keys: [String]) -> Set<Int> {
        Self.totals(of: instances, forKeys: keys)
    }

    /// ``totals(forKeys:)`` for `keys`, some or all cells of template row `row`: those of
    /// all its cells found once per table.
    func totals(row: Int, keys: [String]) -> Set<Int> {
        keys == rowKeys[row] ? rowTotals[row] : totals(forKeys: keys)
    }

    static func totals(of instances: [(rule: String, instance: Relation.Instance)], forKeys keys: [String]) -> Set<Int> {
        var position: [String: Int] = [:]
        for (index, key) in keys.enumerated() { position[key] = index }
        var totals: Set<Int> = []
        for (_, instance) in instances where (instance.left + instance.right).allSatisfy({ position[$0] != nil }) {
            for side in [instance.left, instance.right] where side.count == 1 && instance.left.count + instance.right.count > 2 {
                if let total = position[side[0]] { totals.insert(total) }
            }
        }
        return totals
    }

    /// ``check(forKeys:)`` for the cells of template row `row`.
    func check(row: Int) -> (([Double?]) -> Bool?)? {
        check(rowTallies[row].width, rowTallies[row])
    }

    /// A check of `width` cells' values by `tally`'s relations.
    private func check(_ width: Int, _ tally: Tally) -> (([Double?]) -> Bool?)? {
        guard !tally.relations.isEmpty else { return nil }
        return { values in
            let padded = values.count < width ? values + Array(repeating: nil, count: width - values.count) : values
            let (passing, failing) = tally.count(padded)
            return failing > 0 ? false : passing == tally.relations.count ? true : nil
        }
    }

    /// Every relation evaluated on `values` (by key, in `keys`' order), in the template's
    /// order, and what they say of each cell: how many hold for it, which fail, and the
    /// value a relation with one unknown implies for it (the first such relation's).
    ///
    /// Cells at `unprinted` positions (a row or column the form does not have) count as
    /// nothing beside printed cells; a relation one side of which the form does not print
    /// at all is not evaluated.
    func evaluate(keys: [String], values: [Double?], unprinted: Set<Int> = [])
        -> (checks: [Check], cells: [CellEvidence.RelationEvidence])
    {
        var index: [String: Int] = [:]
        for (position, key) in keys.enumerated() { index[key] = position }
        var checks: [Check] = []
        var evidence = [CellEvidence.RelationEvidence](repeating: .init(), count: keys.count)
        for (rule, instance) in instances {
            let cellKeys = instance.left + instance.right
            let positions = cellKeys.compactMap { index[$0] }
            guard positions.count == cellKeys.count else { continue }
            let sides = [instance.left, instance.right].map { $0.compactMap { index[$0] } }
            guard !sides.contains(where: { side in side.allSatisfy(unprinted.contains) }) else {
                checks.append(Check(rule: rule, column: instance.label, ok: nil, cells: cellKeys))
                continue
            }
            let unknown = positions.filter { values[$0] == nil }
            guard unknown.isEmpty else {
                checks.append(Check(rule: rule, column: instance.label, ok: nil, cells: cellKeys))
                if unknown.count == 1, let target = unknown.first, evidence[target].inferred == nil,
                    let value = solve(instance, for: keys[target], index: index, values: values)
                {
                    evidence[target].inferred = CellEvidence.Inference(value: value, rule: rule)
                }
                continue
            }
            let left = instance.left.reduce(0) { $0 + (index[$1].flatMap { values[$0] } ?? 0) }
            let right = instance.right.reduce(0) { $0 + (index[$1].flatMap { values[$0] } ?? 0) }
            let ok = abs(left - right) <= Self.tolerance
            checks.append(Check(rule: rule, column: instance.label, ok: ok, cells: cellKeys, left: left, right: right))
            let informative = positions.contains { values[$0] != 0 }
            for position in positions {
                guard ok else {
                    evidence[position].failed.append(rule)
                    continue
                }
                evidence[position].confirmations += 1
                if informative { evidence[position].informativeConfirmations += 1 }
            }
        }
        return (checks, evidence)
    }

    /// The value `key` must have for `instance` to hold, when that is not negative.
    func solve(_ instance: Relation.Instance, for key: String, index: [String: Int], values: [Double?]) -> Double? {
        let left = instance.left.compactMap { index[$0].flatMap { values[$0] } }.reduce(0, +)
        let right = instance.right.compactMap { index[$0].flatMap { values[$0] } }.reduce(0, +)
        let value = instance.left.contains(key) ? right - left : left - right
        return value >= -Self.tolerance ? value : nil
    }
}

/// The relations among some cells, numbered by their position in a list of keys: judges
/// many candidate readings of a table fast, by how many relations hold and how many fail.
struct Tally: Sendable {
    /// Each relation whose cells all lie in the keys, as positions.
    let relations: [(left: [Int], right: [Int])]
    /// Each bound (left at most right) whose cells all lie in the keys, as positions.
    let bounds: [(left: [Int], right: [Int])]
    /// How many keys the positions count among.
    let width: Int

    init(_ arithmetic: Arithmetic, keys: [String]) {
        self = arithmetic.tally(forKeys: keys)
    }

    init(_ instances: [(rule: String, instance: Relation.Instance)], bounds: [Relation.Instance], keys: [String]) {
        width = keys.count
        var position: [String: Int] = [:]
        for (index, key) in keys.enumerated() { position[key] = index }
        func positions(_ instance: Relation.Instance) -> (left: [Int], right: [Int])? {
            let left = instance.left.compactMap { position[$0] }, right = instance.right.compactMap { position[$0] }
            guard left.count == instance.left.count, right.count == instance.right.count else { return nil }
            return (left, right)
        }
        relations = instances.compactMap { positions($0.instance) }
        self.bounds = bounds.compactMap(positions)
    }

    /// How many relations hold and how many fail on `values` (by position); a relation
    /// with an unknown cell counts as neither.
    func count(_ values: [Double?]) -> (passing: Int, failing: Int) {
        var passing = 0, failing = 0
        for (left, right) in relations {
            guard let l = Self.sum(left, values), let r = Self.sum(right, values) else { continue }
            if abs(l - r) <= Arithmetic.tolerance { passing += 1 } else { failing += 1 }
        }
        return (passing, failing)
    }

    /// How many bounds `values` break; a bound with an unknown cell breaks nothing.
    func brokenBounds(_ values: [Double?]) -> Int {
        bounds.count { left, right in
            guard let l = Self.sum(left, values), let r = Self.sum(right, values) else { return false }
            return l > r + Arithmetic.tolerance
        }
    }

    /// How many relations hold, less twice how many fail or bounds break: a candidate
    /// reading's standing.
    func score(_ values: [Double?]) -> Int {
        let (passing, failing) = count(values)
        return passing - 2 * (failing + brokenBounds(values))
    }

    static func sum(_ positions: [Int], _ values: [Double?]) -> Double? {
        var total = 0.0
        for position in positions {
            guard let value = values[position] else { return nil }
            total += value
        }
        return total
    }
}
