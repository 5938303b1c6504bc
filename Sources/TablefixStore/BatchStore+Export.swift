import GRDB
import TablefixModel
import TablefixOutput

extension BatchStore {
    /// What an export writes.
    package enum ExportKind: String, Sendable, CaseIterable {
        /// One spec/output.md object per done document and line, as `repair --format json`
        /// prints it (compact), then a line for each path linked to it.
        case jsonl
        /// One CSV row per document (and per path linked to one), one column per cell
        /// (`TABLE.ROW.COL`, the value).
        case wideCSV
        /// The wide table with tabs between fields (tabs, line breaks and backslashes in a
        /// field written `\t`, `\n`, `\r`, `\\`).
        case wideTSV
        /// One CSV row per cell: the document, the cell's key, value, provenance, the
        /// machine's value, raw text, confidence, inferred value, why, rule and line.
        case longCSV
        /// One CSV row per pair of the `continuity` table.
        case continuityCSV
        /// One CSV row per failed file: its path and the error.
        case failuresCSV
    }

    /// Which documents an export takes, and which values.
    package struct ExportOptions: Sendable, Equatable {
        /// The machine's values only, as the batch wrote them; by default a reviewed cell
        /// has the reviewer's value (`provenance` `reviewed`, the machine's beside it).
        package var machineValues = false
        /// Only documents that follow this template.
        package var template: String?
        /// Only documents whose confidence is at least this.
        package var minimumConfidence: Double?
        /// Only rows of this status: `done` (documents), `linked` (paths holding the same
        /// bytes as a document) or `failed`; nil for documents and linked paths.
        package var status: String?

        package init(machineValues: Bool = false, template: String? = nil, minimumConfidence: Double? = nil,
                     status: String? = nil) {
            self.machineValues = machineValues
            self.template = template
            self.minimumConfidence = minimumConfidence
            self.status = status
        }

        /// The `WHERE` clause on `documents d` (besides the status) and its arguments.
        var filter: (sql: String, arguments: StatementArguments) {
            var sql = "", arguments = StatementArguments()
            if let template {
                sql += " AND d.template = ?"
                arguments += [template]
            }
            if let minimumConfidence {
                sql += " AND d.confidence >= ?"
                arguments += [minimumConfidence]
            }
            return (sql, arguments)
        }

        var documents: Bool { status == nil || status == "done" }
        var links: Bool { status == nil || status == "linked" }
    }

    /// The fixed columns of the wide CSV, before one column per cell key.
    package static let wideColumns = [
        "path", "hash", "linked_to", "format", "encoding", "template", "body", "year", "confidence", "provenance",
        "machine_values",
    ]

    /// The columns of the long CSV.
    package static let longColumns = [
        "path", "hash", "table", "key", "value", "provenance", "machine_value", "raw", "confidence", "inferred", "why",
        "rule", "line",
    ]

    /// The columns of the failures CSV.
    package static let failureColumns = ["path", "hash", "format", "code", "error"]

    /// Streams an export to `write`, one line at a time, documents ordered by path.
    ///
    /// - Parameters:
    ///   - kind: What to write.
    ///   - options: Which documents and values.
    ///   - write: Receives each line, with its line ending. An error it throws ends the
    ///     export and is rethrown (a ``StoreError`` as it is).
    /// - Complexity: O(documents + cells); memory holds one document's cells at a time.
    package func export(_ kind: ExportKind, options: ExportOptions = ExportOptions(), to write: (String) throws -> Void)
        throws(StoreError)
    {
        try perform {
            try pool.read { db in
                if options.status == "failed", kind != .continuityCSV {
                    return try exportFailures(db, options: options, jsonl: kind == .jsonl, write)
                }
                switch kind {
                case .jsonl: try exportJSONL(db, options: options, write)
                case .wideCSV: try exportWide(db, options: options, tabs: false, write)
                case .wideTSV: try exportWide(db, options: options, tabs: true, write)
                case .longCSV: try exportLong(db, options: options, write)
                case .continuityCSV: try exportContinuity(db, write)
                case .failuresCSV: try exportFailures(db, options: options, jsonl: false, write)
                }
            }
        }
    }

