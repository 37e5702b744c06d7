import TocsinCore

/// One thing the synthetic cloud emits: a metric sample or a log record.
public enum SyntheticEvent: Sendable, Hashable {
    /// A sample of one series.
    case point(SeriesKey, Point)
    /// A structured log record.
    case log(LogRecord)
}
