import Foundation
import PostgresNIO
import TocsinStore

/// The backends every conformance test runs against.
enum Backend: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite, postgres

    var description: String { rawValue }
}

/// Why a test could not get a database.
struct TestSetupError: Error, CustomStringConvertible {
    let description: String
}

/// A fresh, empty database for one test: an SQLite file in its own temporary folder,
/// or a uniquely named PostgreSQL database created through the admin URL in
/// `TOCSIN_TEST_POSTGRES_URL`. Tests can therefore run in parallel.
struct TestDatabase: Sendable {
    static let postgresVariable = "TOCSIN_TEST_POSTGRES_URL"

    /// The store URL.
    let url: String
    private let backend: Backend
    private let name: String

    /// Creates the database.
    static func make(_ backend: Backend) async throws -> TestDatabase {
        let name = "tocsin_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        switch backend {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(name)
            return TestDatabase(url: "sqlite:" + folder.appendingPathComponent("nested/store.sqlite").path,
                                backend: backend, name: name)
        case .postgres:
            let admin = try adminURL()
            try await runAdmin("CREATE DATABASE \(name)", admin: admin)
            guard var components = URLComponents(string: admin) else {
                throw TestSetupError(description: "\(postgresVariable) is not a valid URL")
            }
            components.path = "/" + name
            guard let url = components.string else {
                throw TestSetupError(description: "cannot build the test database URL")
            }
            return TestDatabase(url: url, backend: backend, name: name)
        }
    }

    /// Opens (and migrates) a store on the database.
    func open() async throws -> any TocsinStore {
        try await StoreFactory.open(url: url)
    }

    /// Deletes the database.
    func drop() async throws {
        switch backend {
        case .sqlite:
            try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appendingPathComponent(name))
        case .postgres:
            try await Self.runAdmin("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", admin: try Self.adminURL())
        }
    }

    private static func adminURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment[postgresVariable], !url.isEmpty else {
            throw TestSetupError(description: """
                \(postgresVariable) is not set, so the PostgreSQL cases cannot run. Start a server and export its URL:
                  export \(postgresVariable)=$(scripts/services/postgres.sh start /tmp/tocsin-pg)
                then run the tests again (scripts/services/postgres.sh stop /tmp/tocsin-pg stops it).
                """)
        }
        return url
    }

    private static func runAdmin(_ sql: String, admin: String) async throws {
        let settings = try PostgresSettings(parsing: admin)
        let configuration = PostgresConnection.Configuration(
            host: settings.host, port: settings.port, username: settings.username, password: settings.password,
            database: settings.database, tls: .disable
        )
        let logger = Logger(label: "tocsin.tests.admin")
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw TestSetupError(description: """
                cannot connect to \(settings) (from \(postgresVariable)): \(error). \
                Is the server running? scripts/services/postgres.sh start /tmp/tocsin-pg starts one.
                """)
        }
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw TestSetupError(description: "\(sql) failed: \(String(reflecting: error))")
        }
    }
}

/// Runs `body` with a store on a fresh database, then closes the store and drops the database.
func withStore(
    _ backend: Backend, _ body: (any TocsinStore, TestDatabase) async throws -> Void
) async throws {
    let database = try await TestDatabase.make(backend)
    let store: any TocsinStore
    do {
        store = try await database.open()
    } catch {
        try? await database.drop()
        throw error
    }
    do {
        try await body(store, database)
    } catch {
        try? await store.close()
        try? await database.drop()
        throw error
    }
    try await store.close()
    try await database.drop()
}
