import TablefixModel

/// Evaluates a table's arithmetic relations, fills `inferred` for a blank or unreadable
/// cell that a relation determines, and adjusts confidences by what the checks show.
///
/// A violated relation lowers the confidence of every cell it involves; printed numbers
/// are never changed to make a sum agree. A cell whose every relation holds gains a
/// little confidence.
struct Arithmetic {
    let table: TableTemplate
    /// Every relation of the table with `$` replaced, with its rule.
    let instances: [(rule: String, instance: Relation.Instance)]

    init(table: TableTemplate) {
        self.table = table
        instances = table.relations.flatMap { relation in relation.instances(in: table).map { (relation.rule, $0) } }
    }

    static let tolerance = 1e-6

    /// The relation instances whose cells all lie in `keys` (a row's own arithmetic):
    /// false when one fails, true when all hold, nil while one has an unknown cell.
    func check(forKeys keys: [String]) -> (([Double?]) -> Bool?)? {
        let tally = Tally(self, keys: keys)
        guard !tally.relations.isEmpty else { return nil }
        return { values in
            let padded = values.count < keys.count ? values + Array(repeating: nil, count: keys.count - values.count) : values
            let (passing, failing) = tally.count(padded)
            return failing > 0 ? false : passing == tally.relations.count ? true : nil
        }
    }

    /// Evaluates every relation on `cells` (by key), infers what can be inferred, and
    /// adjusts confidences. Returns the checks in the template's order.
    func apply(to cells: inout [ExtractedCell]) -> [Check] {
        var index: [String: Int] = [:]
        for (position, cell) in cells.enumerated() { index[cell.key] = position }
        var checks: [Check] = []
        var failing: [Int: [String]] = [:]
        var passing: [Int: Int] = [:]
        for (rule, instance) in instances {
            let keys = instance.left + instance.right
            let positions = keys.compactMap { index[$0] }
            guard positions.count == keys.count else { continue }
            let left = instance.left.map { index[$0].flatMap { cells[$0].value } }
            let right = instance.right.map { index[$0].flatMap { cells[$0].value } }
            let unknown = positions.filter { cells[$0].value == nil }
            if unknown.isEmpty {
                let l = left.reduce(0) { $0 + ($1 ?? 0) }, r = right.reduce(0) { $0 + ($1 ?? 0) }
                let ok = abs(l - r) <= Self.tolerance
                checks.append(Check(rule: rule, column: instance.label, ok: ok, cells: keys, left: l, right: r))
                for position in positions {
                    if ok { passing[position, default: 0] += 1 } else { failing[position, default: []].append(rule) }
                }
            } else {
                checks.append(Check(rule: rule, column: instance.label, ok: nil, cells: keys))
                if unknown.count == 1, let target = unknown.first {
                    infer(target, from: instance, rule: rule, cells: &cells, index: index)
                }
            }
        }
        for (position, rules) in failing {
            cells[position].confidence = min(cells[position].confidence, 0.5)
            let note = "fails \(rules[0])" + (rules.count > 1 ? " and \(rules.count - 1) more" : "")
            cells[position].why = cells[position].why.map { "\($0); \(note)" } ?? note
        }
        for (position, _) in passing where failing[position] == nil && cells[position].confidence >= 0.9 {
            cells[position].confidence = min(0.995, cells[position].confidence + 0.02)
        }
        return checks
    }

    /// Sets `inferred` on the one unknown cell of a relation.
    func infer(_ target: Int, from instance: Relation.Instance, rule: String, cells: inout [ExtractedCell],
               index: [String: Int]) {
        let key = cells[target].key
        let onLeft = instance.left.contains(key)
        let left = instance.left.compactMap { index[$0].flatMap { cells[$0].value } }.reduce(0, +)
        let right = instance.right.compactMap { index[$0].flatMap { cells[$0].value } }.reduce(0, +)
        let value = onLeft ? right - left : left - right
        guard value >= -Self.tolerance, cells[target].inferred == nil else { return }
        cells[target].inferred = value
        let blank = cells[target].raw.isEmpty ? "blank in source" : "\"\(cells[target].raw)\" unreadable"
        let note = "\(blank); \(value.printed) follows from \(rule)"
        cells[target].why = note
    }
}

/// The relations among some cells, numbered by their position in a list of keys: judges
/// many candidate readings of a table fast, by how many relations hold and how many fail.
struct Tally {
    /// Each relation whose cells all lie in the keys, as positions.
    let relations: [(left: [Int], right: [Int])]

    init(_ arithmetic: Arithmetic, keys: [String]) {
        var position: [String: Int] = [:]
        for (index, key) in keys.enumerated() { position[key] = index }
        relations = arithmetic.instances.compactMap { _, instance in
            let left = instance.left.compactMap { position[$0] }, right = instance.right.compactMap { position[$0] }
            guard left.count == instance.left.count, right.count == instance.right.count else { return nil }
            return (left, right)
        }
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

    /// How many relations hold, less twice how many fail: a candidate reading's standing.
    func score(_ values: [Double?]) -> Int {
        let (passing, failing) = count(values)
        return passing - 2 * failing
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

/// A table's cell values, to try other values for some cells and judge each trial by the
/// table's relations: how many hold, less twice how many fail.
struct TrialTable {
    let tally: Tally
    /// Each key's position among the cells.
    let position: [String: Int]
    var values: [Double?]

    init(_ arithmetic: Arithmetic, cells: [ExtractedCell]) {
        tally = Tally(arithmetic, keys: cells.map(\.key))
        var position: [String: Int] = [:]
        for (index, cell) in cells.enumerated() { position[cell.key] = index }
        self.position = position
        values = cells.map(\.value)
    }

    mutating func set(_ key: String, _ value: Double?) {
        if let index = position[key] { values[index] = value }
    }

    var score: Int { tally.score(values) }
}
