import Foundation
import Hummingbird
import TocsinCore
import TocsinNotify
import TocsinPipeline
import TocsinResponse
import TocsinStore

/// The web dashboard: server-rendered pages (every list works without JavaScript) and their
/// stylesheet and script. Changes go through the JSON API, which the script calls with the
/// token the user saves in the page.
struct DashboardController<Context: RequestContext>: Sendable {
    let store: any TocsinStore
    let engine: DetectionEngine
    let alerting: AlertingService?
    let layout: DashboardLayout

    func addRoutes(to router: Router<Context>) {
        router.get("/", use: overview)
        router.get("/series", use: seriesList)
        router.get("/series/{id}", use: series)
        router.get("/incidents", use: incidents)
        router.get("/incidents/{id}", use: incident)
        router.get("/alerts", use: alerts)
        router.get("/actions", use: actions)
        router.get("/assets/dashboard.css") { _, _ in Self.asset(DashboardStyle.css, type: "text/css; charset=utf-8") }
        router.get("/assets/dashboard.js") { _, _ in Self.asset(DashboardScript.javaScript, type: "text/javascript; charset=utf-8") }
    }

    private static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private func trackedAlerts() async -> [TrackedAlert] {
        guard let alerting else { return [] }
        return await alerting.alerts()
    }

    @Sendable func overview(_ request: Request, context: Context) async throws -> Response {
        let analyses = await engine.analyses()
        let end = analyses.map(\.timestamp).max() ?? Date()
        let anomalies = try await store.anomalies(from: end.addingTimeInterval(-Double(OverviewPage.hours) * 3_600), to: end.addingTimeInterval(1),
                                                  series: nil, limit: 10_000)
        let page = OverviewPage(analyses: analyses, incidents: try await store.incidents(limit: 200), alerts: await trackedAlerts(),
                                actions: try await store.actions(limit: 10), anomalies: anomalies, end: end)
        return HTML.response(layout.page(.overview, title: "Overview", body: page.render()))
    }

    @Sendable func seriesList(_ request: Request, context: Context) async throws -> Response {
        let query = QueryParameters(request.uri.queryParameters)
        let match = query.text("q")
        let page = try query.integer("page", in: 1...1_000_000) ?? 1
        let found = SeriesSelection.filter(try await store.allSeries(), matching: match)
        var analyses: [Int64: SeriesAnalysis] = [:]
        for analysis in await engine.analyses() { analyses[analysis.id] = analysis }
        let body = SeriesListPage(series: found, analyses: analyses, match: match, page: page).render()
        return HTML.response(layout.page(.series, title: "Series", body: body))
    }

    @Sendable func series(_ request: Request, context: Context) async throws -> Response {
        let id = try QueryParameters.identifier(context.parameters.get("id"), field: "id")
        guard let record = try await store.series(id: id) else { throw APIError.notFound("no series \(id)") }
        let query = QueryParameters(request.uri.queryParameters)
        let analysis = await engine.analyses().first { $0.id == id }
        let latest = analysis?.timestamp ?? Date()
        let from = try query.date("from"), to = try query.date("to")
        let range = (from: from ?? (to ?? latest).addingTimeInterval(-6 * 3_600), to: to ?? latest.addingTimeInterval(1))
        guard range.from < range.to else { throw APIError.badRequest("invalid_range", "from must be before to", field: "from") }
        let maximum = try query.integer("max", in: 2...100_000)
        let anomalies = try await store.anomalies(from: range.from, to: range.to, series: id, limit: 500)
        let page = SeriesPage(record: record, analysis: analysis, from: range.from, to: range.to, follows: from == nil && to == nil,
                              maximum: maximum, anomalies: anomalies)
        return HTML.response(layout.page(.series, title: record.key.description, body: page.render()))
    }

