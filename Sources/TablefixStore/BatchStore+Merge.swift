import GRDB

extension BatchStore {
    /// The document columns copied by a merge, in order (all but `id`).
    private static let documentColumns = """
        hash, path, status, format, encoding, template, template_confidence, body, year, confidence, error, \
        error_code, bytes, read_ms, repair_ms, run, processed_at, text_deflate
        """

    /// Adds everything another batch database holds (a shard of the same batch, say) to
    /// this one, in one transaction.
    ///
    /// Documents are matched by content hash. When both databases hold a hash, the
    /// database keeps one document: a done one over a failed one, else the one whose path
    /// sorts first, as a single run over sorted folders would have; the other path becomes
    /// a link. Runs, attempts and links are copied. Call ``updateContinuity()`` after the
    /// last merge.
    ///
    /// Merging the same database again adds nothing: its runs, documents and attempts are
    /// known by then.
    ///
    /// - Returns: How many documents of `other` were added (or replaced one).
    /// - Throws: ``StoreError`` naming `other` when it is missing or no batch database.
    @discardableResult
    package func merge(from other: String) throws(StoreError) -> Int {
        // Opening it checks (and upgrades) its schema.
        let shard = try BatchStore(path: other, create: false)
        try shard.checkpoint()
        return try perform {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS shard", arguments: [other])
                defer { try? db.execute(sql: "DETACH DATABASE shard") }
                var added = 0
                try db.inTransaction {
                    added = try merge(db)
                    return .commit
                }
                return added
            }
        }
    }

    /// Folds the write-ahead log into the database file, so that another connection that
    /// attaches it sees every committed document.
    func checkpoint() throws(StoreError) {
        try perform {
            try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        }
    }

    private func merge(_ db: Database) throws -> Int {
        try db.execute(
            sql: """
                DROP TABLE IF EXISTS temp.run_map;
                DROP TABLE IF EXISTS temp.take;
                DROP TABLE IF EXISTS temp.doc_map;
                DROP TABLE IF EXISTS temp.take_unread;
                DROP TABLE IF EXISTS temp.new_runs;
                DROP TABLE IF EXISTS temp.string_map;
                CREATE TEMP TABLE run_map (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);
                """)
        let runs = try Row.fetchAll(db, sql: "SELECT * FROM shard.runs ORDER BY id")
        // A run merged before (the same shards merged again) maps to its copy: nothing is
        // added twice.
        try db.execute(sql: "CREATE TEMP TABLE new_runs (id INTEGER PRIMARY KEY)")
        for run in runs {
            let old: Int64 = run["id"]
            if let known = try Int64.fetchOne(
                db, sql: "SELECT id FROM main.runs WHERE started_at = ? AND command = ? AND shard IS ?",
                arguments: [run["started_at"], run["command"], run["shard"]])
            {
                try db.execute(sql: "INSERT INTO run_map (old, new) VALUES (?, ?)", arguments: [old, known])
                continue
            }
            try db.execute(
                sql: """
                    INSERT INTO main.runs (started_at, finished_at, command, shard, done, skipped, linked, failed, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [run["started_at"], run["finished_at"], run["command"], run["shard"], run["done"],
                            run["skipped"], run["linked"], run["failed"], run["version"]])
            try db.execute(sql: "INSERT INTO run_map (old, new) VALUES (?, ?)", arguments: [old, db.lastInsertedRowID])
            try db.execute(sql: "INSERT INTO new_runs (id) VALUES (?)", arguments: [old])
        }
        // Which of the shard's documents this database takes.
        try db.execute(
            sql: """
                CREATE TEMP TABLE take AS
                SELECT s.id AS shard_id, s.hash AS hash, m.id AS main_id, m.path AS main_path, m.run AS main_run
                FROM shard.documents s LEFT JOIN main.documents m ON m.hash = s.hash
                WHERE s.hash IS NOT NULL
                  AND (m.id IS NULL
                       OR (s.status = 'done' AND m.status = 'failed')
                       OR (s.status = m.status AND s.path < m.path));
                CREATE INDEX temp.take_shard ON take(shard_id);
                """)
        // A shard document left out: its path links to the document kept.
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO main.links (path, hash, run)
                SELECT s.path, s.hash, (SELECT new FROM run_map WHERE old = s.run)
                FROM shard.documents s JOIN main.documents m ON m.hash = s.hash
                WHERE s.path <> m.path AND s.id NOT IN (SELECT shard_id FROM take);
                """)
        // A document replaced: its path links to the shard's.
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO main.links (path, hash, run)
                SELECT main_path, hash, main_run FROM take WHERE main_id IS NOT NULL;
                DELETE FROM main.documents WHERE id IN (SELECT main_id FROM take WHERE main_id IS NOT NULL);
                CREATE TEMP TABLE take_unread AS
                SELECT s.id AS shard_id FROM shard.documents s
                WHERE s.hash IS NULL
                  AND NOT EXISTS (SELECT 1 FROM main.documents m WHERE m.hash IS NULL AND m.path = s.path);
                """)
        try db.execute(
            sql: """
                INSERT INTO main.documents (\(Self.documentColumns))
                SELECT s.hash, s.path, s.status, s.format, s.encoding, s.template, s.template_confidence, s.body, s.year,
                       s.confidence, s.error, s.error_code, s.bytes, s.read_ms, s.repair_ms,
                       (SELECT new FROM run_map WHERE old = s.run), s.processed_at, s.text_deflate
                FROM shard.documents s
                WHERE s.id IN (SELECT shard_id FROM take) OR s.id IN (SELECT shard_id FROM take_unread)
                ORDER BY s.id
                """)
        let added = db.changesCount
        // Each document added, its id here; its parts follow it.
        try db.execute(
            sql: """
                CREATE TEMP TABLE doc_map (shard_id INTEGER PRIMARY KEY, main_id INTEGER NOT NULL);
                INSERT INTO doc_map (shard_id, main_id)
                SELECT t.shard_id, m.id FROM take t JOIN main.documents m ON m.hash = t.hash;
                INSERT INTO doc_map (shard_id, main_id)
                SELECT s.id, m.id FROM shard.documents s JOIN main.documents m ON m.path = s.path AND m.hash IS NULL
                WHERE s.id IN (SELECT shard_id FROM take_unread);
                INSERT INTO main.tables (document, position, table_id, status, confidence, grid)
                SELECT d.main_id, x.position, x.table_id, x.status, x.confidence, x.grid
                FROM shard.tables x JOIN doc_map d ON d.shard_id = x.document;
                INSERT OR IGNORE INTO main.strings (text) SELECT text FROM shard.strings;
                CREATE TEMP TABLE string_map (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);
                INSERT INTO string_map (old, new)
                SELECT s.id, m.id FROM shard.strings s JOIN main.strings m ON m.text = s.text;
                INSERT INTO main.cell_rows (document, table_id, key, position, value, raw, confidence, inferred, why, rule,
                    line)
                SELECT d.main_id, t.new, k.new, x.position, x.value, x.raw, x.confidence, x.inferred, w.new, r.new, x.line
                FROM shard.cell_rows x JOIN doc_map d ON d.shard_id = x.document
                JOIN string_map t ON t.old = x.table_id JOIN string_map k ON k.old = x.key
                LEFT JOIN string_map w ON w.old = x.why JOIN string_map r ON r.old = x.rule;
                INSERT INTO main.check_rows (document, table_id, position, rule, "column", ok, cell_positions, "left",
                    "right", kind, sentence, line)
                SELECT d.main_id, t.new, x.position, r.new, c.new, x.ok, x.cell_positions, x."left", x."right", x.kind,
                    x.sentence, x.line
                FROM shard.check_rows x JOIN doc_map d ON d.shard_id = x.document
                JOIN string_map t ON t.old = x.table_id JOIN string_map r ON r.old = x.rule
                LEFT JOIN string_map c ON c.old = x."column";
                DROP TABLE temp.string_map;
                INSERT INTO main.edits (document, position, kind, before, after, line, confidence)
                SELECT d.main_id, x.position, x.kind, x.before, x.after, x.line, x.confidence
                FROM shard.edits x JOIN doc_map d ON d.shard_id = x.document;
                INSERT OR IGNORE INTO main.links (path, hash, run)
                SELECT l.path, l.hash, (SELECT new FROM run_map WHERE old = l.run) FROM shard.links l;
                DELETE FROM main.links WHERE path IN (SELECT path FROM main.documents);
                INSERT INTO main.attempts (run, hash, path, status, ms, at)
                SELECT (SELECT new FROM run_map WHERE old = a.run), a.hash, a.path, a.status, a.ms, a.at
                FROM shard.attempts a WHERE a.run IN (SELECT id FROM new_runs) ORDER BY a.id;
                DROP TABLE temp.doc_map;
                DROP TABLE temp.take_unread;
                DROP TABLE temp.new_runs;
                DROP TABLE temp.take;
                DROP TABLE temp.run_map;
                """)
        return added
    }
}
