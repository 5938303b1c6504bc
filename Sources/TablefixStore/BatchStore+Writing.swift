import GRDB
import TablefixOutput
import TablefixModel

extension BatchStore {
    /// How a path that needed no processing is counted in its run.
    package enum LinkKind: String, Sendable {
        /// Its content was already in the database before the run.
        case skipped
        /// Its content is the same as another path's in the same run.
        case linked
        /// Its content is a failed document's.
        case failed
    }

    /// Writes one processed file, the paths found to hold the same bytes, and the attempt,
    /// all in one transaction: after a crash the database holds the whole document or none
    /// of it.
    ///
    /// A document with the same hash (or, for a file that could not be read at all, the
    /// same path) is replaced, so that `--force` redoes a document in place.
    ///
    /// - Parameters:
    ///   - record: The file and its outcome.
    ///   - duplicates: Other paths with the same bytes, seen while it was processed.
    ///   - run: The run writing it (``beginRun(command:shard:)``).
    ///   - attempt: The attempt ``startAttempt(path:hash:run:)`` recorded, now finished;
    ///     nil records a new one.
    /// - Complexity: O(cells + checks + edits) statements.
    package func write(_ record: DocumentRecord, duplicates: [String] = [], run: Int64, attempt: Int64? = nil)
        throws(StoreError)
    {
        // Texts added by a transaction that rolled back are gone again.
        do throws(StoreError) { try writeDocument(record, duplicates: duplicates, run: run, attempt: attempt) } catch {
            strings.forgetAll()
            throw error
        }
    }

    private func writeDocument(_ record: DocumentRecord, duplicates: [String], run: Int64, attempt: Int64?)
        throws(StoreError)
    {
        try perform {
            try pool.write { db in
                let id = try insertDocument(record, run: run, db: db)
                if case .done(let document, let extraction, _) = record.outcome {
                    try insertParts(document: document, extraction: extraction, id: id, db: db)
                }
                if let hash = record.hash {
                    for path in duplicates where path != record.path {
                        try db.cachedStatement(sql: "INSERT OR REPLACE INTO links (path, hash, run) VALUES (?, ?, ?)")
                            .execute(arguments: [path, hash, run])
                    }
                }
                try db.cachedStatement(sql: "DELETE FROM links WHERE path = ?").execute(arguments: [record.path])
                let milliseconds = (record.readSeconds + record.repairSeconds) * 1000
                if let attempt {
                    try db.cachedStatement(sql: "UPDATE attempts SET status = ?, ms = ?, at = ? WHERE id = ?")
                        .execute(arguments: [record.status, milliseconds, Self.now(), attempt])
                } else {
                    try db.cachedStatement(sql: "INSERT INTO attempts (run, hash, path, status, ms, at) VALUES (?, ?, ?, ?, ?, ?)")
                        .execute(arguments: [run, record.hash, record.path, record.status, milliseconds, Self.now()])
                }
                // The duplicates count as linked, or as failed with a failed document.
                let others = duplicates.filter { $0 != record.path }.count
                let sql = record.status == "done"
                    ? "UPDATE runs SET done = done + 1, linked = linked + ? WHERE id = ?"
                    : "UPDATE runs SET failed = failed + 1 + ? WHERE id = ?"
                try db.cachedStatement(sql: sql).execute(arguments: [others, run])
            }
        }
    }

    /// Records, in its own transaction, that a run starts processing a file, and returns
    /// the attempt's id. An attempt still `started` after its run ended was interrupted.
    package func startAttempt(path: String, hash: String?, run: Int64) throws(StoreError) -> Int64 {
        try perform {
            try pool.write { db in try insertAttempt(path: path, hash: hash, run: run, db: db) }
        }
    }

    /// Inserts a `started` attempt and returns its id.
    func insertAttempt(path: String, hash: String?, run: Int64, db: Database) throws -> Int64 {
        try db.cachedStatement(
            sql: "INSERT INTO attempts (run, hash, path, status, ms, at) VALUES (?, ?, ?, 'started', 0, ?)"
        ).execute(arguments: [run, hash, path, Self.now()])
        return db.lastInsertedRowID
    }

    /// Records that `path` holds the same bytes as the document with `hash`, already in
    /// the database, and counts it in the run.
    package func link(path: String, to hash: String, as kind: LinkKind, run: Int64) throws(StoreError) {
        try perform {
            try pool.write { db in
                try releaseStalePath(path, keeping: hash, db: db)
                let primary = try String.fetchOne(
                    db.cachedStatement(sql: "SELECT path FROM documents WHERE hash = ?"), arguments: [hash])
                if primary != path {
                    // A link made by an earlier run stays as it was.
                    try db.execute(
                        sql: """
                            INSERT INTO links (path, hash, run) VALUES (?, ?, ?)
                            ON CONFLICT (path) DO UPDATE SET hash = excluded.hash, run = excluded.run
                            WHERE links.hash <> excluded.hash
                            """,
                        arguments: [path, hash, run])
                }
                try db.execute(
                    sql: "UPDATE runs SET \(kind.rawValue) = \(kind.rawValue) + 1 WHERE id = ?", arguments: [run])
            }
        }
    }

