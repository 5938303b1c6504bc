import GRDB

extension BatchStore {
    /// The schema, one migration per version. Add a migration for every change; never edit
    /// one that has shipped.
    ///
    /// - `documents`: one row per distinct content (SHA-256 `hash`), with the path it was
    ///   first found under, `status` `done` or `failed`, what reconstruction found
    ///   (`format`, `encoding`, `template`, `body`, `year`, `confidence`), the `error` of a
    ///   failure, timings, and (v3) `text`, the cleaned text; the spec/output.md object is
    ///   rebuilt from these rows (``BatchStore/repairObject(_:of:)``), not stored.
    /// - `tables`, `cells`, `checks`, `edits`: the object's parts as rows, for queries.
    /// - `links`: every other path whose bytes are the same as a document's.
    /// - `reviews` and the view `reviewed_cells` (v2): reviewers' decisions, beside the
    ///   machine's values (``BatchStore/reviewSchema``).
    /// - `runs` and `attempts`: each batch run and each file it processed, so that a
    ///   resumed batch can show that it processed no file twice.
    /// - `continuity`: each carried-out/carried-in pair of a body's consecutive reports.
    /// - v3: the object is stored once, as rows (`documents.json` gives way to
    ///   `documents.text`), `cells` and `checks` keyed without a row id, `runs.version`
    ///   names the tablefix that wrote a run, and `batch_lock` keeps one batch at a time.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE runs (
                        id INTEGER PRIMARY KEY,
                        started_at TEXT NOT NULL,
                        finished_at TEXT,
                        command TEXT NOT NULL,
                        shard TEXT,
                        done INTEGER NOT NULL DEFAULT 0,
                        skipped INTEGER NOT NULL DEFAULT 0,
                        linked INTEGER NOT NULL DEFAULT 0,
                        failed INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE TABLE documents (
                        id INTEGER PRIMARY KEY,
                        hash TEXT UNIQUE,
                        path TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
                        format TEXT,
                        encoding TEXT,
                        template TEXT,
                        template_confidence REAL,
                        body TEXT,
                        year INTEGER,
                        confidence REAL,
                        error TEXT,
                        error_code TEXT,
                        bytes INTEGER NOT NULL,
                        read_ms REAL NOT NULL,
                        repair_ms REAL NOT NULL,
                        run INTEGER REFERENCES runs(id),
                        processed_at TEXT NOT NULL,
                        json TEXT
                    );
                    CREATE INDEX documents_path ON documents(path);
                    CREATE INDEX documents_body_year ON documents(body, year);
                    CREATE TABLE tables (
                        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        table_id TEXT NOT NULL,
                        status TEXT NOT NULL,
                        confidence REAL,
                        grid TEXT,
                        PRIMARY KEY (document, table_id)
                    );
                    CREATE TABLE cells (
                        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        table_id TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        key TEXT NOT NULL,
                        value REAL,
                        raw TEXT NOT NULL,
                        confidence REAL NOT NULL,
                        inferred REAL,
                        why TEXT,
                        rule TEXT NOT NULL,
                        line INTEGER NOT NULL,
                        PRIMARY KEY (document, table_id, key)
                    );
                    CREATE INDEX cells_key ON cells(table_id, key);
                    CREATE TABLE checks (
                        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        table_id TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        rule TEXT NOT NULL,
                        "column" TEXT,
                        ok INTEGER,
                        cells TEXT NOT NULL,
                        "left" REAL,
                        "right" REAL,
                        PRIMARY KEY (document, table_id, position)
                    );
                    CREATE TABLE edits (
                        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        before TEXT NOT NULL,
                        after TEXT NOT NULL,
                        line INTEGER NOT NULL,
                        confidence REAL NOT NULL,
                        PRIMARY KEY (document, position)
                    );
                    CREATE TABLE links (
                        path TEXT PRIMARY KEY,
                        hash TEXT NOT NULL,
                        run INTEGER REFERENCES runs(id)
                    );
                    CREATE INDEX links_hash ON links(hash);
                    CREATE TABLE attempts (
                        id INTEGER PRIMARY KEY,
                        run INTEGER REFERENCES runs(id),
                        hash TEXT,
                        path TEXT NOT NULL,
                        status TEXT NOT NULL,
                        ms REAL NOT NULL,
                        at TEXT NOT NULL
                    );
                    CREATE INDEX attempts_hash ON attempts(hash);
                    CREATE TABLE continuity (
                        body TEXT NOT NULL,
                        year INTEGER NOT NULL,
                        "column" TEXT NOT NULL,
                        earlier INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        later INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        carried_out REAL,
                        carried_in REAL,
                        ok INTEGER,
                        PRIMARY KEY (earlier, later, "column")
                    );
                    """)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: BatchStore.reviewSchema + BatchStore.reviewedCellsView)
        }
        migrator.registerMigration("v3") { db in
            try db.execute(
                sql: """
                    DROP VIEW IF EXISTS reviewed_cells;
                    ALTER TABLE runs ADD COLUMN version TEXT;
                    ALTER TABLE documents ADD COLUMN text TEXT;
                    UPDATE documents SET text = json_extract(json, '$.text') WHERE json IS NOT NULL;
                    ALTER TABLE documents DROP COLUMN json;
                    DROP INDEX IF EXISTS cells_key;
                    CREATE TABLE cells_v3 (
                        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        table_id TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        key TEXT NOT NULL,
                        value REAL,
                        raw TEXT NOT NULL,
                        confidence REAL NOT NULL,
                        inferred REAL,
                        why TEXT,
                        rule TEXT NOT NULL,
                        line INTEGER NOT NULL,
                        PRIMARY KEY (document, table_id, key)
                    ) WITHOUT ROWID;
                    INSERT INTO cells_v3 SELECT document, table_id, position, key, value, raw, confidence, inferred,
                        why, rule, line FROM cells;
                    DROP TABLE cells;
                    ALTER TABLE cells_v3 RENAME TO cells;
                    CREATE TABLE checks_v3 (
                        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        table_id TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        rule TEXT NOT NULL,
                        "column" TEXT,
                        ok INTEGER,
                        cells TEXT NOT NULL,
                        "left" REAL,
                        "right" REAL,
                        PRIMARY KEY (document, table_id, position)
                    ) WITHOUT ROWID;
                    INSERT INTO checks_v3 SELECT * FROM checks;
                    DROP TABLE checks;
                    ALTER TABLE checks_v3 RENAME TO checks;
                    CREATE TABLE edits_v3 (
                        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        before TEXT NOT NULL,
                        after TEXT NOT NULL,
                        line INTEGER NOT NULL,
                        confidence REAL NOT NULL,
                        PRIMARY KEY (document, position)
                    ) WITHOUT ROWID;
                    INSERT INTO edits_v3 SELECT * FROM edits;
                    DROP TABLE edits;
                    ALTER TABLE edits_v3 RENAME TO edits;
                    DROP TABLE continuity;
                    CREATE TABLE continuity (
                        body TEXT NOT NULL,
                        year INTEGER NOT NULL,
                        table_id TEXT NOT NULL,
                        "column" TEXT NOT NULL,
                        earlier INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        later INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        carried_out REAL,
                        carried_in REAL,
                        ok INTEGER,
                        PRIMARY KEY (earlier, later, table_id, "column")
                    );
                    CREATE TABLE batch_lock (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        pid INTEGER NOT NULL,
                        host TEXT NOT NULL,
                        started_at TEXT NOT NULL
                    );
                    """)
            try db.execute(sql: BatchStore.reviewedCellsView)
        }
        return migrator
    }
}
