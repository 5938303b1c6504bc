import GRDB
import TablefixModel
package import TablefixOutput

extension BatchStore {
    /// The statements that read one document's parts, prepared once per export.
    struct PartStatements {
        let tables: Statement
        let cells: Statement
        let checks: Statement
        let edits: Statement
        let reviews: Statement

        init(_ db: Database) throws {
            tables = try db.makeStatement(
                sql: "SELECT table_id, status, confidence, grid FROM tables WHERE document = ? ORDER BY position")
            cells = try db.makeStatement(
                sql: """
                    SELECT table_id, key, position, value, raw, confidence, inferred, why, rule, line FROM cells
                    WHERE document = ? ORDER BY position
                    """)
            checks = try db.makeStatement(
                sql: """
                    SELECT table_id, rule, "column", ok, cell_positions, "left", "right", kind, sentence, line FROM checks
                    WHERE document = ? ORDER BY position
                    """)
            edits = try db.makeStatement(
                sql: "SELECT kind, before, after, line, confidence FROM edits WHERE document = ? ORDER BY position")
            reviews = try db.makeStatement(
                sql: """
                    SELECT hash, table_id, key, action, value, original, provenance, reviewed_at FROM reviews
                    WHERE hash = ? ORDER BY table_id, key
                    """)
        }
    }

    /// The columns of `documents` (with the run's version) that ``repairObject(_:of:statements:reviews:)`` reads.
    static let objectColumns = """
        d.id, d.hash, d.path, d.status, d.format, d.encoding, d.template, d.template_confidence, d.body, d.year,
        d.confidence, d.error, d.text_deflate, r.version
        """

    /// The spec/output.md object of a done document, rebuilt from its rows: byte for byte
    /// what `tablefix repair --format json` printed for it (compact or pretty alike).
    ///
    /// - Parameters:
    ///   - row: The document's row, with ``objectColumns``.
    ///   - reviews: The reviewers' decisions to show: a reviewed cell's `value` is the
    ///     reviewer's, followed by `"provenance": "reviewed"` and `"machine_value"`. Empty
    ///     for the object as the machine made it.
    /// - Complexity: O(cells + checks + edits) of the document.
    func repairObject(_ row: Row, statements: PartStatements, reviews: [String: CellReview] = [:]) throws -> JSONValue {
        let id: Int64 = row["id"]
        let json = RepairJSON()
        let extraction = Extraction(
            template: row["template"], templateConfidence: row["template_confidence"] ?? 0, body: row["body"],
            year: row["year"], confidence: row["confidence"] ?? 0, tables: [])
        let tables = try Self.tables(id, statements: statements)
        let rendered = tables.map { stored -> JSONValue in
            if let grid = stored.grid { return grid }
            var table = json.table(stored.table)
            if !reviews.isEmpty, case .object(var members) = table,
                let index = members.firstIndex(where: { $0.0 == "cells" })
            {
                members[index].1 = .array(stored.table.cells.map { cell in
                    Self.reviewed(json.cell(cell), machine: cell.value, review: reviews[stored.table.id + "|" + cell.key])
                })
                table = .object(members)
            }
            return table
        }
        let edits = try Row.fetchAll(statements.edits, arguments: [id]).map { edit in
            json.edit(Edit(
                kind: Edit.Kind(rawValue: edit["kind"]), before: edit["before"], after: edit["after"], line: edit["line"],
                confidence: edit["confidence"]))
        }
        return json.object(
            source: row["path"], format: row["format"] ?? "text", encoding: row["encoding"], extraction: extraction,
            tables: rendered, text: DeflatedText.inflate(row["text_deflate"]) ?? "", edits: edits, version: row["version"] ?? TablefixVersion.current)
    }

    /// A cell's JSON with a reviewer's decision shown: the reviewed value in `value`, then
    /// `provenance` and the machine's value.
    static func reviewed(_ cell: JSONValue, machine: Double?, review: CellReview?) -> JSONValue {
        guard let review, case .object(var members) = cell else { return cell }
        if let index = members.firstIndex(where: { $0.0 == "value" }) {
            members[index].1 = .number(review.action == .correct ? review.value : machine)
        }
        members.append(("provenance", .string("reviewed")))
        members.append(("machine_value", .number(machine)))
        return .object(members)
    }

