import GRDB

extension BatchStore {
    /// One carried-over pair: what a body's report for `year − 1` carried out (结转下年度)
    /// and what its report for `year` carried in (上年结转), in one column of `requests`.
    package struct ContinuityPair: Sendable, Hashable {
        package var body: String
        package var year: Int
        /// The applicant column: `natural`, `commercial` … `total`.
        package var column: String
        /// The paths of the earlier and the later report.
        package var earlier: String
        package var later: String
        package var carriedOut: Double?
        package var carriedIn: Double?
        /// Whether the two are equal; nil when either cell is blank.
        package var ok: Bool?
    }

    /// Recomputes the `continuity` table from every done document: for each body and year
    /// with a report for the year before, each `requests` column's `carried_out.COL` of
    /// the earlier report against `carried_in.COL` of the later one.
    ///
    /// A body with several reports for one year (renderings of one report under other
    /// names) gets a pair for each combination.
    ///
    /// - Returns: The number of pairs, and how many of them do not hold.
    @discardableResult
    package func updateContinuity() throws(StoreError) -> (pairs: Int, broken: Int) {
        try perform {
            try pool.write { db in
                try db.execute(sql: "DELETE FROM continuity")
                try db.execute(
                    sql: """
                        INSERT INTO continuity (body, year, "column", earlier, later, carried_out, carried_in, ok)
                        SELECT later.body, later.year, substr(cin.key, 12), earlier.id, later.id, cout.value, cin.value,
                               CASE WHEN cout.value IS NULL OR cin.value IS NULL THEN NULL
                                    ELSE abs(cout.value - cin.value) < 1e-9 END
                        FROM documents AS later
                        JOIN documents AS earlier
                          ON earlier.body = later.body AND earlier.year = later.year - 1 AND earlier.status = 'done'
                        JOIN cells AS cin
                          ON cin.document = later.id AND cin.table_id = 'requests' AND cin.key LIKE 'carried\\_in.%' ESCAPE '\\'
                        JOIN cells AS cout
                          ON cout.document = earlier.id AND cout.table_id = 'requests'
                         AND cout.key = 'carried_out.' || substr(cin.key, 12)
                        WHERE later.status = 'done' AND later.body IS NOT NULL AND later.year IS NOT NULL
                        """)
                let pairs = try Int.fetchOne(db, sql: "SELECT count(*) FROM continuity") ?? 0
                let broken = try Int.fetchOne(db, sql: "SELECT count(*) FROM continuity WHERE ok = 0") ?? 0
                return (pairs, broken)
            }
        }
    }

    /// Every pair of the `continuity` table, ordered by body, year, reports and column.
    package func continuity() throws(StoreError) -> [ContinuityPair] {
        try perform {
            try pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT c.body, c.year, c."column", e.path AS earlier, l.path AS later, c.carried_out, c.carried_in, c.ok
                        FROM continuity c JOIN documents e ON e.id = c.earlier JOIN documents l ON l.id = c.later
                        ORDER BY c.body, c.year, e.path, l.path, c.rowid
                        """
                ).map { row in
                    ContinuityPair(
                        body: row["body"], year: row["year"], column: row["column"], earlier: row["earlier"],
                        later: row["later"], carriedOut: row["carried_out"], carriedIn: row["carried_in"], ok: row["ok"])
                }
            }
        }
    }
}
