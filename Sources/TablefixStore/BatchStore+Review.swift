import Foundation
import TablefixOutput
import GRDB
import TablefixModel

extension BatchStore {
    /// The tables a review adds (migration `v2`): `reviews`, one
    /// row per reviewed cell, keyed by the document's content hash so that a review
    /// survives a batch that redoes the document; and `reviewed_cells`, every cell with
    /// the value to use (`provenance` `reviewed` or `machine`) beside the machine's.
    ///
    /// The `cells` table is never written: the machine's value stays where the batch put
    /// it, and `reviews.original` keeps the value the reviewer saw.
    static let reviewSchema = """
        CREATE TABLE IF NOT EXISTS reviews (
            hash TEXT NOT NULL,
            table_id TEXT NOT NULL,
            key TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('confirm', 'correct')),
            value REAL,
            original REAL,
            provenance TEXT NOT NULL DEFAULT 'reviewed',
            reviewed_at TEXT NOT NULL,
            corrections_file TEXT,
            PRIMARY KEY (hash, table_id, key)
        );
        """

    /// The view `reviewed_cells`: every cell with the value to use (`provenance`
    /// `reviewed` or `machine`) beside the machine's.
    static let reviewedCellsView = """
        CREATE VIEW IF NOT EXISTS reviewed_cells AS
            SELECT d.path, d.hash, c.table_id, c.key,
                   CASE WHEN r.action = 'correct' THEN r.value ELSE c.value END AS value,
                   CASE WHEN r.action IS NULL THEN 'machine' ELSE r.provenance END AS provenance,
                   c.value AS machine_value, c.confidence, r.action AS review_action, r.reviewed_at
            FROM cells c JOIN documents d ON d.id = c.document
            LEFT JOIN reviews r ON r.hash = d.hash AND r.table_id = c.table_id AND r.key = c.key;
        """

    /// What applying a corrections file did.
    package struct ReviewCounts: Sendable, Equatable {
        /// Decisions written (new, or changing an earlier one).
        package var applied = 0
        /// Decisions the database already held, as they were.
        package var unchanged = 0
        /// Decisions about a document or cell the database does not hold.
        package var unknown = 0
        /// Confirmations of a value the database no longer holds (the document was
        /// repaired again since the report): not applied.
        package var conflicting = 0
        /// One line per unknown or conflicting decision: `a.txt requests new.natural: no such cell`.
        package var problems: [String] = []

        package init() {}
    }

    /// A row of the `reviews` table.
    package struct StoredReview: Sendable, Equatable {
        package var hash: String
        package var review: CellReview
        package var provenance: String
    }

    /// Writes reviewers' decisions, in one transaction, with provenance `reviewed`.
    ///
    /// A decision is matched to its document by `document_hash` when it has one, else by
    /// path (a document's own or a link's). Applying the same decisions again changes
    /// nothing and counts them as unchanged.
    ///
    /// - Parameters:
    ///   - corrections: The decisions, as ``Correction/corrections(from:file:)`` read them.
    ///   - file: The corrections file, recorded with each decision.
    /// - Throws: ``StoreError`` when the database cannot be written; nothing is applied then.
    /// - Complexity: O(corrections) lookups.
    package func apply(_ corrections: [Correction], file: String) throws(StoreError) -> ReviewCounts {
        let now = Self.now()
        return try perform {
            try pool.write { db in
                var counts = ReviewCounts()
                for (offset, correction) in corrections.enumerated() {
                    let name = "correction \(offset + 1) (\(correction.source) \(correction.table) \(correction.key))"
                    guard let (document, hash) = try reviewTarget(of: correction, db: db) else {
                        counts.unknown += 1
                        counts.problems.append("\(name): no such document in the database")
                        continue
                    }
                    guard
                        let row = try Row.fetchOne(
                            db, sql: "SELECT value FROM cells WHERE document = ? AND table_id = ? AND key = ?",
                            arguments: [document, correction.table, correction.key])
                    else {
                        counts.unknown += 1
                        counts.problems.append("\(name): no such cell in the database")
                        continue
                    }
                    let machine: Double? = row["value"]
                    if let original = correction.original, original != machine {
                        counts.conflicting += 1
                        counts.problems.append(
                            "\(name): the report showed \(Self.describe(original)) but the database holds "
                                + "\(Self.describe(machine)) (repaired again since the report?); not applied")
                        continue
                    }
                    if correction.action == .confirm, correction.value != machine {
                        counts.conflicting += 1
                        counts.problems.append(
                            "\(name): confirms \(Self.describe(correction.value)) but the database holds "
                                + "\(Self.describe(machine)) (repaired again since the report?); not applied")
                        continue
                    }
                    let value = correction.action == .confirm ? machine : correction.value
                    let earlier = try Row.fetchOne(
                        db, sql: "SELECT action, value FROM reviews WHERE hash = ? AND table_id = ? AND key = ?",
                        arguments: [hash, correction.table, correction.key])
                    if let earlier, earlier["action"] as String? == correction.action.rawValue,
                        earlier["value"] as Double? == value
                    {
                        counts.unchanged += 1
                        continue
                    }
                    try db.execute(
                        sql: """
                            INSERT INTO reviews (hash, table_id, key, action, value, original, provenance, reviewed_at,
                                corrections_file)
                            VALUES (?, ?, ?, ?, ?, ?, 'reviewed', ?, ?)
                            ON CONFLICT (hash, table_id, key) DO UPDATE SET action = excluded.action,
                                value = excluded.value, original = excluded.original, reviewed_at = excluded.reviewed_at,
                                corrections_file = excluded.corrections_file
                            """,
                        arguments: [
                            hash, correction.table, correction.key, correction.action.rawValue, value, machine, now, file,
                        ])
                    counts.applied += 1
                }
                return counts
            }
        }
    }

