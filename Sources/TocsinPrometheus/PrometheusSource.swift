import Foundation
import Synchronization
import TocsinCore
import TocsinPipeline

/// A Prometheus server watched through PromQL queries: each pull asks `query_range` for
/// the samples since the last pull (at most `lookback` back), one every `step`, and
/// turns every returned series into a Tocsin series: named by the query's `name`, else
/// by the series' `__name__`, with the other labels as labels. Samples already returned
/// are never returned again; non-finite samples (NaN, ±Inf) are skipped.
public final class PrometheusSource: PullSource {
    /// A query to run on every pull.
    public struct Query: Sendable, Equatable {
        /// The PromQL expression.
        public var expression: String
        /// The series name for its results; nil keeps each result's `__name__`.
        public var name: String?

        /// A query named `name`.
        public init(expression: String, name: String? = nil) {
            self.expression = expression
            self.name = name
        }
    }

    /// The queries.
    public let queries: [Query]
    /// Seconds between samples.
    public let step: Double
    /// How far back the first pull reaches, in seconds.
    public let lookback: Double
    private let client: PrometheusClient
    private let pulledUntil = Mutex<[Int: Double]>([:])

    /// A source reading `queries` from the server `client` talks to.
    public init(client: PrometheusClient, queries: [Query], step: Double = 60, lookback: Double = 3_600) {
        self.client = client
        self.queries = queries
        self.step = step
        self.lookback = lookback
    }

    public var name: String { "prometheus:\(client.baseURL.absoluteString)" }

    /// The samples newer than the previous pull's, for every query.
    public func pull() async throws -> [(key: SeriesKey, point: Point)] {
        try await pull(now: Date().timeIntervalSince1970)
    }

    /// The samples up to `now` (epoch seconds) newer than the previous pull's.
    public func pull(now: Double) async throws(PrometheusError) -> [(key: SeriesKey, point: Point)] {
        var points: [(key: SeriesKey, point: Point)] = []
        for (index, query) in queries.enumerated() {
            let after = pulledUntil.withLock { $0[index] }
            let start = after.map { $0 + step } ?? now - lookback
            guard start <= now else { continue }
            let series = try await client.queryRange(query.expression, start: start, end: now, step: step)
            var newest = after
            for result in series {
                var labels = result.labels
                let metricName = labels.removeValue(forKey: "__name__")
                let key = SeriesKey(name: query.name ?? metricName ?? query.expression, labels: labels)
                for sample in result.samples where sample.value.isFinite && sample.time > (after ?? -.infinity) {
                    points.append((key, Point(epochSeconds: sample.time, value: sample.value)))
                    newest = max(newest ?? sample.time, sample.time)
                }
            }
            if let newest { pulledUntil.withLock { $0[index] = newest } }
        }
        return points
    }
}
