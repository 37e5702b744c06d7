import TocsinCore

/// A source Tocsin asks for data on a schedule (a query API, an exported file), as
/// opposed to one that pushes to the ingest API.
public protocol PullSource: Sendable {
    /// Names the source in logs, e.g. `csv:/var/export/cpu.csv`.
    var name: String { get }
    /// Points newer than what earlier pulls returned; the source keeps its own position.
    func pull() async throws -> [(key: SeriesKey, point: Point)]
}
