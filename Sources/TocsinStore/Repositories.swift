import Foundation
import TocsinCore

/// A stored series: its key and the store's identifier for it.
public struct SeriesRecord: Sendable, Hashable, Codable {
    /// The store's identifier.
    public var id: Int64
    /// The series key.
    public var key: SeriesKey
    /// When the series was first stored.
    public var created: Date

    /// Creates a record.
    public init(id: Int64, key: SeriesKey, created: Date) {
        self.id = id
        self.key = key
        self.created = created
    }
}

/// A point of a stored series.
public struct PointRecord: Sendable, Hashable, Codable {
    /// The series identifier.
    public var series: Int64
    /// When the value was observed.
    public var timestamp: Date
    /// The value.
    public var value: Double

    /// Creates a record.
    public init(series: Int64, timestamp: Date, value: Double) {
        self.series = series
        self.timestamp = timestamp
        self.value = value
    }
}

/// A detector's verdict on one stored point.
public struct ScoreRecord: Sendable, Hashable, Codable {
    /// The series identifier.
    public var series: Int64
    /// The scored point's time.
    public var timestamp: Date
    /// The score (higher is more anomalous).
    public var score: Double
    /// The threshold in force.
    public var threshold: Double
    /// The detector's name.
    public var detector: String

    /// Creates a record.
    public init(series: Int64, timestamp: Date, score: Double, threshold: Double, detector: String) {
        self.series = series
        self.timestamp = timestamp
        self.score = score
        self.threshold = threshold
        self.detector = detector
    }
}

/// A point with its score, if it has been scored.
public struct ScoredPoint: Sendable, Hashable, Codable {
    /// When the value was observed.
    public var timestamp: Date
    /// The value.
    public var value: Double
    /// The score, once detection has run.
    public var score: Double?
    /// The threshold in force when it was scored.
    public var threshold: Double?

    /// Creates a scored point.
    public init(timestamp: Date, value: Double, score: Double?, threshold: Double?) {
        self.timestamp = timestamp
        self.value = value
        self.score = score
        self.threshold = threshold
    }
}

/// A stored anomaly.
public struct AnomalyRecord: Sendable, Hashable, Codable {
    /// The store's identifier (0 until stored).
    public var id: Int64
    /// The series identifier.
    public var series: Int64
    /// The anomaly itself.
    public var anomaly: Anomaly
    /// The incident it belongs to, once grouped.
    public var incident: Int64?

    /// Creates a record.
    public init(id: Int64 = 0, series: Int64, anomaly: Anomaly, incident: Int64? = nil) {
        self.id = id
        self.series = series
        self.anomaly = anomaly
        self.incident = incident
    }
}

/// A saved model for one series.
public struct ModelRecord: Sendable, Hashable, Codable {
    /// The series identifier.
    public var series: Int64
    /// The detector's catalog name.
    public var detector: String
    /// The model artifact (see `DetectorCatalog.save`).
    public var artifact: Data
    /// When it was saved.
    public var updated: Date

    /// Creates a record.
    public init(series: Int64, detector: String, artifact: Data, updated: Date) {
        self.series = series
        self.detector = detector
        self.artifact = artifact
        self.updated = updated
    }
}

/// Series and their identifiers.
public protocol SeriesRepository: Sendable {
    /// The identifiers of `keys`, creating the missing series (in the order of `keys`).
    /// Creating more than `limit` series in total fails with a ``StoreError`` of kind
    /// `.cardinality`, and then creates none.
    func resolveSeries(_ keys: [SeriesKey], now: Date, limit: Int) async throws -> [SeriesKey: Int64]
    /// Every series, ordered by identifier.
    func allSeries() async throws -> [SeriesRecord]
    /// One series by identifier.
    func series(id: Int64) async throws -> SeriesRecord?
}

/// Points and their scores.
public protocol PointRepository: Sendable {
    /// Stores points durably before returning. A point whose series and timestamp are
    /// already stored is ignored (ingest is idempotent). Returns how many were new.
    @discardableResult
    func appendPoints(_ points: [PointRecord]) async throws -> Int
    /// Stores scores (replacing an earlier score of the same point).
    func appendScores(_ scores: [ScoreRecord]) async throws
    /// The points of a series in `[from, to)`, oldest first, with their scores, at most `limit`.
    func points(series: Int64, from: Date, to: Date, limit: Int) async throws -> [ScoredPoint]
}

/// Structured logs.
public protocol LogRepository: Sendable {
    /// Stores records durably before returning.
    func appendLogs(_ records: [LogRecord]) async throws
    /// Records in `[from, to)`, optionally of one service and/or instance, oldest first, at most `limit`.
    func logs(from: Date, to: Date, service: String?, instance: String?, limit: Int) async throws -> [LogRecord]
}

