import Foundation
import GRDB
import TablefixOutput

/// A batch database: one SQLite file holding every document a batch cleaned, its tables,
/// cells, checks and edits, the paths that link to it, and the runs that wrote it.
///
/// Each document is written in one transaction, so a batch killed at any moment leaves
/// only whole documents behind. The schema is versioned (``BatchStore/migrator``); opening
/// an older database upgrades it.
///
/// ```swift
/// let store = try BatchStore(path: "out.db")
/// let run = try store.beginRun(command: "tablefix batch archive.zip --out out.db")
/// try store.write(record, run: run)
/// ```
package final class BatchStore: Sendable {
    /// The database file as the user named it.
    package let path: String
    /// Whether the file could only be opened for reading: exports and reviews work, writes fail.
    package let readOnly: Bool
    let pool: any DatabaseWriter
    /// The ids of the texts cells and checks repeat.
    let strings = StringTable()

    /// Opens the database at `path`, creating it when `create` is true and it is missing,
    /// and brings its schema up to date.
    ///
    /// - Throws: ``StoreError`` when the file is missing (and `create` is false), is not a
    ///   SQLite database, was written by a newer tablefix, or cannot be opened.
    package init(path: String, create: Bool = true) throws(StoreError) {
        self.path = path
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if isFolder.boolValue { throw StoreError(.notADatabase, file: path, reason: "is a folder, not a database") }
        if !create, !exists {
            throw StoreError(.missing, file: path, reason: "no such file")
        }
        // A database the user may read but not write (a shared archive): read-only, as it is.
        readOnly = exists && !FileManager.default.isWritableFile(atPath: path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.readonly = readOnly
        if !readOnly {
            configuration.prepareDatabase { db in
                // WAL and NORMAL: a commit survives a killed process; no fsync per document.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        do {
            pool = readOnly ? try Self.openReadOnly(path, configuration: configuration)
                : try Self.openPool(path, configuration: configuration)
        } catch {
            throw Self.storeError(error, file: path)
        }
        try migrate()
    }

    /// How long opening a database waits for another connection that is switching it to
    /// write-ahead logging at the same moment.
    static let journalSwitchWait: TimeInterval = 5

    /// The database, written ahead to its log. A new database is switched to the log by
    /// its first opener; SQLite answers `busy` at once, without the busy timeout, to a
    /// connection switching it meanwhile, which therefore tries again.
    private static func openPool(_ path: String, configuration: Configuration) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(journalSwitchWait)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
    }

    /// A database the user may only read. Its write-ahead log's index (`-shm`) may be
    /// impossible to create beside it (a read-only folder): then it is read as a file that
    /// nothing changes meanwhile (SQLite's `immutable`).
    private static func openReadOnly(_ path: String, configuration: Configuration) throws -> DatabaseQueue {
        let uri = "file:" + path.map { "?#%".contains($0) ? "%" + String($0.asciiValue ?? 0, radix: 16) : String($0) }
            .joined()
        do {
            let queue = try DatabaseQueue(path: uri + "?mode=ro", configuration: configuration)
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return queue
        } catch {
            return try DatabaseQueue(path: uri + "?immutable=1", configuration: configuration)
        }
    }

    private func migrate() throws(StoreError) {
        let migrator = Self.migrator
        try perform {
            let (superseded, foreign, complete) = try pool.read { db in
                (try migrator.hasBeenSuperseded(db), try db.tableExists("documents") && !db.tableExists("grdb_migrations"),
                 try migrator.hasCompletedMigrations(db))
            }
            if superseded { throw StoreError(.newerSchema, file: path, reason: "written by a newer tablefix (unknown schema version)") }
            if foreign { throw StoreError(.notADatabase, file: path, reason: "not a tablefix batch database") }
            if complete { return }
            if readOnly {
                throw StoreError(
                    .readOnly, file: path,
                    reason: "written by an older tablefix and read-only: copy it somewhere writable to upgrade it")
            }
            try Self.migrate(pool, with: migrator)
        }
    }

    /// Brings the schema up to date. Two processes that open a new database at the same
    /// moment (a batch creating it, a reader beside it) both see it unmigrated: each step
    /// the other commits first makes ours fail on a table that now exists, so the steps
    /// are chosen again, once per registered step at most.
    private static func migrate(_ pool: some DatabaseWriter, with migrator: DatabaseMigrator) throws {
        var attempt = 0
        while true {
            do {
                try migrator.migrate(pool)
                return
            } catch {
                attempt += 1
                let complete = try pool.read { db in try migrator.hasCompletedMigrations(db) }
                if complete { return }
                if attempt > migrator.migrations.count { throw error }
            }
        }
    }

    /// Runs database work, turning any failure into a ``StoreError`` naming this database.
    func perform<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch {
            throw Self.storeError(error, file: path)
        }
    }

    package static func storeError(_ error: any Error, file: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            let message = error.message ?? "\(error.resultCode)"
            switch error.resultCode {
            case .SQLITE_NOTADB: return StoreError(.notADatabase, file: file, reason: "not a SQLite database (\(message))")
            case .SQLITE_CANTOPEN: return StoreError(.sqlite, file: file, reason: "cannot be opened (\(message))")
            case .SQLITE_READONLY: return StoreError(.readOnly, file: file, reason: "read-only: cannot write (\(message))")
            case .SQLITE_FULL: return StoreError(.sqlite, file: file, reason: "the disk is full")
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return StoreError(.sqlite, file: file, reason: "busy: another process holds it (\(message))")
            case .SQLITE_CORRUPT: return StoreError(.notADatabase, file: file, reason: "damaged (\(message))")
            default: return StoreError(.sqlite, file: file, reason: "SQLite error (\(message))")
            }
        }
        return StoreError(.sqlite, file: file, reason: "\(error)")
    }

    /// The current time as the database stores it: ISO 8601 in UTC.
    static func now() -> String {
        Date().formatted(.iso8601)
    }
}