    /// One stored table: a canonical one as the model holds it, or a generic grid's JSON
    /// as it was written.
    struct StoredTable {
        var table: ExtractedTable
        var grid: JSONValue?
    }

    /// A document's tables with their cells and checks, in order.
    static func tables(_ id: Int64, statements: PartStatements) throws -> [StoredTable] {
        var byTable: [String: [ExtractedCell]] = [:]
        // Each table's keys by position, for its checks' cells.
        var keys: [String: [Int: String]] = [:]
        for cell in try Row.fetchAll(statements.cells, arguments: [id]) {
            let table: String = cell["table_id"], key: String = cell["key"], position: Int = cell["position"]
            keys[table, default: [:]][position] = key
            byTable[table, default: []].append(ExtractedCell(
                key: key, value: cell["value"], raw: cell["raw"], confidence: cell["confidence"],
                inferred: cell["inferred"], why: cell["why"], rule: ReadingRule(rawValue: cell["rule"]) ?? .missing,
                line: cell["line"]))
        }
        var checksByTable: [String: [Check]] = [:]
        for check in try Row.fetchAll(statements.checks, arguments: [id]) {
            let table: String = check["table_id"], positions: String = check["cell_positions"]
            let cells = positions.split(separator: " ").compactMap { Int($0).flatMap { keys[table]?[$0] } }
            checksByTable[table, default: []].append(Check(
                rule: check["rule"], column: check["column"], ok: check["ok"], cells: cells, left: check["left"],
                right: check["right"], kind: (check["kind"] as String?).flatMap(Check.Kind.init) ?? .arithmetic,
                sentence: check["sentence"], line: check["line"]))
        }
        return try Row.fetchAll(statements.tables, arguments: [id]).map { table in
            let tableID: String = table["table_id"]
            let status = ExtractedTable.Status(rawValue: table["status"]) ?? .absent
            if let gridText = table["grid"] as String? {
                let grid = JSONValue(parsing: gridText)
                return StoredTable(
                    table: ExtractedTable(id: tableID, status: status, confidence: 0, grid: Self.grid(from: grid)),
                    grid: grid)
            }
            return StoredTable(
                table: ExtractedTable(
                    id: tableID, status: status, confidence: table["confidence"] ?? 0, cells: byTable[tableID] ?? [],
                    checks: checksByTable[tableID] ?? []),
                grid: nil)
        }
    }

    /// A generic grid's rows from its stored `{"rows": [[…]], "spans": […]}`.
    static func grid(from json: JSONValue?) -> Grid {
        guard case .object(let members)? = json, case .array(let rows)? = members.first(where: { $0.0 == "rows" })?.1
        else { return Grid(rows: []) }
        return Grid(rows: rows.map { row in
            guard case .array(let cells) = row else { return [] }
            return cells.map { cell in
                if case .string(let text) = cell { return Cell(text, line: 0) }
                return Cell("", line: 0)
            }
        })
    }

    /// The decisions recorded for a document, by `TABLE|KEY`.
    static func reviewsByCell(_ hash: String?, statements: PartStatements) throws -> [String: CellReview] {
        guard let hash else { return [:] }
        var reviews: [String: CellReview] = [:]
        for row in try Row.fetchAll(statements.reviews, arguments: [hash]) {
            if let review = storedReview(row)?.review { reviews[review.table + "|" + review.key] = review }
        }
        return reviews
    }

    /// The object `repair --format json` printed for the done document with content
    /// `hash` (or, without a hash, at `path`), rebuilt from the database.
    ///
    /// - Returns: nil when the database holds no such done document.
    package func repairObject(hash: String) throws(StoreError) -> JSONValue? {
        try perform {
            try pool.read { db in
                let statements = try PartStatements(db)
                guard
                    let row = try Row.fetchOne(
                        db,
                        sql: """
                            SELECT \(Self.objectColumns) FROM documents d LEFT JOIN runs r ON r.id = d.run
                            WHERE d.hash = ? AND d.status = 'done'
                            """,
                        arguments: [hash])
                else { return nil }
                return try repairObject(row, statements: statements)
            }
        }
    }
}