/// Anomalies and the incidents that group them.
public protocol AnomalyRepository: Sendable {
    /// Stores anomalies and returns them with their identifiers (and links those whose
    /// `incident` is set).
    func appendAnomalies(_ anomalies: [AnomalyRecord]) async throws -> [AnomalyRecord]
    /// Anomalies in `[from, to)`, optionally of one series, newest first, at most `limit`.
    func anomalies(from: Date, to: Date, series: Int64?, limit: Int) async throws -> [AnomalyRecord]
    /// Inserts (id 0) or updates an incident and returns its identifier. Updating an
    /// identifier that is not stored fails with a ``StoreError`` of kind `.notFound`.
    func saveIncident(_ incident: Incident) async throws -> Int64
    /// Links anomalies to an incident, moving them from any earlier one. An unknown
    /// incident or anomaly fails with a ``StoreError`` of kind `.notFound` and links nothing.
    func assign(anomalies: [Int64], to incident: Int64) async throws
    /// Incidents, newest first, at most `limit`.
    func incidents(limit: Int) async throws -> [Incident]
    /// One incident.
    func incident(id: Int64) async throws -> Incident?
    /// The anomalies of one incident, oldest first.
    func anomalies(incident: Int64) async throws -> [AnomalyRecord]
}

/// Saved detector models.
public protocol ModelStore: Sendable {
    /// Saves (or replaces) the model of a series.
    func saveModel(_ model: ModelRecord) async throws
    /// Every saved model.
    func loadModels() async throws -> [ModelRecord]
}

/// Everything Tocsin stores, behind one value: SQLite or PostgreSQL.
/// The outbox of alert sinks: messages kept until delivered.
public protocol OutboxRepository: Sendable {
    /// Queues `payloads` for `sink`, due at once; returns the new records in order.
    func enqueue(sink: String, payloads: [Data], at now: Date) async throws -> [OutboxRecord]
    /// The pending records of `sink`, oldest first, up to the first one not due by `now`: a
    /// sink's messages go out in order, so a message waiting for its retry holds back the later ones.
    func dueOutbox(sink: String, now: Date, limit: Int) async throws -> [OutboxRecord]
    /// Marks a record delivered.
    func markDelivered(_ id: Int64, at now: Date) async throws
    /// Counts a failed attempt: due again at `retryAt`, or failed for good when it is nil.
    func markAttemptFailed(_ id: Int64, at now: Date, error: String, retryAt: Date?) async throws
    /// Records of any sink, newest first, optionally only those in `status`.
    func outbox(status: OutboxRecord.Status?, limit: Int) async throws -> [OutboxRecord]
}

/// Remediation actions and their audit log.
public protocol ActionRepository: Sendable {
    /// Stores a new action (its `id` is assigned) with the audit entry `event`; returns it.
    func createAction(_ action: ActionRecord, event: String) async throws -> ActionRecord
    /// Moves an action to `status` with `detail` and appends the audit entry `event`, in one
    /// transaction; nil when no action has that id.
    func advanceAction(_ id: Int64, to status: ActionRecord.Status, event: String, detail: String, at now: Date) async throws -> ActionRecord?
    /// One action.
    func action(id: Int64) async throws -> ActionRecord?
    /// Actions, newest first.
    func actions(limit: Int) async throws -> [ActionRecord]
    /// Audit entries, oldest first, of one action or of all.
    func audit(action: Int64?, limit: Int) async throws -> [AuditEntry]
}

/// Named blobs of service state (the alert dispatcher's, for instance) that survive restarts.
public protocol StateRepository: Sendable {
    /// Saves (or replaces) the state called `name`.
    func saveState(_ name: String, _ data: Data, at now: Date) async throws
    /// The state called `name`, if saved.
    func loadState(_ name: String) async throws -> Data?
}

public protocol TocsinStore: SeriesRepository, PointRepository, LogRepository, AnomalyRepository, ModelStore, OutboxRepository,
    ActionRepository, StateRepository {
    /// Creates or upgrades the schema.
    func migrate() async throws
    /// Deletes points, scores, logs and anomalies older than `cutoff`; returns the rows removed.
    @discardableResult
    func deleteOlderThan(_ cutoff: Date) async throws -> Int
    /// Releases connections.
    func close() async throws
}

/// A store failure, with a kind callers can act on and a one-line message.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        let name: String
        /// Too many distinct series.
        public static let cardinality = Kind(name: "cardinality")
        /// The store URL or configuration is invalid.
        public static let configuration = Kind(name: "configuration")
        /// The database failed or is unreachable.
        public static let unavailable = Kind(name: "unavailable")
        /// An identifier names no stored row (updating an unknown incident, assigning an unknown anomaly).
        public static let notFound = Kind(name: "notFound")

        public var description: String { name }
    }

    /// The kind.
    public let kind: Kind
    /// What happened (never includes a password).
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
