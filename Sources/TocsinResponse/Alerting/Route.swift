import Foundation

/// A node of the routing tree, as in Alertmanager's `route` block: which alerts it takes, which
/// receiver gets them, and how they are grouped and timed.
///
/// Settings left `nil` are inherited from the parent route; the root falls back to Alertmanager's
/// defaults. The root must name a receiver and has no matchers: it takes every alert.
/// See ``RoutingTree`` for how an alert finds its routes.
public struct Route: Sendable, Hashable, Codable {
    /// Alertmanager's default `group_wait`: 30 seconds.
    public static let defaultGroupWait: TimeInterval = 30
    /// Alertmanager's default `group_interval`: 5 minutes.
    public static let defaultGroupInterval: TimeInterval = 300
    /// Alertmanager's default `repeat_interval`: 4 hours.
    public static let defaultRepeatInterval: TimeInterval = 14_400

    /// The receiver notified of this route's groups (`nil`: the parent's).
    public var receiver: String?
    /// The conditions an alert's labels must meet to take this route.
    public var matchers: [LabelMatcher]
    /// `group_by` (`nil`: the parent's; the root's default groups all its alerts together).
    public var groupBy: Grouping?
    /// How long a new group waits for more alerts before its first notification.
    public var groupWait: TimeInterval?
    /// How long a group waits before notifying about changes (new or resolved alerts).
    public var groupInterval: TimeInterval?
    /// How long a group waits before notifying again about the same firing alerts.
    public var repeatInterval: TimeInterval?
    /// Alertmanager's `continue`: whether an alert that matched this route goes on to try its siblings.
    public var continueMatching: Bool
    /// The child routes, tried in order.
    public var routes: [Route]

    /// Creates a route.
    public init(receiver: String? = nil, matchers: [LabelMatcher] = [], groupBy: Grouping? = nil,
                groupWait: TimeInterval? = nil, groupInterval: TimeInterval? = nil,
                repeatInterval: TimeInterval? = nil, continueMatching: Bool = false, routes: [Route] = []) {
        self.receiver = receiver
        self.matchers = matchers
        self.groupBy = groupBy
        self.groupWait = groupWait
        self.groupInterval = groupInterval
        self.repeatInterval = repeatInterval
        self.continueMatching = continueMatching
        self.routes = routes
    }

    private enum CodingKeys: String, CodingKey {
        case receiver, matchers, groupBy, groupWait, groupInterval, repeatInterval, routes
        case continueMatching = "continue"
    }
}