    /// The done document a decision is about: its row id and content hash.
    private func reviewTarget(of correction: Correction, db: Database) throws -> (Int64, String)? {
        if let hash = correction.documentHash {
            let row = try Row.fetchOne(
                db, sql: "SELECT id, hash FROM documents WHERE hash = ? AND status = 'done'", arguments: [hash])
            return row.map { ($0["id"], $0["hash"]) }
        }
        if let row = try Row.fetchOne(
            db, sql: "SELECT id, hash FROM documents WHERE path = ? AND status = 'done' AND hash IS NOT NULL",
            arguments: [correction.source])
        {
            return (row["id"], row["hash"])
        }
        let linked = try Row.fetchOne(
            db,
            sql: """
                SELECT d.id, d.hash FROM links l JOIN documents d ON d.hash = l.hash
                WHERE l.path = ? AND d.status = 'done'
                """,
            arguments: [correction.source])
        return linked.map { ($0["id"], $0["hash"]) }
    }

    private static func describe(_ value: Double?) -> String {
        value.map(JSONValue.format) ?? "blank"
    }

    /// Every row of the `reviews` table, by hash, table, key.
    package func reviews() throws(StoreError) -> [StoredReview] {
        try perform {
            try pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT hash, table_id, key, action, value, original, provenance, reviewed_at FROM reviews
                        ORDER BY hash, table_id, key
                        """
                ).compactMap(Self.storedReview)
            }
        }
    }

    static func storedReview(_ row: Row) -> StoredReview? {
        guard let action = Correction.Action(rawValue: row["action"]) else { return nil }
        return StoredReview(
            hash: row["hash"],
            review: CellReview(
                table: row["table_id"], key: row["key"], action: action, value: row["value"], original: row["original"],
                reviewedAt: row["reviewed_at"]),
            provenance: row["provenance"])
    }

    /// Calls `body` with each document of the database, ordered by path, as the review
    /// report shows it: its tables, cells, checks, edits, cleaned text, earlier reviews and
    /// the other paths that hold the same bytes. Its input lines are not in the database;
    /// the caller adds them.
    ///
    /// - Throws: ``StoreError`` when the database cannot be read, or what `body` throws.
    /// - Complexity: O(documents + cells); memory holds one document at a time.
    package func forEachReviewDocument(_ body: (ReviewDocument) throws -> Void) throws {
        var failure: (any Error)?
        try perform {
            try pool.read { db in
                let documents = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT \(Self.objectColumns) FROM documents d LEFT JOIN runs r ON r.id = d.run
                        ORDER BY d.path, d.hash
                        """)
                let statements = try PartStatements(db)
                let links = try db.makeStatement(sql: "SELECT path FROM links WHERE hash = ? ORDER BY path")
                while let row = try documents.next() {
                    var document = ReviewDocument(
                        source: row["path"], hash: row["hash"], format: row["format"], encoding: row["encoding"],
                        template: row["template"], templateConfidence: row["template_confidence"], body: row["body"],
                        year: row["year"], confidence: row["confidence"], error: row["error"])
                    if let hash = document.hash {
                        document.duplicates = try String.fetchAll(links, arguments: [hash])
                    }
                    if row["status"] as String? == "done" {
                        let id: Int64 = row["id"]
                        document.text = DeflatedText.inflate(row["text_deflate"]) ?? ""
                        document.tables = try Self.tables(id, statements: statements).map(\.table)
                        document.edits = try Row.fetchAll(statements.edits, arguments: [id]).map { edit in
                            Edit(
                                kind: Edit.Kind(rawValue: edit["kind"]), before: edit["before"], after: edit["after"],
                                line: edit["line"], confidence: edit["confidence"])
                        }
                        document.reviews = try Self.reviewsByCell(document.hash, statements: statements).values
                            .sorted { ($0.table, $0.key) < ($1.table, $1.key) }
                    } else if document.error == nil {
                        document.error = "\(document.source): not repaired"
                    }
                    do {
                        try body(document)
                    } catch {
                        failure = error
                        return
                    }
                }
            }
        }
        if let failure { throw failure }
    }
}

extension BatchStore {
    /// A row of the `reviewed_cells` view: a cell's value to use and where it comes from.
    package struct ReviewedCell: Sendable, Equatable {
        package var path: String
        package var table: String
        package var key: String
        /// The reviewer's value where there is one, else the machine's.
        package var value: Double?
        /// `reviewed` or `machine`.
        package var provenance: String
        /// The machine's value, as the batch wrote it.
        package var machineValue: Double?
    }

    /// Every cell with the value to use (`reviewed_cells`), ordered by path, table, key;
    /// every cell as the machine read it before the first apply.
    package func reviewedCells() throws(StoreError) -> [ReviewedCell] {
        try perform {
            try pool.read { db in
                let hasView = try db.viewExists("reviewed_cells")
                let sql = hasView
                    ? "SELECT path, table_id, key, value, provenance, machine_value FROM reviewed_cells"
                    : """
                        SELECT d.path, c.table_id, c.key, c.value, 'machine' AS provenance, c.value AS machine_value
                        FROM cells c JOIN documents d ON d.id = c.document
                        """
                return try Row.fetchAll(db, sql: sql + " ORDER BY path, table_id, key").map { row in
                    ReviewedCell(
                        path: row["path"], table: row["table_id"], key: row["key"], value: row["value"],
                        provenance: row["provenance"], machineValue: row["machine_value"])
                }
            }
        }
    }
}
