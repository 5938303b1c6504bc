import Foundation
import GRDB

/// The ids of the texts that cells and checks repeat (`strings`), remembered once read:
/// a document's two hundred cells name a few dozen texts, all known after the first one.
///
/// Ids never change once given (no row of `strings` is ever deleted), so what is
/// remembered stays true for the database's life.
final class StringTable: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String: Int64] = [:]

    /// Forgets every id, after a transaction that may have added some rolled back.
    func forgetAll() {
        lock.lock()
        ids.removeAll()
        lock.unlock()
    }

    /// The id of `text`, added to `strings` when new.
    func id(_ text: String, db: Database) throws -> Int64 {
        lock.lock()
        let known = ids[text]
        lock.unlock()
        if let known { return known }
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO strings (text) VALUES (?)").execute(arguments: [text])
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM strings WHERE text = ?"), arguments: [text])
        else {
            throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "string not stored: \(text)")
        }
        lock.lock()
        ids[text] = id
        lock.unlock()
        return id
    }
}