    /// The done documents an export takes, ordered by path, with ``objectColumns``.
    private func documentCursor(_ db: Database, options: ExportOptions) throws -> RowCursor {
        let filter = options.filter
        return try Row.fetchCursor(
            db,
            sql: """
                SELECT \(Self.objectColumns) FROM documents d LEFT JOIN runs r ON r.id = d.run
                WHERE d.status = 'done'\(filter.sql) ORDER BY d.path
                """,
            arguments: filter.arguments)
    }

    private func exportJSONL(_ db: Database, options: ExportOptions, _ write: (String) throws -> Void) throws {
        let documents = try documentCursor(db, options: options)
        let statements = try PartStatements(db)
        let links = try db.makeStatement(sql: "SELECT path FROM links WHERE hash = ? ORDER BY path")
        while let row = try documents.next() {
            let hash: String? = row["hash"], path: String = row["path"]
            if options.documents {
                let reviews = options.machineValues ? [:] : try Self.reviewsByCell(hash, statements: statements)
                try write(try repairObject(row, statements: statements, reviews: reviews).rendered(pretty: false) + "\n")
            }
            guard options.links, let hash else { continue }
            for linked in try String.fetchAll(links, arguments: [hash]) {
                let line = JSONValue.object([
                    ("source", .string(linked)), ("status", .string("linked")), ("hash", .string(hash)),
                    ("linked_to", .string(path)),
                ])
                try write(line.rendered(pretty: false) + "\n")
            }
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

    private func exportWide(_ db: Database, options: ExportOptions, tabs: Bool, _ write: (String) throws -> Void)
        throws
    {
        func line(_ fields: [String?]) -> String {
            tabs ? CSVRow(fields).tabSeparatedLine : CSVRow(fields).line
        }
        let columns = try cellColumns(db)
        var index: [String: Int] = [:]
        for (offset, column) in columns.enumerated() { index[column.table + "." + column.key] = offset }
        try write(line(Self.wideColumns + columns.map { $0.table + "." + $0.key }))
        let documents = try documentCursor(db, options: options)
        let statements = try PartStatements(db)
        let cells = try db.makeStatement(sql: "SELECT table_id, key, value FROM cells WHERE document = ?")
        let links = try db.makeStatement(sql: "SELECT path FROM links WHERE hash = ? ORDER BY path")
        while let document = try documents.next() {
            var values = [String?](repeating: nil, count: columns.count)
            var originals: [String] = []
            let id: Int64 = document["id"], hash: String? = document["hash"], path: String = document["path"]
            let reviews = options.machineValues ? [:] : try Self.reviewsByCell(hash, statements: statements)
            let rows = try Row.fetchCursor(cells, arguments: [id])
            while let cell = try rows.next() {
                let table: String = cell[0], key: String = cell[1], machine: Double? = cell[2]
                guard let offset = index[table + "." + key] else { continue }
                if let review = reviews[table + "|" + key] {
                    values[offset] = Self.number(review.action == .correct ? review.value : machine)
                    originals.append("\(table).\(key)=\(Self.number(machine) ?? "")")
                } else {
                    values[offset] = Self.number(machine)
                }
            }
            let year: Int? = document["year"]
            func fixed(path: String, linkedTo: String?) -> [String?] {
                [
                    path, hash, linkedTo, document["format"], document["encoding"], document["template"],
                    document["body"], year.map(String.init), Self.number(document["confidence"]),
                    originals.isEmpty ? "machine" : "reviewed", originals.isEmpty ? nil : originals.joined(separator: "; "),
                ]
            }
            if options.documents { try write(line(fixed(path: path, linkedTo: nil) + values)) }
            guard options.links, let hash else { continue }
            for linked in try String.fetchAll(links, arguments: [hash]) {
                try write(line(fixed(path: linked, linkedTo: path) + values))
            }
        }
    }

    private func exportLong(_ db: Database, options: ExportOptions, _ write: (String) throws -> Void) throws {
        try write(CSVRow(Self.longColumns).line)
        guard options.documents else { return }
        let documents = try documentCursor(db, options: options)
        let statements = try PartStatements(db)
        let cells = try db.makeStatement(
            sql: """
                SELECT c.table_id, c.key, c.value, c.raw, c.confidence, c.inferred, c.why, c.rule, c.line
                FROM cells c JOIN tables t ON t.document = c.document AND t.table_id = c.table_id
                WHERE c.document = ? ORDER BY t.position, c.position
                """)
        while let document = try documents.next() {
            let id: Int64 = document["id"]
            let path: String = document["path"], hash: String? = document["hash"]
            let reviews = options.machineValues ? [:] : try Self.reviewsByCell(hash, statements: statements)
            let rows = try Row.fetchCursor(cells, arguments: [id])
            while let cell = try rows.next() {
                let line: Int = cell["line"], table: String = cell["table_id"], key: String = cell["key"]
                let machine: Double? = cell["value"]
                let review = reviews[table + "|" + key]
                let value = review.map { $0.action == .correct ? $0.value : machine } ?? machine
                try write(CSVRow([
                    path, hash, table, key, Self.number(value), review == nil ? "machine" : "reviewed",
                    Self.number(machine), cell["raw"], Self.number(cell["confidence"]), Self.number(cell["inferred"]),
                    cell["why"], cell["rule"], String(line),
                ]).line)
            }
        }
    }

    private func exportContinuity(_ db: Database, _ write: (String) throws -> Void) throws {
        try write(CSVRow(["body", "year", "table", "column", "earlier", "later", "carried_out", "carried_in", "ok"]).line)
        let rows = try Row.fetchCursor(
            db,
            sql: Self.continuitySQL)
        while let row = try rows.next() {
            let year: Int = row["year"], ok: Bool? = row["ok"]
            try write(CSVRow([
                row["body"], String(year), row["table_id"], row["column"], row["earlier"], row["later"],
                Self.number(row["carried_out"]), Self.number(row["carried_in"]), ok.map { $0 ? "true" : "false" },
            ]).line)
        }
    }

    private func exportFailures(_ db: Database, options: ExportOptions, jsonl: Bool, _ write: (String) throws -> Void)
        throws
    {
        if !jsonl { try write(CSVRow(Self.failureColumns).line) }
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT path, hash, format, error_code, error FROM documents WHERE status = 'failed'
                UNION ALL
                SELECT l.path, l.hash, d.format, d.error_code,
                       CASE WHEN substr(d.error, 1, length(d.path) + 2) = d.path || ': '
                            THEN l.path || substr(d.error, length(d.path) + 1) ELSE d.error END
                FROM links l JOIN documents d ON d.hash = l.hash
                WHERE d.status = 'failed'
                ORDER BY path
                """)
        while let row = try rows.next() {
            if jsonl {
                let object = JSONValue.object([
                    ("source", .string(row["path"] as String)), ("status", .string("failed")),
                    ("hash", .string(row["hash"] as String?)), ("format", .string(row["format"] as String?)),
                    ("code", .string(row["error_code"] as String?)), ("error", .string(row["error"] as String?)),
                ])
                try write(object.rendered(pretty: false) + "\n")
            } else {
                try write(CSVRow([row["path"], row["hash"], row["format"], row["error_code"], row["error"]]).line)
            }
        }
    }

    /// A number as the JSON output writes it (integers without a fraction), or nil.
    static func number(_ value: Double?) -> String? {
        value.map(JSONValue.format)
    }
}
