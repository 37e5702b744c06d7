import Foundation
import TocsinCore
import TocsinStore

/// Where root-cause analysis reads the log records around an anomaly: the records ingested
/// into the store, CloudWatch Logs, or both.
public struct LogLookup: Sendable {
    /// The records between two times, of a service and instance when given.
    public let records: @Sendable (_ from: Date, _ to: Date, _ service: String?, _ instance: String?) async throws -> [LogRecord]

    /// A lookup calling `records`.
    public init(_ records: @escaping @Sendable (_ from: Date, _ to: Date, _ service: String?, _ instance: String?) async throws -> [LogRecord]) {
        self.records = records
    }

    /// The records ingested into `store` (at most `limit`).
    public static func store(_ store: any LogRepository, limit: Int = 50_000) -> LogLookup {
        LogLookup { from, to, service, instance in
            try await store.logs(from: from, to: to, service: service, instance: instance, limit: limit)
        }
    }

    /// The records of every lookup, oldest first; a lookup that fails is skipped by `recover`.
    public static func combining(_ lookups: [LogLookup], recover: @escaping @Sendable (any Error) -> Void) -> LogLookup {
        LogLookup { from, to, service, instance in
            var all: [LogRecord] = []
            for lookup in lookups {
                do { all += try await lookup.records(from, to, service, instance) } catch { recover(error) }
            }
            return all.sorted { $0.timestamp < $1.timestamp }
        }
    }
}
