import Foundation
import TocsinCore
import TocsinPipeline
import TocsinResponse
import TocsinStore

/// `/`: services and instances with their health, open incidents, the anomaly rate over the
/// last hours of data, and the latest alerts and actions.
struct OverviewPage {
    let analyses: [SeriesAnalysis]
    let incidents: [Incident]
    let alerts: [TrackedAlert]
    let actions: [ActionRecord]
    /// The anomalies of the charted hours.
    let anomalies: [AnomalyRecord]
    /// The end of the charted hours: the newest data.
    let end: Date
    /// How many hours the anomaly rate covers.
    static let hours = 6

    /// The page's content.
    func render() -> String {
        let open = incidents.filter { $0.status == .open }
        return """
        <section aria-labelledby="services-heading" data-live="services">
        <h2 id="services-heading">Services</h2>
        \(servicesTable(open: open))
        </section>
        <div class="columns">
        <section aria-labelledby="open-heading" data-live="open-incidents">
        <h2 id="open-heading">Open incidents</h2>
        \(IncidentRows.table(open, caption: "Incidents still receiving anomalies", empty: "No open incident."))
        </section>
        <section aria-labelledby="rate-heading" data-live="rate">
        <h2 id="rate-heading">Anomaly rate, last \(Self.hours) hours of data</h2>
        \(AnomalyRateChart(anomalies: anomalies, end: end, hours: Self.hours).render())
        </section>
        </div>
        <section aria-labelledby="alerts-heading" data-live="latest-alerts">
        <h2 id="alerts-heading">Latest alerts</h2>
        \(HTML.table(caption: "The ten newest alerts", headers: AlertRows.headers(controls: false),
                     rows: Array(AlertRows.rows(alerts, controls: false).prefix(10)), empty: "No alert."))
        <p><a href="/alerts">All alerts and silences</a></p>
        </section>
        <section aria-labelledby="actions-heading" data-live="latest-actions">
        <h2 id="actions-heading">Latest actions</h2>
        \(HTML.table(caption: "The ten newest remediation actions", headers: ActionRows.headers(controls: false),
                     rows: ActionRows.rows(Array(actions.prefix(10)), controls: false), empty: "No remediation action."))
        <p><a href="/actions">All actions</a></p>
        </section>
        """
    }

    /// One row per service: its instances with their health, series, anomalous series and open incidents.
    private func servicesTable(open: [Incident]) -> String {
        var services: [String: [SeriesAnalysis]] = [:]
        for analysis in analyses { services[analysis.series["service"] ?? "(no service)", default: []].append(analysis) }
        let rows = services.keys.sorted().map { service -> (attributes: String, cells: [String]) in
            let members = services[service] ?? []
            var instances: [String: [SeriesAnalysis]] = [:]
            for analysis in members { instances[analysis.series["instance"] ?? "-", default: []].append(analysis) }
            let serviceIncidents = open.filter { $0.scope["service"] == service || instances.keys.contains($0.scope["instance"] ?? "\u{0}") }
            let instanceCells = instances.keys.sorted().map { instance -> String in
                let health = Self.health(anomalous: instances[instance]?.contains { $0.anomalous } ?? false,
                                         incident: serviceIncidents.contains { $0.scope["instance"] == instance })
                return "<li>\(HTML.escape(instance)) \(HTML.badge(health, kind: health))</li>"
            }.joined()
            let anomalous = members.count { $0.anomalous }
            let health = Self.health(anomalous: anomalous > 0, incident: !serviceIncidents.isEmpty)
            let link = "/series" + HTML.query([("q", "service=\"\(service)\"")])
            return ("data-service=\"\(HTML.escape(service))\"",
                    ["<a href=\"\(HTML.escape(link))\">\(HTML.escape(service))</a>", HTML.badge(health, kind: health),
                     "<ul class=\"inline\">\(instanceCells)</ul>", String(members.count), String(anomalous), String(serviceIncidents.count)])
        }
        return HTML.table(caption: "Health by service: an open incident or a series anomalous now",
                          headers: ["Service", "Health", "Instances", "Series", "Anomalous now", "Open incidents"], rows: rows,
                          empty: "No series yet: send points to /v1/points or configure a source.")
    }

    private static func health(anomalous: Bool, incident: Bool) -> String {
        incident ? "incident" : anomalous ? "anomalous" : "ok"
    }
}
