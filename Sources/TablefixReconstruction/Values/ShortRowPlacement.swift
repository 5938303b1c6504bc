import TablefixModel

/// Places the values of rows that came out short of their columns, as an OCR leaves a
/// ruled table whose narrow columns it lost (`87 2 103` for `87 5 0 2 6 3 103`): each row
/// keeps its values in order, in the columns where the whole table's arithmetic holds
/// best; columns it printed nothing for stay missing.
///
/// Rows of the same length are first placed together (they usually lost the same columns,
/// and a column relation may need several of them), then one at a time against the rest of
/// the table, twice round. A placement is taken only when it holds better than the one
/// before. When several placements hold equally well, a value goes where they all put it;
/// a value they put in different columns is placed nowhere, and the cells it may belong to
/// say so.
struct ShortRowPlacement {
    /// A short row: its cells' keys and the values it printed.
    struct Row {
        var keys: [String]
        var values: [Token]
        var decimal: Bool
    }

    /// For each printed value, in order, the column it goes to, or nil when undecided.
    typealias Placement = [Int?]

    let arithmetic: Arithmetic
    /// Rows with more ways to place their values than this are left as they are.
    static let placementLimit = 64

    /// Rewrites the cells of `rows` in `cells` where a placement is found.
    func place(_ rows: [Row], in cells: inout [ExtractedCell]) {
        guard !rows.isEmpty else { return }
        var trial = TrialTable(arithmetic, cells: cells)
        let numbers = rows.map { row in row.values.map { NumberReader.reading(of: $0.raw)?.value } }
        /// Puts a row's values in the columns of `placement` and forgets its other cells.
        func set(_ row: Int, _ placement: Placement) {
            for key in rows[row].keys { trial.set(key, nil) }
            for (slot, column) in placement.enumerated() {
                if let column { trial.set(rows[row].keys[column], numbers[row][slot]) }
            }
        }
        let options = rows.map { row -> [Placement] in
            let all = Self.placements(of: row.values.count, in: row.keys.count)
            return all.count <= Self.placementLimit ? all : []
        }
        let firstColumns = options.map { $0.first ?? [] }
        var chosen = firstColumns
        var alternatives = [[Placement]](repeating: [], count: rows.count)
        func score() -> Int { trial.score }
        /// The best of `candidates` for `members`, all placed alike: the single best, or
        /// what the best ones agree on; nil when it holds no better than `current`.
        func best(of candidates: [Placement], for members: [Int], current: Int) -> (Placement, [Placement])? {
            var top: (score: Int, placements: [Placement]) = (.min, [])
            for placement in candidates {
                for member in members { set(member, placement) }
                let value = score()
                if value > top.score { top = (value, [placement]) } else if value == top.score { top.placements.append(placement) }
            }
            guard top.score > current, let first = top.placements.first else { return nil }
            let agreed = first.indices.map { slot in top.placements.allSatisfy { $0[slot] == first[slot] } ? first[slot] : nil }
            return (agreed, top.placements)
        }
        // Rows of the same length usually lost the same columns: place them together first.
        let lengths = Dictionary(grouping: rows.indices.filter { !options[$0].isEmpty }) { rows[$0].values.count }
        for length in lengths.keys.sorted() {
            guard let members = lengths[length], members.count >= 2 else { continue }
            for member in members { set(member, chosen[member]) }
            let current = score()
            let shared = options[members[0]].filter { placement in members.allSatisfy { options[$0].contains(placement) } }
            if let (placement, tied) = best(of: shared, for: members, current: current) {
                for member in members { (chosen[member], alternatives[member]) = (placement, tied) }
            }
            for member in members { set(member, chosen[member]) }
        }
        // Then each row against the rest, twice round.
        for _ in 0..<2 {
            for index in rows.indices where options[index].count > 1 {
                set(index, chosen[index])
                if let (placement, tied) = best(of: options[index], for: [index], current: score()) {
                    (chosen[index], alternatives[index]) = (placement, tied)
                }
                set(index, chosen[index])
            }
        }
        for (index, row) in rows.enumerated() where chosen[index] != firstColumns[index] {
            let note = "row has \(row.values.count) values for \(row.keys.count) columns"
            for (column, key) in row.keys.enumerated() {
                guard let target = trial.position[key] else { continue }
                var reading: CellReading
                if let slot = chosen[index].firstIndex(of: column) {
                    reading = CellReading.from(row.values[slot], decimal: row.decimal)
                    reading.confidence = min(reading.confidence, 0.5)
                    reading.why = "\(note); placed in the columns where the table's arithmetic holds best"
                } else if let slot = chosen[index].indices.first(where: { slot in
                    chosen[index][slot] == nil && alternatives[index].contains { $0[slot] == column }
                }) {
                    reading = .missing("\(note); the printed \(row.values[slot].raw) may be this column's or another's: the arithmetic does not say")
                    reading.raw = row.values[slot].raw
                } else {
                    reading = .missing("\(note); none printed for this column")
                }
                reading.rule = ValueAssigner.shortRow
                cells[target] = TableReading.cell(key, reading, labelScore: 1)
            }
        }
    }

    /// Every increasing choice of `count` columns out of `columns`, the first columns first
    /// (at most one more than ``placementLimit``).
    static func placements(of count: Int, in columns: Int) -> [Placement] {
        guard count > 0, count < columns else { return [] }
        var result: [Placement] = []
        func extend(_ built: [Int], from start: Int) {
            if built.count == count {
                result.append(built)
                return
            }
            guard result.count <= placementLimit, start < columns else { return }
            for column in start..<columns where columns - column >= count - built.count {
                extend(built + [column], from: column + 1)
            }
        }
        extend([], from: 0)
        return result
    }
}
