import Foundation

/// A route with every setting settled: inherited from its parents or defaulted.
public struct ResolvedRoute: Sendable, Hashable {
    /// A unique, stable identifier built as Alertmanager builds route ids: the root is `{}`, a child
    /// is its parent's id, `/`, its matchers and `/` its position among its siblings.
    public let id: String
    /// The receiver notified of this route's groups.
    public let receiver: String
    /// The route's own matchers.
    public let matchers: [LabelMatcher]
    /// How alerts are split into groups.
    public let grouping: Grouping
    /// The wait before a new group's first notification.
    public let groupWait: TimeInterval
    /// The wait between notifications about a group's changes.
    public let groupInterval: TimeInterval
    /// The wait before repeating an unchanged notification.
    public let repeatInterval: TimeInterval
    /// Whether matching goes on to the next sibling after this route matched.
    public let continueMatching: Bool
    /// Indices of the child routes in the tree.
    var children: [Int]
}
