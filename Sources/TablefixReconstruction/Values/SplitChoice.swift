import TablefixModel

/// Chooses among the splits of rows whose glued digits split several ways that each fit
/// the row's own arithmetic (a crawler's `379003150` for 37 9 0 0 3 1 50, or 3 7 9 0 0 31
/// 50): the splits that make the most of the whole table's relations hold — every
/// combination when there are few, otherwise each row against the rest, twice round. A
/// row's split is taken only when all the best combinations agree on it; otherwise the row
/// keeps the first split and its low confidence.
struct SplitChoice {
    /// A row's cells' keys and the readings of each split that fits it.
    struct Row {
        var keys: [String]
        var splits: [[CellReading]]
    }

    let arithmetic: Arithmetic
    /// Up to this many combinations of the rows' splits are all tried together.
    static let jointLimit = 4096

    /// Rewrites the cells of `rows` in `cells` with the chosen split.
    func choose(_ rows: [Row], in cells: inout [ExtractedCell]) {
        guard !rows.isEmpty else { return }
        var trial = TrialTable(arithmetic, cells: cells)
        func set(_ row: Row, _ split: Int) {
            for (key, reading) in zip(row.keys, row.splits[split]) { trial.set(key, reading.value) }
        }
        func score() -> Int { trial.score }
        var chosen = [Int](repeating: 0, count: rows.count)
        var decided = [Bool](repeating: false, count: rows.count)
        let combinations = rows.reduce(1) { $0 > Self.jointLimit ? $0 : $0 * $1.splits.count }
        if combinations <= Self.jointLimit {
            // Few enough: every combination, since ambiguous rows may only be decided together.
            var best: (score: Int, choices: [[Int]]) = (.min, [])
            var choice = [Int](repeating: 0, count: rows.count)
            for _ in 0..<combinations {
                for (index, row) in rows.enumerated() { set(row, choice[index]) }
                let value = score()
                if value > best.score { best = (value, [choice]) } else if value == best.score { best.choices.append(choice) }
                for index in rows.indices {
                    choice[index] += 1
                    if choice[index] < rows[index].splits.count { break }
                    choice[index] = 0
                }
            }
            for index in rows.indices where best.choices.allSatisfy({ $0[index] == best.choices[0][index] }) {
                chosen[index] = best.choices[0][index]
                decided[index] = true
            }
        } else {
            for _ in 0..<2 {
                for (index, row) in rows.enumerated() {
                    var best: (score: Int, splits: [Int]) = (.min, [])
                    for split in row.splits.indices {
                        set(row, split)
                        let value = score()
                        if value > best.score { best = (value, [split]) } else if value == best.score { best.splits.append(split) }
                    }
                    decided[index] = best.splits.count == 1
                    if decided[index] { chosen[index] = best.splits[0] }
                    set(row, chosen[index])
                }
            }
        }
        for (index, row) in rows.enumerated() where decided[index] {
            for (key, reading) in zip(row.keys, row.splits[chosen[index]]) {
                guard let target = trial.position[key] else { continue }
                var reading = reading
                if reading.confidence < 0.6 { reading.confidence = 0.6 }
                reading.why = "digits run together; \(row.splits.count) splits fit the row, the table's arithmetic chose this one"
                cells[target] = TableReading.cell(key, reading, labelScore: 1)
            }
        }
    }
}
