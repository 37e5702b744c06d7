import GRDB
import GRDBSQLite

/// A multi-row INSERT run over a batch, with values bound straight into SQLite: no
/// `StatementArguments` (and no allocation) per row. Rows go through cached
/// `INSERT … VALUES (…), (…), …` statements of ``rowsPerStatement`` rows (256, then 16,
/// then 1 for the remainder), which spares SQLite most of its per-statement work. This is
/// the ingest hot path of points and scores.
struct SQLiteBatchInsert {
    /// SQLite's "copy the bytes now" destructor for bound text.
    static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// The row counts of the statements, largest first; the last must be 1.
    static let rowsPerStatement = [256, 16, 1]

    private let statements: [(rows: Int, statement: Statement)]
    private let columns: Int32

    /// The statements `insert VALUES (?, …), …` for rows of `columns` values, prepared
    /// once per connection and cached by GRDB. `insert` is e.g.
    /// `INSERT OR IGNORE INTO points (series, ts, value)`.
    init(_ db: Database, insert: String, columns: Int) throws {
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        statements = try Self.rowsPerStatement.map { rows in
            (rows, try db.cachedStatement(sql: insert + " VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")))
        }
        self.columns = Int32(columns)
    }

    /// Inserts `elements` in order, binding each with `bind` (given the statement and the
    /// index of the element's first parameter, and returning an SQLite result code), and
    /// returns how many rows changed.
    func run<Element>(_ elements: [Element], bind: (SQLiteStatement, Int32, Element) -> CInt) throws -> Int {
        guard let first = statements.first else { return 0 }
        let connection = sqlite3_db_handle(first.statement.sqliteStatement)
        let before = sqlite3_total_changes64(connection)
        var start = elements.startIndex
        for (rows, statement) in statements {
            while elements.endIndex - start >= rows {
                try execute(statement, elements[start..<start + rows], bind)
                start += rows
            }
        }
        return Int(sqlite3_total_changes64(connection) - before)
    }

    private func execute<Element>(
        _ statement: Statement, _ rows: ArraySlice<Element>, _ bind: (SQLiteStatement, Int32, Element) -> CInt
    ) throws {
        let handle = statement.sqliteStatement
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        var parameter: Int32 = 1
        for row in rows {
            let code = bind(handle, parameter, row)
            guard code == SQLITE_OK else { throw failure(code, statement) }
            parameter += columns
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw failure(code, statement) }
    }

    private func failure(_ code: CInt, _ statement: Statement) -> DatabaseError {
        let message = sqlite3_errmsg(sqlite3_db_handle(statement.sqliteStatement)).map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}
