import GRDB

extension BatchStore {
    /// A continuity relation a template declares, as the store applies it: in documents
    /// of `template`, each column of `row` of `table` equals the same column of
    /// `previousYearRow` in the same body's report of the year before.
    package struct ContinuityRelation: Sendable, Hashable {
        package var template: String
        package var table: String
        package var row: String
        package var previousYearRow: String

        package init(template: String, table: String, row: String, previousYearRow: String) {
            self.template = template
            self.table = table
            self.row = row
            self.previousYearRow = previousYearRow
        }
    }

    /// One pair of cells that a continuity relation joins: what a body's report for
    /// `year − 1` printed in `previousYearRow.COL` and what its report for `year` printed
    /// in `row.COL`.
    package struct ContinuityPair: Sendable, Hashable {
        package var body: String
        package var year: Int
        package var table: String
        /// The column: `natural`, `commercial` … `total`.
        package var column: String
        /// The paths of the earlier and the later report.
        package var earlier: String
        package var later: String
        package var carriedOut: Double?
        package var carriedIn: Double?
        /// Whether the two are equal; nil when either cell is blank.
        package var ok: Bool?
    }

    /// Recomputes the `continuity` table from every done document and the relations the
    /// templates declare: for each body and year with a report for the year before, each
    /// column of the relation's rows.
    ///
    /// A body with several reports for one year (renderings of one report under other
    /// names) gets a pair for each combination.
    ///
    /// - Returns: The number of pairs, and how many of them do not hold.
    @discardableResult
    package func updateContinuity(_ relations: [ContinuityRelation]) throws(StoreError) -> (pairs: Int, broken: Int) {
        try perform {
            try pool.write { db in
                try db.execute(sql: "DELETE FROM continuity")
                for relation in relations {
                    try db.execute(
                        sql: """
                            INSERT OR IGNORE INTO continuity (body, year, table_id, "column", earlier, later, carried_out,
                                carried_in, ok)
                            SELECT later.body, later.year, cin.table_id, substr(cin.key, length(:row) + 2), earlier.id,
                                   later.id, cout.value, cin.value,
                                   CASE WHEN cout.value IS NULL OR cin.value IS NULL THEN NULL
                                        ELSE abs(cout.value - cin.value) < 1e-9 END
                            FROM documents AS later
                            JOIN documents AS earlier
                              ON earlier.body = later.body AND earlier.year = later.year - 1 AND earlier.status = 'done'
                            JOIN cells AS cin
                              ON cin.document = later.id AND cin.table_id = :table
                             AND substr(cin.key, 1, length(:row) + 1) = :row || '.'
                            JOIN cells AS cout
                              ON cout.document = earlier.id AND cout.table_id = :table
                             AND cout.key = :previous || '.' || substr(cin.key, length(:row) + 2)
                            WHERE later.status = 'done' AND later.template = :template
                              AND later.body IS NOT NULL AND later.year IS NOT NULL
                            """,
                        arguments: [
                            "row": relation.row, "previous": relation.previousYearRow, "table": relation.table,
                            "template": relation.template,
                        ])
                }
                let pairs = try Int.fetchOne(db, sql: "SELECT count(*) FROM continuity") ?? 0
                let broken = try Int.fetchOne(db, sql: "SELECT count(*) FROM continuity WHERE ok = 0") ?? 0
                return (pairs, broken)
            }
        }
    }

    /// The pairs of the `continuity` table with their reports' paths, ordered by body, year,
    /// reports and column: what `continuity()` returns and the continuity export writes.
    static let continuitySQL = """
        SELECT c.body, c.year, c.table_id, c."column", e.path AS earlier, l.path AS later, c.carried_out,
               c.carried_in, c.ok
        FROM continuity c JOIN documents e ON e.id = c.earlier JOIN documents l ON l.id = c.later
        ORDER BY c.body, c.year, e.path, l.path, c.rowid
        """

    /// Every pair of the `continuity` table, ordered by body, year, reports and column.
    package func continuity() throws(StoreError) -> [ContinuityPair] {
        try perform {
            try pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: Self.continuitySQL
                ).map { row in
                    ContinuityPair(
                        body: row["body"], year: row["year"], table: row["table_id"], column: row["column"],
                        earlier: row["earlier"], later: row["later"], carriedOut: row["carried_out"],
                        carriedIn: row["carried_in"], ok: row["ok"])
                }
            }
        }
    }
}
