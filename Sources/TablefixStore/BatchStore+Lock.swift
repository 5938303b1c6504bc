import Foundation
import GRDB

extension BatchStore {
    /// Takes the database for one batch run: a second batch on the same database (from
    /// this machine or another that shares the file) is refused while the first runs,
    /// instead of doing its work again beside it.
    ///
    /// A lock left by a batch that no longer runs (killed) on this machine is taken over.
    ///
    /// - Throws: ``StoreError`` with code `locked`, naming the process that holds it.
    package func lockForBatch() throws(StoreError) {
        let pid = Int(ProcessInfo.processInfo.processIdentifier)
        let host = ProcessInfo.processInfo.hostName
        try perform {
            try pool.write { db in
                if let holder = try Row.fetchOne(db, sql: "SELECT pid, host, started_at FROM batch_lock WHERE id = 1") {
                    let holderPID: Int = holder["pid"], holderHost: String = holder["host"]
                    let alive = holderHost != host || kill(pid_t(holderPID), 0) == 0 || errno == EPERM
                    if alive, !(holderHost == host && holderPID == pid) {
                        let since: String = holder["started_at"]
                        throw StoreError(
                            .locked, file: path,
                            reason: "another batch (process \(holderPID) on \(holderHost), since \(since)) is writing it; "
                                + "wait for it to end")
                    }
                }
                try db.execute(
                    sql: "INSERT OR REPLACE INTO batch_lock (id, pid, host, started_at) VALUES (1, ?, ?, ?)",
                    arguments: [pid, host, Self.now()])
            }
        }
    }

    /// Gives the database back at the end of a batch run.
    package func unlockForBatch() throws(StoreError) {
        let pid = Int(ProcessInfo.processInfo.processIdentifier)
        try perform {
            try pool.write { db in
                try db.execute(sql: "DELETE FROM batch_lock WHERE pid = ?", arguments: [pid])
            }
        }
    }
}
