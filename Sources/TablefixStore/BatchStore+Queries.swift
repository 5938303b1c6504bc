import GRDB

extension BatchStore {
    /// A row of the `documents` table, for callers that inspect a database.
    package struct StoredDocument: Sendable, Hashable {
        package var hash: String?
        package var path: String
        package var status: String
        package var format: String?
        package var encoding: String?
        package var template: String?
        package var body: String?
        package var year: Int?
        package var confidence: Double?
        package var error: String?
        /// The cleaned text of a done document.
        package var text: String?
    }

    /// A row of the `cells` table with its document's path and hash.
    package struct StoredCell: Sendable, Hashable {
        package var path: String
        package var hash: String?
        package var table: String
        package var key: String
        package var value: Double?
        package var raw: String
        package var confidence: Double
        package var inferred: Double?
        package var why: String?
        package var rule: String
        package var line: Int

        package init(path: String, hash: String?, table: String, key: String, value: Double?, raw: String,
                     confidence: Double, inferred: Double?, why: String?, rule: String, line: Int) {
            self.path = path
            self.hash = hash
            self.table = table
            self.key = key
            self.value = value
            self.raw = raw
            self.confidence = confidence
            self.inferred = inferred
            self.why = why
            self.rule = rule
            self.line = line
        }
    }

    /// A row of the `attempts` table: one file processed by one run.
    package struct Attempt: Sendable, Hashable {
        package var run: Int64?
        package var hash: String?
        package var path: String
        package var status: String
    }

    /// Every document, ordered by path.
    package func documents() throws(StoreError) -> [StoredDocument] {
        try perform {
            try pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT hash, path, status, format, encoding, template, body, year, confidence, error, text_deflate
                        FROM documents ORDER BY path, hash
                        """
                ).map { row in
                    StoredDocument(
                        hash: row["hash"], path: row["path"], status: row["status"], format: row["format"],
                        encoding: row["encoding"], template: row["template"], body: row["body"], year: row["year"],
                        confidence: row["confidence"], error: row["error"], text: DeflatedText.inflate(row["text_deflate"]))
                }
            }
        }
    }

    /// Every cell, ordered by path, table and position.
    package func cells() throws(StoreError) -> [StoredCell] {
        try perform {
            try pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT d.path, d.hash, c.table_id, c.key, c.value, c.raw, c.confidence, c.inferred, c.why, c.rule,
                               c.line
                        FROM cells c JOIN documents d ON d.id = c.document
                        JOIN tables t ON t.document = c.document AND t.table_id = c.table_id
                        ORDER BY d.path, t.position, c.position
                        """
                ).map { row in
                    StoredCell(
                        path: row["path"], hash: row["hash"], table: row["table_id"], key: row["key"], value: row["value"],
                        raw: row["raw"], confidence: row["confidence"], inferred: row["inferred"], why: row["why"],
                        rule: row["rule"], line: row["line"])
                }
            }
        }
    }

    /// Every path the database knows, a document's own or a link, with its content hash
    /// (nil for a file that could not be read).
    package func paths() throws(StoreError) -> [String: String?] {
        try perform {
            try pool.read { db in
                var paths: [String: String?] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT path, hash FROM documents UNION ALL SELECT path, hash FROM links") {
                    paths[row["path"]] = .some(row["hash"])
                }
                return paths
            }
        }
    }

    /// The number of rows for each path: 1 everywhere when no path is both a document and
    /// a link, or two documents.
    package func pathCounts() throws(StoreError) -> [String: Int] {
        try perform {
            try pool.read { db in
                var counts: [String: Int] = [:]
                for row in try Row.fetchAll(
                    db, sql: "SELECT path, count(*) FROM (SELECT path FROM documents UNION ALL SELECT path FROM links) GROUP BY path")
                {
                    counts[row[0]] = row[1]
                }
                return counts
            }
        }
    }

    /// Every attempt, oldest first.
    package func attempts() throws(StoreError) -> [Attempt] {
        try perform {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT run, hash, path, status FROM attempts ORDER BY id").map { row in
                    Attempt(run: row["run"], hash: row["hash"], path: row["path"], status: row["status"])
                }
            }
        }
    }

    /// The number of documents, or of those with one status.
    package func documentCount(status: String? = nil) throws(StoreError) -> Int {
        try perform {
            try pool.read { db in
                if let status {
                    return try Int.fetchOne(db, sql: "SELECT count(*) FROM documents WHERE status = ?", arguments: [status]) ?? 0
                }
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0
            }
        }
    }
}

extension BatchStore {
    /// Forgets the schema version, as if another program had written the tables (tests).
    package func dropMigrationsForTesting() throws(StoreError) {
        try perform { try pool.write { db in try db.execute(sql: "DROP TABLE grdb_migrations") } }
    }

    /// Records a migration this tablefix does not know, as a newer one would (tests).
    package func recordMigrationForTesting(_ identifier: String) throws(StoreError) {
        try perform {
            try pool.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [identifier])
            }
        }
    }
}
