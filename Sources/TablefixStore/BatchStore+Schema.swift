import GRDB

extension BatchStore {
    /// The schema, one migration per version. Add a migration for every change; never edit
    /// one that has shipped.
    ///
    /// - `documents`: one row per distinct content (SHA-256 `hash`), with the path it was
    ///   first found under, `status` `done` or `failed`, what reconstruction found
    ///   (`format`, `encoding`, `template`, `body`, `year`, `confidence`), the `error` of a
    ///   failure, timings, and (v3) `text_deflate`, the cleaned text (``DeflatedText``);
    ///   the spec/output.md object is
    ///   rebuilt from these rows (``BatchStore/repairObject(_:of:)``), not stored.
    /// - `tables`, `cells`, `checks`, `edits`: the object's parts as rows, for queries.
    /// - `links`: every other path whose bytes are the same as a document's.
    /// - `reviews` and the view `reviewed_cells` (v2): reviewers' decisions, beside the
    ///   machine's values (``BatchStore/reviewSchema``).
    /// - `runs` and `attempts`: each batch run and each file it processed, so that a
    ///   resumed batch can show that it processed no file twice.
    /// - `continuity`: each carried-out/carried-in pair of a body's consecutive reports.
    /// - v3: the object is stored once, as rows (``compactSchema``): `documents.json`
    ///   gives way to `documents.text_deflate`; cells and checks are `cell_rows` and `check_rows`
    ///   with their repeated text (tables, keys, rules, whys) in `strings`, read through
    ///   the views `cells` and `checks`; `runs.version` names the tablefix that wrote a
    ///   run, and `batch_lock` keeps one batch at a time.
    /// - v4: `check_rows` (and the view `checks`) carry a check's `kind` (`narrative`, or
    ///   null for arithmetic) and, for a narrative check, the `sentence` and its `line`.
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
            try db.execute(sql: "DROP VIEW IF EXISTS reviewed_cells")
            try db.execute(sql: BatchStore.compactSchema)
            // Rows of an earlier schema move over: their text interned, checks' cells as positions.
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO strings (text)
                    SELECT table_id FROM cells UNION SELECT key FROM cells UNION SELECT why FROM cells WHERE why IS NOT NULL
                    UNION SELECT rule FROM cells UNION SELECT rule FROM checks
                    UNION SELECT "column" FROM checks WHERE "column" IS NOT NULL;
                    INSERT INTO cell_rows (document, table_id, key, position, value, raw, confidence, inferred, why, rule, line)
                    SELECT c.document, t.id, k.id, c.position, c.value, c.raw, CAST(round(c.confidence * 1000) AS INTEGER),
                           c.inferred, w.id, r.id, c.line
                    FROM cells c JOIN strings t ON t.text = c.table_id JOIN strings k ON k.text = c.key
                    LEFT JOIN strings w ON w.text = c.why JOIN strings r ON r.text = c.rule;
                    INSERT INTO check_rows (document, table_id, position, rule, "column", ok, cell_positions, "left", "right")
                    SELECT c.document, t.id, c.position, r.id, col.id, c.ok,
                           (SELECT group_concat(x.position, ' ') FROM cells x
                            WHERE x.document = c.document AND x.table_id = c.table_id
                              AND instr(' ' || c.cells || ' ', ' ' || x.key || ' ') > 0),
                           c."left", c."right"
                    FROM checks c JOIN strings t ON t.text = c.table_id JOIN strings r ON r.text = c.rule
                    LEFT JOIN strings col ON col.text = c."column";
                    INSERT INTO edit_rows SELECT * FROM edits;
                    DROP TABLE cells;
                    DROP TABLE checks;
                    DROP TABLE edits;
                    ALTER TABLE edit_rows RENAME TO edits;
                    ALTER TABLE runs ADD COLUMN version TEXT;
                    ALTER TABLE documents ADD COLUMN text_deflate BLOB;
                    DROP TABLE continuity;
                    """)
            let texts = try Row.fetchAll(
                db, sql: "SELECT id, json_extract(json, '$.text') AS text FROM documents WHERE json IS NOT NULL")
            for row in texts {
                let id: Int64 = row["id"], text: String = row["text"] ?? ""
                try db.execute(
                    sql: "UPDATE documents SET text_deflate = ? WHERE id = ?", arguments: [try DeflatedText.deflate(text), id])
            }
            try db.execute(sql: "ALTER TABLE documents DROP COLUMN json")
            try db.execute(sql: BatchStore.compactViews + BatchStore.reviewedCellsView)
        }
        migrator.registerMigration("v4") { db in
            try db.execute(
                sql: """
                    ALTER TABLE check_rows ADD COLUMN kind TEXT;
                    ALTER TABLE check_rows ADD COLUMN sentence TEXT;
                    ALTER TABLE check_rows ADD COLUMN line INTEGER;
                    DROP VIEW checks;
                    """ + BatchStore.checksView)
        }
        return migrator
    }

    /// The tables of schema v3, about 16 KB a document: every repeated text once.
    ///
    /// - `strings`: each text that cells and checks repeat (table ids, keys, rules, whys,
    ///   check rules and columns), once.
    /// - `cell_rows`: one row per cell, its texts as `strings` ids, its confidence in
    ///   thousandths (exactly the three decimals the output prints).
    /// - `check_rows`: one row per check; `cell_positions` are the positions of its cells
    ///   in its table (`cell_rows.position`).
    /// - `edits` without a row id; `continuity` (per declared relation, with `table_id`);
    ///   `batch_lock`.
    static let compactSchema = """
        CREATE TABLE strings (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
        CREATE TABLE cell_rows (
            document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            table_id INTEGER NOT NULL,
            key INTEGER NOT NULL,
            position INTEGER NOT NULL,
            value REAL,
            raw TEXT NOT NULL,
            confidence INTEGER NOT NULL,
            inferred REAL,
            why INTEGER,
            rule INTEGER NOT NULL,
            line INTEGER NOT NULL,
            PRIMARY KEY (document, table_id, key)
        ) WITHOUT ROWID;
        CREATE TABLE check_rows (
            document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            table_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            rule INTEGER NOT NULL,
            "column" INTEGER,
            ok INTEGER,
            cell_positions TEXT NOT NULL,
            "left" REAL,
            "right" REAL,
            PRIMARY KEY (document, table_id, position)
        ) WITHOUT ROWID;
        CREATE TABLE edit_rows (
            document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            before TEXT NOT NULL,
            after TEXT NOT NULL,
            line INTEGER NOT NULL,
            confidence REAL NOT NULL,
            PRIMARY KEY (document, position)
        ) WITHOUT ROWID;
        CREATE TABLE continuity_pairs (
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
        """

    /// The views that read `cell_rows` and `check_rows` with their texts, as a user
    /// queries them: `cells` (`document`, `table_id`, `position`, `key`, `value`, `raw`,
    /// `confidence`, `inferred`, `why`, `rule`, `line`) and `checks` (`document`,
    /// `table_id`, `position`, `rule`, `column`, `ok`, `cell_positions`, `left`, `right`).
    static let compactViews = """
        ALTER TABLE continuity_pairs RENAME TO continuity;
        CREATE VIEW cells AS
            SELECT c.document, t.text AS table_id, c.position, k.text AS key, c.value, c.raw,
                   c.confidence / 1000.0 AS confidence, c.inferred, w.text AS why, r.text AS rule, c.line
            FROM cell_rows c JOIN strings t ON t.id = c.table_id JOIN strings k ON k.id = c.key
            LEFT JOIN strings w ON w.id = c.why JOIN strings r ON r.id = c.rule;
        CREATE VIEW checks AS
            SELECT c.document, t.text AS table_id, c.position, r.text AS rule, col.text AS "column", c.ok,
                   c.cell_positions, c."left", c."right"
            FROM check_rows c JOIN strings t ON t.id = c.table_id JOIN strings r ON r.id = c.rule
            LEFT JOIN strings col ON col.id = c."column";
        """

    /// The view `checks` of schema v4: v3's with `kind`, `sentence` and `line`.
    static let checksView = """
        CREATE VIEW checks AS
            SELECT c.document, t.text AS table_id, c.position, r.text AS rule, col.text AS "column", c.ok,
                   c.cell_positions, c."left", c."right", c.kind, c.sentence, c.line
            FROM check_rows c JOIN strings t ON t.id = c.table_id JOIN strings r ON r.id = c.rule
            LEFT JOIN strings col ON col.id = c."column";
        """
}
