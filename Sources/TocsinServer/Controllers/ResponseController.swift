import Foundation
import Hummingbird
import TocsinCore
import TocsinNotify
import TocsinRemediate
import TocsinResponse
import TocsinStore

/// The response API: alerts and their acknowledgement, silences, remediation actions with
/// their audit trail and approval, and the notifications queued for the sinks.
struct ResponseController<Context: RequestContext>: Sendable {
    let store: any TocsinStore
    let alerting: AlertingService
    let remediation: RemediationService
    let maxBodyBytes: Int

    func addRoutes(to router: Router<Context>) {
        router.get("/v1/alerts", use: alerts)
        router.post("/v1/alerts/{id}/ack", use: acknowledge)
        router.get("/v1/silences", use: silences)
        router.post("/v1/silences", use: addSilence)
        router.delete("/v1/silences/{id}", use: expireSilence)
        router.get("/v1/actions", use: actions)
        router.post("/v1/actions/{id}/approve", use: approve)
        router.get("/v1/notifications", use: notifications)
    }

    private struct AlertsBody: Encodable {
        struct Item: Encodable {
            let fingerprint: String
            let status: String
            let severity: String
            let labels: [String: String]
            let annotations: [String: String]
            let startsAt: Date
            let endsAt: Date?
            let acknowledged: Bool
            let held: Bool
        }

        let alerts: [Item]
    }

    @Sendable func alerts(_ request: Request, context: Context) async throws -> Response {
        let tracked = await alerting.alerts()
        return try JSONResponse.make(AlertsBody(alerts: tracked.map {
            .init(fingerprint: $0.alert.fingerprint.description, status: $0.alert.status.rawValue, severity: $0.alert.severity.rawValue,
                  labels: $0.alert.labels, annotations: $0.alert.annotations, startsAt: $0.alert.startsAt, endsAt: $0.alert.endsAt,
                  acknowledged: $0.isAcknowledged, held: $0.heldSince != nil)
        }))
    }

    private struct Acknowledged: Encodable {
        let fingerprint: String
        let acknowledged: Bool
    }

    @Sendable func acknowledge(_ request: Request, context: Context) async throws -> Response {
        let text = context.parameters.get("id") ?? ""
        guard let fingerprint = Fingerprint(text) else {
            throw APIError.badRequest("invalid_id", "id must be an alert fingerprint (16 hexadecimal digits), got \"\(text)\"", field: "id")
        }
        guard await alerting.acknowledge(fingerprint) else { throw APIError.notFound("no firing alert \(text)") }
        return try JSONResponse.make(Acknowledged(fingerprint: fingerprint.description, acknowledged: true))
    }

    private struct SilencesBody: Encodable {
        let silences: [SilenceItem]
    }

    private struct SilenceItem: Encodable {
        let id: Int
        let matchers: [String]
        let startsAt: Date
        let endsAt: Date
        let createdBy: String
        let comment: String
        let state: String

        init(_ silence: Silence, at now: Date) {
            id = silence.id
            matchers = silence.matchers.map(\.description)
            startsAt = silence.startsAt
            endsAt = silence.endsAt
            createdBy = silence.createdBy
            comment = silence.comment
            state = silence.state(at: now).rawValue
        }
    }

    @Sendable func silences(_ request: Request, context: Context) async throws -> Response {
        let now = Date()
        return try JSONResponse.make(SilencesBody(silences: await alerting.silences().map { SilenceItem($0, at: now) }))
    }

    /// `{"matchers": [{"name", "value", "isRegex"?, "isEqual"?}], "startsAt"?, "endsAt"? | "duration"?, "createdBy", "comment"}`.
    private struct SilencePayload: Decodable {
        struct Matcher: Decodable {
            let name: String
            let value: String
            let isRegex: Bool?
            let isEqual: Bool?
        }

        let matchers: [Matcher]
        let startsAt: String?
        let endsAt: String?
        let duration: Double?
        let createdBy: String
        let comment: String
    }

