import GRDB

extension BatchStore {
    /// What an export writes.
    package enum ExportKind: Sendable {
        /// One spec/output.md object per done document and line, as `repair --format json`
        /// prints it (compact).
        case jsonl
        /// One CSV row per done document, one column per cell (`TABLE.ROW.COL`, the value).
        case wideCSV
        /// One CSV row per cell: the document, the cell's key, value, raw text, confidence,
        /// inferred value, why, rule and line.
        case longCSV
        /// One CSV row per pair of the `continuity` table.
        case continuityCSV
        /// One CSV row per failed file: its path and the error.
        case failuresCSV
    }

    /// The fixed columns of the wide CSV, before one column per cell key.
    package static let wideColumns = ["path", "hash", "format", "encoding", "template", "body", "year", "confidence"]

    /// The columns of the long CSV.
    package static let longColumns = [
        "path", "hash", "table", "key", "value", "raw", "confidence", "inferred", "why", "rule", "line",
    ]

    /// Streams an export to `write`, one line at a time, documents ordered by path.
    ///
    /// - Parameters:
    ///   - kind: What to write.
    ///   - write: Receives each line, with its line ending. An error it throws ends the
    ///     export and is rethrown (a ``StoreError`` as it is).
    /// - Complexity: O(documents + cells); memory holds one document's cells at a time.
    package func export(_ kind: ExportKind, to write: (String) throws -> Void) throws(StoreError) {
        try perform {
            try pool.read { db in
                switch kind {
                case .jsonl: try exportJSONL(db, write)
                case .wideCSV: try exportWide(db, write)
                case .longCSV: try exportLong(db, write)
                case .continuityCSV: try exportContinuity(db, write)
                case .failuresCSV: try exportFailures(db, write)
                }
            }
        }
    }

    private func exportJSONL(_ db: Database, _ write: (String) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT json FROM documents WHERE status = 'done' ORDER BY path")
        while let row = try rows.next() {
            let json: String = row[0]
            try write(json + "\n")
        }
    }

    /// The cell columns of the wide CSV: every `(table, key)` any document has, in the
    /// templates' order.
    func cellColumns(_ db: Database) throws -> [(table: String, key: String)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT c.table_id, c.key FROM cells c
                JOIN tables t ON t.document = c.document AND t.table_id = c.table_id
                GROUP BY c.table_id, c.key
                ORDER BY min(t.position), min(c.position), c.table_id, c.key
                """
        ).map { row in (row[0], row[1]) }
    }

    private func exportWide(_ db: Database, _ write: (String) throws -> Void) throws {
        let columns = try cellColumns(db)
        var index: [String: Int] = [:]
        for (offset, column) in columns.enumerated() { index[column.table + "." + column.key] = offset }
        try write(CSVRow(Self.wideColumns + columns.map { $0.table + "." + $0.key }).line)
        let documents = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, path, hash, format, encoding, template, body, year, confidence
                FROM documents WHERE status = 'done' ORDER BY path
                """)
        let cells = try db.makeStatement(sql: "SELECT table_id, key, value FROM cells WHERE document = ?")
        while let document = try documents.next() {
            var values = [String?](repeating: nil, count: columns.count)
            let id: Int64 = document["id"]
            let rows = try Row.fetchCursor(cells, arguments: [id])
            while let cell = try rows.next() {
                let table: String = cell[0], key: String = cell[1]
                if let offset = index[table + "." + key] { values[offset] = Self.number(cell[2]) }
            }
            let year: Int? = document["year"]
            let fixed: [String?] = [
                document["path"], document["hash"], document["format"], document["encoding"], document["template"],
                document["body"], year.map(String.init), Self.number(document["confidence"]),
            ]
            try write(CSVRow(fixed + values).line)
        }
    }

    private func exportLong(_ db: Database, _ write: (String) throws -> Void) throws {
        try write(CSVRow(Self.longColumns).line)
        let documents = try Row.fetchCursor(
            db, sql: "SELECT id, path, hash FROM documents WHERE status = 'done' ORDER BY path")
        let cells = try db.makeStatement(
            sql: """
                SELECT c.table_id, c.key, c.value, c.raw, c.confidence, c.inferred, c.why, c.rule, c.line
                FROM cells c JOIN tables t ON t.document = c.document AND t.table_id = c.table_id
                WHERE c.document = ? ORDER BY t.position, c.position
                """)
        while let document = try documents.next() {
            let id: Int64 = document["id"]
            let path: String = document["path"], hash: String? = document["hash"]
            let rows = try Row.fetchCursor(cells, arguments: [id])
            while let cell = try rows.next() {
                let line: Int = cell["line"]
                try write(CSVRow([
                    path, hash, cell["table_id"], cell["key"], Self.number(cell["value"]), cell["raw"],
                    Self.number(cell["confidence"]), Self.number(cell["inferred"]), cell["why"], cell["rule"],
                    String(line),
                ]).line)
            }
        }
    }

    private func exportContinuity(_ db: Database, _ write: (String) throws -> Void) throws {
        try write(CSVRow(["body", "year", "column", "earlier", "later", "carried_out", "carried_in", "ok"]).line)
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.body, c.year, c."column", e.path AS earlier, l.path AS later, c.carried_out, c.carried_in, c.ok
                FROM continuity c JOIN documents e ON e.id = c.earlier JOIN documents l ON l.id = c.later
                ORDER BY c.body, c.year, e.path, l.path, c.rowid
                """)
        while let row = try rows.next() {
            let year: Int = row["year"], ok: Bool? = row["ok"]
            try write(CSVRow([
                row["body"], String(year), row["column"], row["earlier"], row["later"], Self.number(row["carried_out"]),
                Self.number(row["carried_in"]), ok.map { $0 ? "true" : "false" },
            ]).line)
        }
    }

    private func exportFailures(_ db: Database, _ write: (String) throws -> Void) throws {
        try write(CSVRow(["path", "hash", "format", "code", "error"]).line)
        let rows = try Row.fetchCursor(
            db, sql: "SELECT path, hash, format, error_code, error FROM documents WHERE status = 'failed' ORDER BY path")
        while let row = try rows.next() {
            try write(CSVRow([row["path"], row["hash"], row["format"], row["error_code"], row["error"]]).line)
        }
    }

    /// A number as the JSON output writes it (integers without a fraction), or nil.
    static func number(_ value: Double?) -> String? {
        value.map(JSONValue.format)
    }
}