    private func insertDocument(_ record: DocumentRecord, run: Int64, db: Database) throws -> Int64 {
        if let hash = record.hash {
            try db.cachedStatement(sql: "DELETE FROM documents WHERE hash = ?").execute(arguments: [hash])
        } else {
            try db.cachedStatement(sql: "DELETE FROM documents WHERE hash IS NULL AND path = ?")
                .execute(arguments: [record.path])
        }
        try releaseStalePath(record.path, keeping: record.hash, db: db)
        var encoding: String?, template: String?, templateConfidence: Double?, body: String?, year: Int?
        var confidence: Double?, error: String?, code: String?, text: String?
        var format = record.format
        switch record.outcome {
        case .done(let document, let extraction, _):
            format = document.source.format.rawValue
            encoding = document.source.encoding
            template = extraction.template
            templateConfidence = RepairJSON.rounded(extraction.templateConfidence)
            body = extraction.body
            year = extraction.year
            confidence = RepairJSON.rounded(extraction.confidence)
            text = document.text
        case .failed(let description, let errorCode):
            error = description
            code = errorCode
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO documents (hash, path, status, format, encoding, template, template_confidence, body, year,
                    confidence, error, error_code, bytes, read_ms, repair_ms, run, processed_at, text_deflate)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [record.hash, record.path, record.status, format, encoding, template, templateConfidence, body,
                        year, confidence, error, code, record.bytes, record.readSeconds * 1000,
                        record.repairSeconds * 1000, run, Self.now(), try text.map(DeflatedText.deflate)])
        return db.lastInsertedRowID
    }

    private func insertParts(document: Document, extraction: Extraction, id: Int64, db: Database) throws {
        let json = RepairJSON()
        let tableStatement = try db.cachedStatement(
            sql: "INSERT INTO tables (document, position, table_id, status, confidence, grid) VALUES (?, ?, ?, ?, ?, ?)")
        let cellInsert = try RowInsert(
            db,
            sql: """
                INSERT INTO cell_rows (document, table_id, key, position, value, raw, confidence, inferred, why, rule, line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let checkInsert = try RowInsert(
            db,
            sql: """
                INSERT INTO check_rows (document, table_id, position, rule, "column", ok, cell_positions, "left", "right",
                    kind, sentence, line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (position, table) in extraction.tables.enumerated() {
            let grid = table.grid == nil ? nil : json.table(table).rendered(pretty: false)
            try tableStatement.execute(arguments: [
                id, position, table.id, table.status.rawValue,
                table.grid == nil ? RepairJSON.rounded(table.confidence) : nil, grid,
            ])
            let tableID = try strings.id(table.id, db: db)
            var positions: [String: Int] = [:]
            // In key order, so that each document's rows fill the table's pages in order.
            var rows: [(key: Int64, position: Int, cell: ExtractedCell)] = []
            for (index, cell) in table.cells.enumerated() {
                if positions[cell.key] == nil { positions[cell.key] = index }
                rows.append((try strings.id(cell.key, db: db), index, cell))
            }
            for row in rows.sorted(by: { $0.key < $1.key }) {
                let cell = row.cell
                try cellInsert.insert(
                    id, tableID, row.key, row.position, cell.value, cell.raw, Self.thousandths(cell.confidence),
                    cell.inferred, try cell.why.map { try strings.id($0, db: db) },
                    try strings.id(cell.rule.rawValue, db: db), cell.line)
            }
            for (index, check) in table.checks.enumerated() {
                let failed = check.ok == false
                let cells = check.cells.compactMap { positions[$0].map(String.init) }.joined(separator: " ")
                try checkInsert.insert(
                    id, tableID, index, try strings.id(check.rule, db: db),
                    try check.column.map { try strings.id($0, db: db) }, check.ok, cells,
                    failed ? check.left : nil, failed ? check.right : nil,
                    check.kind == .arithmetic ? nil : check.kind.rawValue, check.sentence, check.line)
            }
        }
        let editInsert = try RowInsert(
            db, sql: "INSERT INTO edits (document, position, kind, before, after, line, confidence) VALUES (?, ?, ?, ?, ?, ?, ?)")
        for (index, edit) in document.edits.enumerated() {
            try editInsert.insert(
                id, index, edit.kind.rawValue, edit.before, edit.after, edit.line, RepairJSON.rounded(edit.confidence))
        }
    }

    /// A confidence as `cell_rows` keeps it: in thousandths, the three decimals the output
    /// prints (the view `cells` divides by 1000, giving back the very same number).
    static func thousandths(_ confidence: Double) -> Int {
        Int((RepairJSON.rounded(confidence) * 1000).rounded())
    }

    /// A file whose content changed since an earlier run: the document of its old content
    /// no longer stands under its path. It moves to another path that still holds those
    /// bytes (a link), or goes when none does.
    private func releaseStalePath(_ path: String, keeping hash: String?, db: Database) throws {
        let stale = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT id, hash FROM documents WHERE path = ? AND hash IS NOT ?"), arguments: [path, hash])
        for row in stale {
            let id: Int64 = row["id"], oldHash: String? = row["hash"]
            if let oldHash,
                let heir = try String.fetchOne(
                    db, sql: "SELECT path FROM links WHERE hash = ? ORDER BY path LIMIT 1", arguments: [oldHash])
            {
                try db.execute(sql: "UPDATE documents SET path = ? WHERE id = ?", arguments: [heir, id])
                try db.execute(sql: "DELETE FROM links WHERE path = ?", arguments: [heir])
            } else {
                try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id])
            }
        }
    }
}