    @Sendable func incidents(_ request: Request, context: Context) async throws -> Response {
        let query = QueryParameters(request.uri.queryParameters)
        let status = try DashboardForms.choice(query, "status", among: ["open", "resolved"])
        let limit = try query.limit(default: 100, max: 1_000)
        let found = try await store.incidents(limit: limit).filter { status == nil || $0.status.rawValue == status }
        let body = """
        <form class="filters" method="get" aria-label="Filter incidents">
        \(DashboardForms.select("status", label: "Status", options: ["open", "resolved"], selected: status))
        <button type="submit">Filter</button>
        </form>
        <section aria-labelledby="timeline-heading" data-live="timeline">
        <h2 id="timeline-heading">Timeline</h2>
        <div class="timeline-wrap">\(IncidentTimeline(incidents: found).render())</div>
        \(IncidentRows.table(found, caption: "Incidents, newest first; each opens into its anomalies, hints, alerts and actions",
                             empty: "No incident."))
        </section>
        """
        return HTML.response(layout.page(.incidents, title: "Incidents", body: body))
    }

    @Sendable func incident(_ request: Request, context: Context) async throws -> Response {
        let id = try QueryParameters.identifier(context.parameters.get("id"), field: "id")
        guard let incident = try await store.incident(id: id) else { throw APIError.notFound("no incident \(id)") }
        let actions = try await store.actions(limit: 1_000).filter { $0.incident == id }
        var audit: [Int64: [AuditEntry]] = [:]
        for action in actions { audit[action.id] = try await store.audit(action: action.id, limit: 100) }
        let alerts = await trackedAlerts().filter { $0.alert.annotations["incident"] == String(id) }
        let anomalies = try await store.anomalies(incident: id)
        let page = IncidentPage(incident: incident, anomalies: anomalies, alerts: alerts, actions: actions, audit: audit)
        return HTML.response(layout.page(.incidents, title: "Incident #\(id)", body: page.render()))
    }

    @Sendable func alerts(_ request: Request, context: Context) async throws -> Response {
        let query = QueryParameters(request.uri.queryParameters)
        let filter = AlertsPage.Filter(status: try DashboardForms.choice(query, "status", among: ["firing", "resolved"]),
                                       severity: try DashboardForms.choice(query, "severity", among: AlertSeverity.allCases.map(\.rawValue)),
                                       match: query.text("q"))
        let silences = await alerting?.silences() ?? []
        let notifications = try await store.outbox(status: nil, limit: 20)
        let page = AlertsPage(alerts: await trackedAlerts(), silences: silences, notifications: notifications, filter: filter,
                              configured: alerting != nil)
        return HTML.response(layout.page(.alerts, title: "Alerts", body: page.render()))
    }

    @Sendable func actions(_ request: Request, context: Context) async throws -> Response {
        let query = QueryParameters(request.uri.queryParameters)
        let status = try DashboardForms.choice(query, "status", among: ActionRecord.Status.allCases.map(\.rawValue))
        let limit = try query.limit(default: 100, max: 1_000)
        let actions = try await store.actions(limit: limit).filter { status == nil || $0.status.rawValue == status }
        var audit: [Int64: [AuditEntry]] = [:]
        for action in actions { audit[action.id] = try await store.audit(action: action.id, limit: 100) }
        let body = """
        <form class="filters" method="get" aria-label="Filter actions">
        \(DashboardForms.select("status", label: "Status", options: ActionRecord.Status.allCases.map(\.rawValue), selected: status))
        <button type="submit">Filter</button>
        </form>
        <section aria-labelledby="actions-heading" data-live="actions">
        <h2 id="actions-heading">Remediation actions</h2>
        \(HTML.table(caption: "Actions, newest first, with their audit trail; those awaiting approval can be approved here",
                     headers: ActionRows.headers(controls: true), rows: ActionRows.rows(actions, audit: audit, controls: true),
                     empty: "No remediation action."))
        </section>
        """
        return HTML.response(layout.page(.actions, title: "Actions", body: body))
    }
}
