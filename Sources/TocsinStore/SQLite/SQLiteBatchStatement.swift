import GRDB
import GRDBSQLite

/// One cached statement run once per element of a batch, with values bound straight
/// into SQLite: no `StatementArguments` (and no allocation) per row. This is the
/// ingest hot path of points and scores.
struct SQLiteBatchStatement {
    /// SQLite's "copy the bytes now" destructor for bound text.
    static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    private let statement: Statement

    /// The statement of `sql`, prepared once per connection and cached by GRDB.
    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    /// Binds each element with `bind` (which returns an SQLite result code), steps the
    /// statement, and returns how many rows the batch changed.
    func run<Element>(_ elements: [Element], bind: (SQLiteStatement, Element) -> CInt) throws -> Int {
        let handle = statement.sqliteStatement
        let connection = sqlite3_db_handle(handle)
        let before = sqlite3_total_changes64(connection)
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        for element in elements {
            var code = bind(handle, element)
            guard code == SQLITE_OK else { throw failure(code, connection) }
            code = sqlite3_step(handle)
            guard code == SQLITE_DONE else { throw failure(code, connection) }
            code = sqlite3_reset(handle)
            guard code == SQLITE_OK else { throw failure(code, connection) }
        }
        return Int(sqlite3_total_changes64(connection) - before)
    }

    private func failure(_ code: CInt, _ connection: OpaquePointer?) -> DatabaseError {
        let message = sqlite3_errmsg(connection).map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}
