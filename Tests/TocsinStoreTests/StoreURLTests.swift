import Foundation
import Testing
import TocsinStore

@Suite("Store URLs")
struct StoreURLTests {
    @Test("SQLite URLs name a path")
    func sqlite() throws {
        #expect(try StoreURL(parsing: "sqlite:data/tocsin.sqlite") == .sqlite(path: "data/tocsin.sqlite"))
        #expect(try StoreURL(parsing: "sqlite:/var/lib/tocsin/db.sqlite") == .sqlite(path: "/var/lib/tocsin/db.sqlite"))
        #expect(try StoreURL(parsing: "sqlite:///var/lib/tocsin/db.sqlite") == .sqlite(path: "/var/lib/tocsin/db.sqlite"))
    }

    @Test("PostgreSQL URLs give settings with defaults")
    func postgres() throws {
        #expect(try StoreURL(parsing: "postgres://tocsin:s%40cret%2F@db.internal:6543/metrics?sslmode=require")
            == .postgres(PostgresSettings(host: "db.internal", port: 6543, username: "tocsin", password: "s@cret/",
                                          database: "metrics", tls: .require)))
        #expect(try StoreURL(parsing: "postgresql://127.0.0.1")
            == .postgres(PostgresSettings(host: "127.0.0.1", port: 5432, username: "postgres", password: nil,
                                          database: "postgres", tls: .disable)))
        let settings = try PostgresSettings(parsing: "postgres://u:hunter2@h:5433/db")
        #expect(settings.description == "postgres://u:***@h:5433/db")
        #expect(try StoreURL(parsing: "postgres://u:hunter2@h/db").description == "postgres://u:***@h:5432/db")
    }

    @Test("invalid URLs fail with .configuration and never show the password", arguments: [
        "", "tocsin.sqlite", "mysql://u:hunter2@h/db", "sqlite:", "sqlite::memory:",
        "postgres://u:hunter2@/db", "postgres://u:hunter2@h:99999/db", "postgres://u:hunter2@h:port/db",
        "postgres://u:hunter2@h/db/extra", "postgres://u:hunter2@h/db?sslmode=bogus", "postgres://u:hunter2@h/db?pool=3",
    ])
    func invalid(url: String) async throws {
        let error = await #expect(throws: StoreError.self) { try await StoreFactory.open(url: url) }
        #expect(error?.kind == .configuration)
        #expect(error?.message.contains("hunter2") == false)
    }

    @Test("an unreachable server fails with .unavailable and never shows the password")
    func unreachable() async throws {
        let error = await #expect(throws: StoreError.self) {
            try await StoreFactory.open(url: "postgres://tocsin:hunter2@127.0.0.1:1/tocsin")
        }
        #expect(error?.kind == .unavailable)
        #expect(error?.message.contains("hunter2") == false)
        #expect(error?.message.contains("127.0.0.1") == true)
    }

    @Test("opening an SQLite URL creates the parent folders")
    func createsFolders() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-url-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("a/b/store.sqlite").path
        let store = try await StoreFactory.open(url: "sqlite:" + path)
        try await store.close()
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