extension BatchStore {
    /// The counts a run keeps in its `runs` row.
    package struct RunCounts: Sendable, Equatable {
        package var done = 0
        package var skipped = 0
        package var linked = 0
        package var failed = 0

        package init(done: Int = 0, skipped: Int = 0, linked: Int = 0, failed: Int = 0) {
            self.done = done
            self.skipped = skipped
            self.linked = linked
            self.failed = failed
        }
    }

    /// Records the start of a run and returns its id.
    package func beginRun(command: String, shard: String? = nil) throws(StoreError) -> Int64 {
        try perform {
            try pool.write { db in
                try db.execute(
                    sql: "INSERT INTO runs (started_at, command, shard, version) VALUES (?, ?, ?, ?)",
                    arguments: [Self.now(), command, shard, TablefixVersion.current])
                return db.lastInsertedRowID
            }
        }
    }

    /// Records the end of a run.
    package func finishRun(_ run: Int64) throws(StoreError) {
        try perform {
            try pool.write { db in
                try db.execute(sql: "UPDATE runs SET finished_at = ? WHERE id = ?", arguments: [Self.now(), run])
            }
        }
    }

    /// The counts of every run, oldest first.
    package func runCounts() throws(StoreError) -> [RunCounts] {
        try perform {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT done, skipped, linked, failed FROM runs ORDER BY id").map { row in
                    RunCounts(done: row["done"], skipped: row["skipped"], linked: row["linked"], failed: row["failed"])
                }
            }
        }
    }

    /// What the database knows about one content hash.
    package struct Known: Sendable, Equatable {
        /// The document's primary path.
        package var path: String
        /// `done` or `failed`.
        package var status: String
        /// The run that wrote it.
        package var run: Int64?
        /// Why it failed (`FILE: cause`).
        package var error: String?
    }

    /// What the database holds of one content hash: the batch loop asks it of every file
    /// it hashes (``claim(path:hash:run:_:)``).
    package struct History: Sendable, Equatable {
        /// The document with this content, if one was written.
        package var known: Known?
        /// How many runs other than the asking one started processing this content and
        /// never finished.
        package var interruptions: Int
    }

    /// Reads what the database holds of content `hash` and, when `decide` says that the
    /// run processes it, records the attempt (as ``startAttempt(path:hash:run:)`` does),
    /// all in one transaction, committed before this returns.
    ///
    /// - Parameters:
    ///   - path: The file that holds the content.
    ///   - run: The run asking; its own attempts are no interruptions.
    ///   - decide: Given the history, what to do with the file, and whether that is to
    ///     process it.
    /// - Returns: What `decide` returned, and the attempt's id when one was recorded.
    package func claim<Verdict>(
        path: String, hash: String, run: Int64, _ decide: (History) -> (verdict: Verdict, process: Bool)
    ) throws(StoreError) -> (verdict: Verdict, attempt: Int64?) {
        try perform {
            try pool.write { db in
                let known = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT path, status, run, error FROM documents WHERE hash = ?"), arguments: [hash]
                ).map { row in Known(path: row["path"], status: row["status"], run: row["run"], error: row["error"]) }
                let interruptions = try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT count(*) FROM attempts WHERE hash = ? AND status = 'started' AND run <> ?"),
                    arguments: [hash, run]) ?? 0
                let (verdict, process) = decide(History(known: known, interruptions: interruptions))
                return (verdict, process ? try insertAttempt(path: path, hash: hash, run: run, db: db) : nil)
            }
        }
    }
}
