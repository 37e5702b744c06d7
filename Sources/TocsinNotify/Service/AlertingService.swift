import Foundation
import Logging
import ServiceLifecycle
import TocsinCore
import TocsinPipeline
import TocsinRemediate
import TocsinResponse
import TocsinStore

/// Turns what the detectors and the rules find into alerts, and alerts into notifications:
/// an incident becomes an alert enriched with its strongest anomaly and a root-cause report
/// (log templates whose rate changed, co-anomalous series; critical logs escalate it); a rule
/// that fires becomes an alert too. The ``AlertDispatcher`` routes, groups, deduplicates,
/// silences and repeats them; each notification is rendered by its receiver's sinks into the
/// store's outbox, which ``SinkDeliveryService`` delivers. Alerts also go to remediation.
///
/// It watches the pipeline (as a ``PipelineObserver``) and the ingest (as an
/// ``IngestObserver``) without blocking either: events are queued and handled in order by
/// ``run()``. The dispatcher's state is saved in the store and restored at start.
public actor AlertingService: Service, PipelineObserver, IngestObserver {
    /// What happened (queued with the time it was observed).
    enum Event: Sendable {
        case opened(Incident)
        case updated(Incident)
        case resolved(Incident)
        case points([(key: SeriesKey, point: Point)])
        case logs([LogRecord])
        case escalate(ActionRecord)
        case tick
    }

    /// The name the dispatcher's state is saved under.
    public static let stateName = "alerting"

    private var dispatcher: AlertDispatcher
    private var rules: RuleEngine
    private let sinks: [String: [any AlertSink]]
    private let store: any TocsinStore
    private let analyzer: RootCauseAnalyzer
    private let logs: LogLookup
    private let remediation: RemediationService?
    private let tick: Duration
    private let now: @Sendable () -> Date
    private let logger: Logger
    private nonisolated let events: AsyncStream<(Event, Date)>
    private nonisolated let input: AsyncStream<(Event, Date)>.Continuation
    /// The time of the event being handled.
    private var eventTime = Date.distantPast
    /// Whether some rule reads points, or logs; the others are not queued at all.
    private nonisolated let watchesPoints: Bool
    private nonisolated let watchesLogs: Bool
    /// The alert of each open incident.
    private var incidentAlerts: [Int64: Alert] = [:]
    /// When the dispatcher's state changed since it was saved.
    private var unsaved = false

    /// A service alerting `sinks` (by receiver name) through `dispatcher`, running `rules`,
    /// reading logs through `logs` for root-cause reports, and handing alerts to `remediation`.
    public init(dispatcher: AlertDispatcher, rules: RuleEngine, sinks: [String: [any AlertSink]], store: any TocsinStore,
                analyzer: RootCauseAnalyzer, logs: LogLookup, remediation: RemediationService?, tick: Duration = .seconds(1),
                now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "tocsin.alerting")) {
        self.dispatcher = dispatcher
        self.rules = rules
        self.sinks = sinks
        self.store = store
        self.analyzer = analyzer
        self.logs = logs
        self.remediation = remediation
        self.tick = tick
        self.now = now
        self.logger = logger
        (events, input) = AsyncStream.makeStream(of: (Event, Date).self)
        watchesPoints = !rules.metricRules.isEmpty
        watchesLogs = !(rules.burstRules.isEmpty && rules.ratioRules.isEmpty)
    }

    // MARK: Observing the pipeline and the ingest

    public nonisolated func detected(points: Int, anomalies: Int, duration: Duration) {}

    public nonisolated func scored(series: SeriesKey, score: Double) {}

    public nonisolated func opened(_ incident: Incident) { post(.opened(incident)) }

    public nonisolated func updated(_ incident: Incident) { post(.updated(incident)) }

    public nonisolated func resolved(_ incident: Incident) { post(.resolved(incident)) }

    public nonisolated func ingested(_ points: [(key: SeriesKey, point: Point)]) {
        if watchesPoints { post(.points(points)) }
    }

    public nonisolated func ingested(_ records: [LogRecord]) {
        if watchesLogs { post(.logs(records)) }
    }

    /// Raises the alert behind a remediation action that failed or did not help to critical.
    public nonisolated func escalate(_ action: ActionRecord) { post(.escalate(action)) }

    /// Queues `event`, stamped with the time it was observed (alerts are received at that time).
    private nonisolated func post(_ event: Event) {
        input.yield((event, now()))
    }

    // MARK: Running

    /// Restores the saved state, then handles events and the clock until graceful shutdown,
    /// when it flushes what is due and saves its state.
    public func run() async throws {
        await restore()
        let ticker = Task { [weak self, tick] in
            while !Task.isCancelled {
                try? await Task.sleep(for: tick)
                self?.post(.tick)
            }
        }
        await withGracefulShutdownHandler {
            for await (event, time) in events {
                eventTime = max(eventTime, time)
                await handle(event)
            }
        } onGracefulShutdown: { [input] in
            input.finish()
        }
        ticker.cancel()
        await flush(at: max(eventTime, now()))
        await save(force: true)
    }

    private func restore() async {
        do {
            guard let data = try await store.loadState(Self.stateName) else { return }
            let state = try JSONDecoder().decode(AlertingState.self, from: data)
            dispatcher = try AlertDispatcher(configuration: dispatcher.configuration, state: state)
            logger.info("restored the alerting state: \(dispatcher.trackedAlerts.count) alerts, \(dispatcher.silences.count) silences")
        } catch {
            logger.error("the saved alerting state could not be restored, starting afresh: \(error)")
        }
    }

    private func handle(_ event: Event) async {
        switch event {
        case .opened(let incident):
            let alert = await alert(for: incident)
            incidentAlerts[incident.id] = alert
            receive(alert)
            await remediate(alert, series: incident.series, incident: incident.id)
        case .updated(let incident):
            guard var alert = firingAlert(of: incident.id) else { return }
            alert.annotations["anomalies"] = String(incident.anomalyCount)
            alert.annotations["max_score"] = String(format: "%.3f", incident.maxScore)
            alert.annotations["series"] = incident.series.map(\.description).joined(separator: ", ")
            incidentAlerts[incident.id] = alert
            receive(alert)
        case .resolved(let incident):
            guard var alert = firingAlert(of: incident.id) else { return }
            incidentAlerts[incident.id] = nil
            alert.status = .resolved
            alert.endsAt = incident.end
            receive(alert)
        case .points(let points):
            for (key, point) in points { await handle(rules.observe(key, point)) }
        case .logs(let records):
            for record in records { await handle(rules.observe(record)) }
        case .escalate(let action):
            await escalate(action)
        case .tick:
            let at = eventTime
            await handle(rules.advance(to: at))
            await flush(at: at)
            await save(force: false)
        }
    }

    private func handle(_ ruleEvents: [RuleEvent]) async {
        for event in ruleEvents {
            let alert = Alert(ruleEvent: event)
            receive(alert)
            if event.status == .firing {
                var labels = event.labels
                let series = labels.removeValue(forKey: "series").map { name in
                    SeriesKey(name: name, labels: labels.filter { $0.key != "alertname" && $0.key != "severity" })
                }
                await remediate(alert, series: series.map { [$0] } ?? [], incident: nil)
            }
        }
    }

    /// The firing alert of an open incident: remembered, or found among the tracked alerts
    /// (after a restart) by its `incident` annotation.
    private func firingAlert(of incident: Int64) -> Alert? {
        if let alert = incidentAlerts[incident] { return alert }
        return dispatcher.trackedAlerts.first { $0.isFiring && $0.alert.annotations["incident"] == String(incident) }?.alert
    }

    private func receive(_ alert: Alert) {
        dispatcher.receive(alert, at: eventTime)
        unsaved = true
    }

    /// The alert of a new incident, with its strongest anomaly and root-cause report.
    private func alert(for incident: Incident) async -> Alert {
        let anomalies = (try? await store.anomalies(incident: incident.id)) ?? []
        guard let strongest = anomalies.max(by: { $0.anomaly.score < $1.anomaly.score })?.anomaly else {
            return Alert(incident: incident, strongest: nil, report: nil)
        }
        let (baseline, window) = analyzer.windows(around: strongest.timestamp)
        do {
            let records = try await logs.records(baseline.start, window.end, strongest.series["service"], strongest.series["instance"])
            let around = try await store.anomalies(from: window.start, to: window.end, series: nil, limit: 10_000).map(\.anomaly)
            let report = analyzer.report(for: strongest, logs: records, anomalies: around)
            if report.hasCriticalLogs { logger.notice("incident \(incident.id): critical log entries around it, escalated to critical") }
            return Alert(incident: incident, strongest: strongest, report: report)
        } catch {
            logger.error("root-cause analysis of incident \(incident.id) failed: \(error)")
            return Alert(incident: incident, strongest: strongest, report: nil)
        }
    }

    private func remediate(_ alert: Alert, series: [SeriesKey], incident: Int64?) async {
        guard let remediation else { return }
        let subject = RemediationSubject(alert: alert.labels["alertname"] ?? "", series: series, labels: alert.labels, incident: incident)
        let context = (try? JSONEncoder().encode(alert)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        _ = await remediation.respond(to: subject, context: context)
    }

    /// Raises the alert an action was for to critical, saying why.
    private func escalate(_ action: ActionRecord) async {
        let candidates = incidentAlerts.filter { action.incident == nil || $0.key == action.incident }.map(\.value)
            + dispatcher.trackedAlerts.map(\.alert).filter { $0.status == .firing && $0.labels["instance"] == action.target }
        guard var alert = candidates.first(where: { $0.status == .firing }) else {
            logger.warning("remediation action \(action.id) needs escalation, but its alert has ended")
            return
        }
        alert.severity = .critical
        alert.annotations["remediation"] = "action \(action.id) (\(action.kind) \(action.target)): \(action.detail)"
        if let incident = action.incident, incidentAlerts[incident] != nil { incidentAlerts[incident] = alert }
        receive(alert)
    }

    /// Renders the notifications due by `date` into the outbox of their receivers' sinks.
    private func flush(at date: Date) async {
        for notification in dispatcher.advance(to: date) {
            unsaved = true
            let targets = sinks[notification.receiver] ?? []
            if targets.isEmpty { logger.warning("receiver \(notification.receiver) has no sink; notification dropped") }
            for sink in targets {
                do {
                    let message = try sink.render(notification)
                    _ = try await store.enqueue(sink: sink.name, payloads: [message], at: date)
                } catch {
                    logger.error("cannot queue a notification for \(sink.name): \(error)")
                }
            }
        }
    }

    private func save(force: Bool) async {
        guard unsaved || force else { return }
        do {
            try await store.saveState(Self.stateName, try JSONEncoder().encode(dispatcher.state), at: now())
            unsaved = false
        } catch {
            logger.error("cannot save the alerting state: \(error)")
        }
    }

    // MARK: The API

    /// Every tracked alert: firing, held or recently resolved.
    public func alerts() -> [TrackedAlert] {
        dispatcher.trackedAlerts
    }

    /// Every silence.
    public func silences() -> [Silence] {
        dispatcher.silences
    }

    /// Adds a silence and returns it; throws without matchers or when it would end before it starts.
    public func addSilence(matchers: [LabelMatcher], startsAt: Date, endsAt: Date, createdBy: String, comment: String)
        throws(AlertingError) -> Silence {
        let silence = try dispatcher.addSilence(matchers: matchers, startsAt: startsAt, endsAt: endsAt, createdBy: createdBy, comment: comment)
        unsaved = true
        return silence
    }

    /// Ends a silence now; false when there is no such active silence.
    public func expireSilence(id: Int) -> Bool {
        defer { unsaved = true }
        return dispatcher.expireSilence(id: id, at: now())
    }

    /// Acknowledges a firing alert: no more repeats until it resolves or escalates.
    public func acknowledge(_ fingerprint: Fingerprint) -> Bool {
        defer { unsaved = true }
        return dispatcher.acknowledge(fingerprint, at: now())
    }
}
