import TablefixModel

/// Links the figures a report's prose states to the cells they speak of.
///
/// Each statement of the report's year (``Statement/isLinkable``) becomes a `narrative`
/// check of its table. In a table read from the text it holds or fails, and the cells
/// learn it (``CellEvidence/ProseEvidence``): a cell that one sentence confirms is
/// `agrees` whatever others say; a cell only contradicted is `disagrees`. In a table that
/// is an image or absent, a figure stated for one cell becomes that cell's `inferred`
/// value, never its `value`; the table's status and confidence stay.
struct NarrativeLinker: Sendable {
    /// The statements of the document, in reading order (unlinkable ones are skipped).
    var statements: [Statement]
    var policy: ConfidencePolicy

    /// Two figures this close are the same (amounts are printed to two decimals).
    static let tolerance = 0.005

    /// `table` with the narrative checks of the statements about it, and its cells'
    /// evidence (or, when the table is not in the text, its inferred cells).
    func linking(_ table: ExtractedTable) -> ExtractedTable {
        guard table.grid == nil else { return table }
        let linked = distinct(statements.filter { $0.isLinkable && $0.target?.table == table.id })
        guard !linked.isEmpty else { return table }
        return table.status == .present ? checking(table, against: linked) : inferring(table, from: linked)
    }

    /// The statements with one of each figure, value and target kept: the first.
    func distinct(_ statements: [Statement]) -> [Statement] {
        var seen: [([String], Double)] = []
        return statements.filter { statement in
            guard let keys = statement.target?.keys else { return false }
            if seen.contains(where: { $0.0 == keys && abs($0.1 - statement.value) < Self.tolerance }) { return false }
            seen.append((keys, statement.value))
            return true
        }
    }

    /// A present table: a check per statement, and the prose's word in each cell's evidence.
    func checking(_ table: ExtractedTable, against statements: [Statement]) -> ExtractedTable {
        var table = table
        var agreed = Set<String>()
        var disagreed: [String: (stated: Double, sentence: String)] = [:]
        for statement in statements {
            guard let keys = statement.target?.keys else { continue }
            let cells = keys.compactMap { key in table.cells.first { $0.key == key } }
            guard cells.count == keys.count else { continue }
            let values = cells.compactMap(\.value)
            let sum = values.count == cells.count ? values.reduce(0, +) : nil
            let ok = sum.map { abs($0 - statement.value) < Self.tolerance }
            table.checks.append(check(statement, keys: keys, ok: ok, sum: sum))
            if ok == true {
                agreed.formUnion(keys)
            } else if ok == false {
                for key in keys where disagreed[key] == nil { disagreed[key] = (statement.value, statement.sentence) }
            }
        }
        table.cells = table.cells.map { cell in
            guard var evidence = cell.evidence else { return cell }
            if agreed.contains(cell.key) {
                evidence.prose = .agrees
            } else if let (stated, sentence) = disagreed[cell.key] {
                evidence.prose = .disagrees(stated: stated, sentence: sentence)
            } else {
                return cell
            }
            return cell.with(evidence, policy: policy)
        }
        table.confidence = table.cells.map(\.confidence).min() ?? table.confidence
        return table
    }

    /// A table that is an image or absent: a check per statement (nothing to hold against),
    /// and the figures stated for one cell each as inferred cells, unless sentences differ.
    func inferring(_ table: ExtractedTable, from statements: [Statement]) -> ExtractedTable {
        var table = table
        var stated: [String: [Statement]] = [:]
        var order: [String] = []
        for statement in statements {
            guard let keys = statement.target?.keys else { continue }
            table.checks.append(check(statement, keys: keys, ok: nil, sum: nil))
            guard keys.count == 1, let key = keys.first else { continue }
            if stated[key] == nil { order.append(key) }
            stated[key, default: []].append(statement)
        }
        for key in order {
            guard let said = stated[key], let first = said.first, said.count == 1 else { continue }
            var evidence = CellEvidence(source: .absent, placement: .notFound)
            evidence.prose = .states(value: first.value, sentence: first.sentence)
            table.cells.append(ExtractedCell(key: key, value: nil, raw: "", line: first.line, evidence: evidence,
                                             policy: policy))
        }
        return table
    }

    /// The narrative check of `statement` on `keys`: `new.total = 31`.
    func check(_ statement: Statement, keys: [String], ok: Bool?, sum: Double?) -> Check {
        Check(rule: "\(keys.joined(separator: " + ")) = \(statement.value.printed)", column: nil, ok: ok, cells: keys,
              left: ok == false ? sum : nil, right: ok == false ? statement.value : nil, kind: .narrative,
              sentence: statement.sentence, line: statement.line)
    }
}
