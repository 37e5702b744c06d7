import PostgresNIO

/// Turns postgres-nio errors into ``StoreError``s whose messages say what the server
/// or the network said, and never carry credentials.
enum PostgresErrors {
    /// `error` as a ``StoreError`` (unchanged when it already is one).
    static func storeError(_ error: any Error, context: String) -> StoreError {
        if let error = error as? StoreError { return error }
        return StoreError(.unavailable, "\(context): \(describe(error))")
    }

    /// A one-line account of `error`.
    static func describe(_ error: any Error) -> String {
        if let error = error as? StoreError { return error.message }
        if let error = error as? PSQLError {
            if let server = error.serverInfo {
                let state = server[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                return (server[.message] ?? "server error") + state
            }
            if let underlying = error.underlying { return "\(error.code): \(underlying)" }
            return "\(error.code)"
        }
        return String(describing: error)
    }
}
