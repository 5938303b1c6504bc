import TablefixModel

/// Reads a table laid out as labelled rows: aligns the region's rows with the template's
/// by label (``RowAligner``), then reads each row's values (``RowValues``).
struct LabelledRows: ReadingStrategy {
    func candidates(for table: TableTemplate, in region: TableRegion, budget: SearchBudget) -> [ReadingCandidate] {
        guard table.layout == .rows else { return [] }
        let rows = region.unstacked
        let groups = Array(Set(table.rows.compactMap(\.group)))
        let matches = RowAligner(matcher: LabelMatcher(noise: groups)).align(rows, to: table.rows)
        let needed = region.strict ? max(2, table.rows.count / 3) : 1
        guard matches.count >= needed else { return [] }
        let arithmetic = Arithmetic(table: table)
        let units = table.rows.enumerated().map { position, row -> ReadingUnit in
            let keys = row.columns.map { "\(row.key).\($0)" }
            guard let match = matches.first(where: { $0.templateRow == position }) else {
                return ReadingUnit(keys: keys, readings: keys.map { _ in .missing(.notFound) })
            }
            var unit = RowValues(keys: keys, decimal: row.decimal ?? false,
                                 units: row.columns.map { table.unit(row: row, column: $0) },
                                 check: arithmetic.check(forKeys: keys), budget: budget).unit(for: rows[match.streamRow].tail)
            for index in unit.readings.indices { unit.readings[index].evidence.labelScore = match.score }
            return unit
        }
        return [ReadingCandidate(strategy: .labels, units: units, rows: matches.flatMap { Array($0.labelRows) })]
    }
}
