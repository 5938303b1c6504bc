import GRDB
import Testing
@testable import TablefixStore

/// The inserts bound by SQLite's own calls that write a document's rows.
@Suite("row inserts")
struct RowInsertTests {
    static let table = "CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, d REAL, s TEXT, b INTEGER, n REAL)"
    static let insert = "INSERT INTO t (id, i, d, s, b, n) VALUES (?, ?, ?, ?, ?, ?)"

    @Test("stores each value as GRDB's arguments store it: integers, reals, text up to a NUL in it, booleans, nulls")
    func bindsAsGRDB() throws {
        let queue = try DatabaseQueue()
        let rows = try queue.write { db in
            try db.execute(sql: Self.table)
            let text = "办结\u{0}率 ½"
            try db.execute(sql: Self.insert, arguments: [1, Int64.max, 0.1 + 0.2, text, true, nil as Double?])
            try RowInsert(db, sql: Self.insert).insert(2, Int64.max, 0.1 + 0.2, text, true, nil as Double?)
            return try Row.fetchAll(
                db, sql: "SELECT typeof(i), i, typeof(d), d, typeof(s), hex(s), typeof(b), b, typeof(n) FROM t ORDER BY id")
        }
        #expect(rows.count == 2)
        #expect(rows.first == rows.last)
    }

    @Test("a row of too few values is refused, nothing inserted")
    func tooFewValues() throws {
        let queue = try DatabaseQueue()
        let count = try queue.write { db in
            try db.execute(sql: Self.table)
            #expect(throws: DatabaseError.self) { try RowInsert(db, sql: Self.insert).insert(1, 2, 3.0) }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM t") ?? 0
        }
        #expect(count == 0)
    }

    @Test("a row SQLite refuses throws its error, and the next row goes in")
    func failureLeavesItReady() throws {
        let queue = try DatabaseQueue()
        let count = try queue.write { db in
            try db.execute(sql: Self.table)
            let insert = try RowInsert(db, sql: Self.insert)
            try insert.insert(1, 1, 1.0, "a", false, 1.0)
            #expect(throws: DatabaseError.self) { try insert.insert(1, 2, 2.0, "b", true, 2.0) }
            try insert.insert(2, 3, 3.0, "c", true, nil as Double?)
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM t") ?? 0
        }
        #expect(count == 2)
    }
}
