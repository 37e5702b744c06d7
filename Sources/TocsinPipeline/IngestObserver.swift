import TocsinCore

/// Sees what is ingested, once it is stored: the rules engine watches the same stream as
/// the detectors this way. Calls must be cheap and never block (hand the work to a task).
public protocol IngestObserver: Sendable {
    /// Points were stored.
    func ingested(_ points: [(key: SeriesKey, point: Point)])
    /// Log records were stored.
    func ingested(_ records: [LogRecord])
}