    @Sendable func addSilence(_ request: Request, context: Context) async throws -> Response {
        let body = try await RequestDecoding.body(of: request, limit: maxBodyBytes)
        let payload = try RequestDecoding.decode(body, ndjson: false, wrapper: SilencePayload.self, element: SilencePayload.self,
                                                 list: "silence") { [$0] }[0]
        guard !payload.matchers.isEmpty else { throw APIError.unprocessable("invalid_value", "matchers must not be empty", field: "matchers") }
        var matchers: [LabelMatcher] = []
        for (index, item) in payload.matchers.enumerated() {
            let op: LabelMatcher.Operator = switch (item.isRegex ?? false, item.isEqual ?? true) {
            case (false, true): .equal
            case (false, false): .notEqual
            case (true, true): .matchesRegex
            case (true, false): .doesNotMatchRegex
            }
            do { matchers.append(try LabelMatcher(item.name, op, item.value)) } catch {
                throw APIError.unprocessable("invalid_value", "matchers[\(index)]: \(error)", field: "matchers[\(index)]")
            }
        }
        let now = Date()
        let start = try payload.startsAt.map { try Self.time($0, field: "startsAt") } ?? now
        let end: Date
        if let text = payload.endsAt {
            end = try Self.time(text, field: "endsAt")
        } else if let duration = payload.duration, duration.isFinite, duration > 0 {
            end = start.addingTimeInterval(duration)
        } else {
            throw APIError.unprocessable("missing_field", "give endsAt or a positive duration in seconds", field: "endsAt")
        }
        do {
            let silence = try await alerting.addSilence(matchers: matchers, startsAt: start, endsAt: end, createdBy: payload.createdBy,
                                                        comment: payload.comment)
            return try JSONResponse.make(SilenceItem(silence, at: now), status: .created)
        } catch {
            throw APIError.unprocessable("invalid_value", "\(error)", field: "endsAt")
        }
    }

    private static func time(_ text: String, field: String) throws(APIError) -> Date {
        guard let seconds = UTCTimestamp.parse(text) else {
            throw APIError.unprocessable("invalid_value", "\(field) must be an ISO 8601 UTC time or epoch seconds, got \"\(text)\"", field: field)
        }
        return Date(timeIntervalSince1970: seconds)
    }

    private struct Expired: Encodable {
        let id: Int
        let expired: Bool
    }

    @Sendable func expireSilence(_ request: Request, context: Context) async throws -> Response {
        let id = try QueryParameters.identifier(context.parameters.get("id"), field: "id")
        guard id <= Int64(Int.max), await alerting.expireSilence(id: Int(id)) else { throw APIError.notFound("no active silence \(id)") }
        return try JSONResponse.make(Expired(id: Int(id), expired: true))
    }

    private struct ActionsBody: Encodable {
        struct Item: Encodable {
            let action: ActionRecord
            let audit: [AuditEntry]
        }

        let actions: [Item]
    }

    @Sendable func actions(_ request: Request, context: Context) async throws -> Response {
        let query = QueryParameters(request.uri.queryParameters)
        let actions = try await store.actions(limit: try query.limit(default: 100, max: 1_000))
        var items: [ActionsBody.Item] = []
        for action in actions { items.append(.init(action: action, audit: try await store.audit(action: action.id, limit: 100))) }
        return try JSONResponse.make(ActionsBody(actions: items))
    }

    private struct Approval: Decodable {
        let by: String?
    }

    @Sendable func approve(_ request: Request, context: Context) async throws -> Response {
        let id = try QueryParameters.identifier(context.parameters.get("id"), field: "id")
        let body = try await RequestDecoding.body(of: request, limit: maxBodyBytes)
        let approver = body.readableBytes == 0 ? nil : try RequestDecoding.decode(body, ndjson: false, wrapper: Approval.self,
                                                                                   element: Approval.self, list: "approval") { [$0] }[0].by
        let action: ActionRecord
        do {
            action = try await remediation.approve(id, by: approver ?? "the API")
        } catch {
            switch error.status {
            case 404: throw APIError.notFound(error.description)
            case 409: throw APIError(.conflict, code: "not_awaiting_approval", message: error.description)
            default: throw APIError(.serviceUnavailable, code: "store_unavailable", message: error.description, headers: [.retryAfter: "5"])
            }
        }
        return try JSONResponse.make(action)
    }

    private struct NotificationsBody: Encodable {
        struct Item: Encodable {
            let id: Int64
            let sink: String
            let status: String
            let attempts: Int
            let created: Date
            let updated: Date
            let lastError: String?
        }

        let notifications: [Item]
    }

    @Sendable func notifications(_ request: Request, context: Context) async throws -> Response {
        let query = QueryParameters(request.uri.queryParameters)
        let records = try await store.outbox(status: nil, limit: try query.limit(default: 100, max: 1_000))
        return try JSONResponse.make(NotificationsBody(notifications: records.map {
            .init(id: $0.id, sink: $0.sink, status: $0.status.rawValue, attempts: $0.attempts, created: $0.created, updated: $0.updated,
                  lastError: $0.lastError)
        }))
    }
}
