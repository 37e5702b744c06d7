import Foundation

/// Opens the store a URL names (see ``StoreURL``).
public enum StoreFactory {
    /// Opens and migrates the store at `url`: `sqlite:PATH` (creating the file and its
    /// parent folders) or `postgres://user:pass@host:port/db`. Throws
    /// ``StoreError/Kind/configuration`` for an invalid URL and
    /// ``StoreError/Kind/unavailable`` when the database cannot be opened or migrated.
    public static func open(url: String) async throws -> any TocsinStore {
        switch try StoreURL(parsing: url) {
        case .sqlite(let path):
            try createParentFolder(of: path)
            let store = try SQLiteStore(path: path)
            try await migrate(store)
            return store
        case .postgres(let settings):
            let store = PostgresStore(settings: settings)
            try await migrate(store)
            return store
        }
    }

    private static func createParentFolder(of path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError(.unavailable, "cannot create folder \(folder.path): \(error.localizedDescription)")
        }
    }

    /// Migrates `store`, closing it if that fails.
    private static func migrate(_ store: some TocsinStore) async throws {
        do {
            try await store.migrate()
        } catch {
            try? await store.close()
            throw error
        }
    }
}
