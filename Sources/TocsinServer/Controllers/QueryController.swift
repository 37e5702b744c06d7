import Foundation
import Hummingbird
import TocsinCore
import TocsinPipeline
import TocsinStore

/// The read API: `/analyze`, series, points, anomalies and incidents.
struct QueryController<Context: RequestContext>: Sendable {
    let store: any TocsinStore
    let engine: DetectionEngine

    func addRoutes(to router: Router<Context>) {
        router.get("/analyze", use: analyze)
        router.get("/v1/series", use: series)
        router.get("/v1/series/{id}/points", use: points)
        router.get("/v1/anomalies", use: anomalies)
        router.get("/v1/incidents", use: incidents)
        router.get("/v1/incidents/{id}", use: incident)
    }

    private struct AnalyzeBody: Encodable {
        let generated: Date
        let series: [SeriesAnalysis]
    }

    @Sendable func analyze(_ request: Request, context: Context) async throws -> Response {
        try JSONResponse.make(AnalyzeBody(generated: Date(), series: await engine.analyses()))
    }

    private struct SeriesBody: Encodable {
        struct Item: Encodable {
            let id: Int64
            let name: String
            let labels: [String: String]
            let key: String
            let created: Date
        }

        let series: [Item]
        let total: Int
        let offset: Int
    }

    @Sendable func series(_ request: Request, context: Context) async throws -> Response {
        let query = QueryParameters(request.uri.queryParameters)
        let match = query.text("match")
        let offset = try query.offset()
        let limit = try query.limit(default: Int.max, max: 10_000)
        let found = SeriesSelection.filter(try await store.allSeries(), matching: match)
        return try JSONResponse.make(SeriesBody(series: found.dropFirst(offset).prefix(limit).map {
            .init(id: $0.id, name: $0.key.name, labels: Dictionary(uniqueKeysWithValues: $0.key.labels.map { ($0.name, $0.value) }),
                  key: $0.key.description, created: $0.created)
        }, total: found.count, offset: offset))
    }

    private struct PointsBody: Encodable {
        let series: Int64
        let key: String
        let points: [ScoredPoint]
        let total: Int
        let downsampled: Bool
    }

    @Sendable func points(_ request: Request, context: Context) async throws -> Response {
        let id = try QueryParameters.identifier(context.parameters.get("id"), field: "id")
        guard let record = try await store.series(id: id) else { throw APIError.notFound("no series \(id)") }
        let query = QueryParameters(request.uri.queryParameters)
        let range = try query.range()
        // With `max`, long ranges are read whole (up to a million points) and thinned here.
        let maximum = try query.integer("max", in: 2...100_000)
        let limit = try maximum == nil ? query.limit(default: 10_000, max: 100_000) : query.limit(default: 1_000_000, max: 1_000_000)
        let points = try await store.points(series: id, from: range.from, to: range.to, limit: limit)
        let shown = maximum.map { Downsampler.reduce(points, to: $0) } ?? points
        return try JSONResponse.make(PointsBody(series: id, key: record.key.description, points: shown, total: points.count,
                                                downsampled: shown.count < points.count))
    }

    private struct AnomaliesBody: Encodable {
        struct Item: Encodable {
            let id: Int64
            let series: Int64
            let key: String
            let timestamp: Date
            let value: Double
            let score: Double
            let threshold: Double
            let detector: String
            let incident: Int64?
        }

        let anomalies: [Item]
    }

    private static func items(_ records: [AnomalyRecord]) -> [AnomaliesBody.Item] {
        records.map {
            .init(id: $0.id, series: $0.series, key: $0.anomaly.series.description, timestamp: $0.anomaly.timestamp,
                  value: $0.anomaly.value, score: $0.anomaly.score, threshold: $0.anomaly.threshold,
                  detector: $0.anomaly.detector, incident: $0.incident)
        }
    }

    @Sendable func anomalies(_ request: Request, context: Context) async throws -> Response {
        let query = QueryParameters(request.uri.queryParameters)
        let range = try query.range()
        let series = try query.optionalIdentifier("series")
        let found = try await store.anomalies(from: range.from, to: range.to, series: series, limit: try query.limit(default: 1_000, max: 10_000))
        return try JSONResponse.make(AnomaliesBody(anomalies: Self.items(found)))
    }

    private struct IncidentsBody: Encodable {
        let incidents: [Incident]
    }

    @Sendable func incidents(_ request: Request, context: Context) async throws -> Response {
        let query = QueryParameters(request.uri.queryParameters)
        return try JSONResponse.make(IncidentsBody(incidents: try await store.incidents(limit: try query.limit(default: 100, max: 1_000))))
    }

    private struct IncidentBody: Encodable {
        let incident: Incident
        let anomalies: [AnomaliesBody.Item]
    }

    @Sendable func incident(_ request: Request, context: Context) async throws -> Response {
        let id = try QueryParameters.identifier(context.parameters.get("id"), field: "id")
        guard let incident = try await store.incident(id: id) else { throw APIError.notFound("no incident \(id)") }
        return try JSONResponse.make(IncidentBody(incident: incident, anomalies: Self.items(try await store.anomalies(incident: id))))
    }
}
