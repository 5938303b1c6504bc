import GRDB
import GRDBSQLite

/// A value SQLite's own calls bind to a statement, as GRDB binds it: integers and
/// booleans as integers, doubles as reals, strings as text, nil as null.
protocol RowValue {
    func bind(to statement: SQLiteStatement, at index: CInt)
}

extension Int64: RowValue {
    func bind(to statement: SQLiteStatement, at index: CInt) { sqlite3_bind_int64(statement, index, self) }
}

extension Int: RowValue {
    func bind(to statement: SQLiteStatement, at index: CInt) { sqlite3_bind_int64(statement, index, Int64(self)) }
}

extension Bool: RowValue {
    func bind(to statement: SQLiteStatement, at index: CInt) { sqlite3_bind_int64(statement, index, self ? 1 : 0) }
}

extension Double: RowValue {
    func bind(to statement: SQLiteStatement, at index: CInt) { sqlite3_bind_double(statement, index, self) }
}

extension String: RowValue {
    func bind(to statement: SQLiteStatement, at index: CInt) {
        // Up to a NUL, as GRDB binds text; SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
        withCString { sqlite3_bind_text(statement, index, $0, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self)) }
    }
}

extension Optional: RowValue where Wrapped: RowValue {
    func bind(to statement: SQLiteStatement, at index: CInt) {
        if let self { self.bind(to: statement, at: index) } else { sqlite3_bind_null(statement, index) }
    }
}

/// An `INSERT` run row after row with its values bound by SQLite's own calls: a document
/// writes its cells, checks and edits by the hundred, and GRDB's argument lists (an array
/// of values for each row, converted again to bind) cost more than SQLite's insert.
///
/// The statement is GRDB's cached one, used only here; it is reset after every row, so that
/// GRDB finds it as it left it. Inside a GRDB transaction, as every write of the store.
struct RowInsert {
    private let statement: Statement

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    /// Inserts one row of `values`, one for each of the statement's parameters in order.
    func insert<each Value: RowValue>(_ values: repeat each Value) throws {
        let handle = statement.sqliteStatement
        var count: CInt = 0
        for _ in repeat each values { count += 1 }
        guard count == sqlite3_bind_parameter_count(handle) else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "\(count) values for \(sqlite3_bind_parameter_count(handle)) parameters",
                                sql: statement.sql)
        }
        var index: CInt = 0
        for value in repeat each values {
            index += 1
            value.bind(to: handle, at: index)
        }
        let code = sqlite3_step(handle)
        let failure = code == SQLITE_DONE ? nil : String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        if let failure { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: failure, sql: statement.sql) }
    }
}
