import TablefixModel

/// Reads a table laid out as labelled rows: aligns the region's rows with the template's
/// by label (``RowAligner``), then reads each row's values (``RowValues``).
struct LabelledRows: ReadingStrategy {
    func candidates(for table: TableTemplate, in region: TableRegion, budget: SearchBudget) -> [ReadingCandidate] {
        guard table.layout == .rows else { return [] }
        let rows = region.unstacked
        let groups = Array(Set(table.rows.compactMap(\.group)))
        let aligner = RowAligner(matcher: LabelMatcher(noise: groups))
        let matches = table.rowOrder == .any ? aligner.alignAnyOrder(rows, to: table.rows) : aligner.align(rows, to: table.rows)
        let needed = region.strict ? max(2, table.rows.count / 3) : 1
        guard matches.count >= needed else { return [] }
        let arithmetic = Arithmetic(table: table)
        // Every row with values was read: a template row not found was not printed, if the
        // form may leave it out and the region does not print its label.
        let read = Set(matches.flatMap(\.labelRows))
        let complete = !rows.indices.contains { rows[$0].printedValueCount > 0 && !read.contains($0) }
        let labels = rows.map(\.label)
        let unprinted = Self.unprintedColumns(of: table, in: rows)
        let units = table.rows.enumerated().map { position, row -> ReadingUnit in
            let keys = row.columns.map { "\(row.key).\($0)" }
            guard let match = matches.first(where: { $0.templateRow == position }) else {
                let absent = complete && row.optional == true
                    && !PrintedLabels.stand(row: position, of: table, in: labels)
                let placement: CellEvidence.Placement = absent ? .notPrinted : .notFound
                return ReadingUnit(keys: keys, readings: keys.map { _ in .missing(placement) })
            }
            let printed = row.columns.filter { !unprinted.contains($0) }
            var unit = RowValues(keys: printed.map { "\(row.key).\($0)" }, decimal: row.decimal ?? false,
                                 units: printed.map { table.unit(row: row, column: $0) },
                                 check: arithmetic.check(forKeys: keys), budget: budget).unit(for: rows[match.streamRow].tail)
            for index in unit.readings.indices { unit.readings[index].evidence.labelScore = match.score }
            return printed.count == keys.count ? unit : unit.widened(to: keys)
        }
        let valueRows = matches.map(\.streamRow)
        return [ReadingCandidate(strategy: .labels, units: units, rows: matches.flatMap { Array($0.labelRows) },
                                 fromGrid: !valueRows.isEmpty && valueRows.allSatisfy { !rows[$0].isLine })]
    }

    /// The optional columns whose headers stand nowhere in the region: the form has none.
    static func unprintedColumns(of table: TableTemplate, in rows: [StreamRow]) -> Set<String> {
        let headers = rows.map(\.label)
        return Set(table.columns.filter { $0.optional == true && !LabelMatcher.stands($0.labels, in: headers) }.map(\.key))
    }

}
