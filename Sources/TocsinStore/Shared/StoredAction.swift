import Foundation
import TocsinCore

/// An action's columns as stored by both backends, and the way back.
struct StoredAction: Sendable {
    var policy: String
    var kind: String
    var target: String
    var series: String?
    var incident: Int64?
    var status: String
    var created: Int64
    var updated: Int64
    var detail: String

    /// The columns of `action`.
    init(_ action: ActionRecord) throws {
        policy = action.policy
        kind = action.kind
        target = action.target
        series = try action.series.map { try CanonicalJSON.encode([$0]) }
        incident = action.incident
        status = action.status.rawValue
        created = EpochMilliseconds.from(action.created)
        updated = EpochMilliseconds.from(action.updated)
        detail = action.detail
    }

    /// Rebuilds an action from its stored columns.
    static func decode(id: Int64, policy: String, kind: String, target: String, series: String?, incident: Int64?, status: String,
                       created: Int64, updated: Int64, detail: String) throws -> ActionRecord {
        guard let status = ActionRecord.Status(rawValue: status) else {
            throw StoreError(.unavailable, "stored action status '\(status)' is unknown")
        }
        return ActionRecord(id: id, policy: policy, kind: kind, target: target,
                            series: try series.flatMap { try CanonicalJSON.decodeKeys($0, column: "actions.series").first },
                            incident: incident, status: status, created: EpochMilliseconds.date(created),
                            updated: EpochMilliseconds.date(updated), detail: detail)
    }
}
