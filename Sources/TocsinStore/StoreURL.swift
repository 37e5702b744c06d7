import Foundation

/// Where a store lives, parsed from a URL:
///
/// - `sqlite:PATH` (also `sqlite://PATH`): an SQLite file, relative or absolute.
/// - `postgres://USER:PASSWORD@HOST:PORT/DATABASE` (also `postgresql://`): a PostgreSQL
///   database. The user defaults to `postgres`, the port to 5432, the database to the
///   user's name; a password with reserved characters must be percent-encoded. The
///   query may set `sslmode=disable` (the default), `prefer` or `require` (TLS with
///   certificate verification).
///
/// Neither ``description`` nor a parsing error ever contains the password.
public enum StoreURL: Sendable, Hashable, CustomStringConvertible {
    /// An SQLite file.
    case sqlite(path: String)
    /// A PostgreSQL database.
    case postgres(PostgresSettings)

    /// Parses `url`, throwing ``StoreError/Kind/configuration`` when it is invalid.
    public init(parsing url: String) throws {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.firstIndex(of: ":") else {
            throw StoreError(.configuration, "store URL has no scheme: expected sqlite:PATH or postgres://…")
        }
        let scheme = trimmed[..<colon].lowercased()
        switch scheme {
        case "sqlite":
            var path = trimmed[trimmed.index(after: colon)...]
            if path.hasPrefix("//") { path = path.dropFirst(2) }
            guard !path.isEmpty else { throw StoreError(.configuration, "sqlite store URL has no path: expected sqlite:PATH") }
            guard path != ":memory:" else {
                throw StoreError(.configuration, "in-memory SQLite stores are not supported: give a file path")
            }
            self = .sqlite(path: String(path))
        case "postgres", "postgresql":
            self = .postgres(try PostgresSettings(parsing: trimmed))
        default:
            throw StoreError(.configuration, "unsupported store URL scheme '\(scheme)': expected sqlite or postgres")
        }
    }

    /// The URL with the password replaced by `***`.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let settings): settings.description
        }
    }
}
