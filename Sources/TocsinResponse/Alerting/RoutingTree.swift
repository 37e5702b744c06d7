import Foundation

/// The route tree with inherited settings resolved, ready to route alerts.
///
/// An alert is routed as Alertmanager routes it: starting at the root, it descends into the first
/// child whose matchers it meets, recursively; a child marked `continue` lets it also try the
/// following siblings. The deepest routes it reaches are its routes; when no child takes it, the
/// route itself does. The root takes every alert, so every alert has at least one route.
public struct RoutingTree: Sendable {
    private var nodes: [ResolvedRoute] = []
    private var indexByID: [String: Int] = [:]

    /// Resolves a route tree; throws when the root has matchers or no receiver, or a duration is invalid.
    public init(_ root: Route) throws(AlertingError) {
        guard root.matchers.isEmpty else { throw AlertingError("the root route must not have matchers") }
        guard let receiver = root.receiver else { throw AlertingError("the root route needs a receiver") }
        let defaults = ResolvedRoute(id: "", receiver: receiver, matchers: [], grouping: .labels([]),
                                     groupWait: Route.defaultGroupWait, groupInterval: Route.defaultGroupInterval,
                                     repeatInterval: Route.defaultRepeatInterval, continueMatching: false,
                                     children: [])
        _ = try add(root, id: "{}", inheriting: defaults)
    }

    /// Every route, the root first, parents before their children.
    public var routes: [ResolvedRoute] {
        nodes
    }

    /// The route with this id, if the tree has it.
    public func route(id: String) -> ResolvedRoute? {
        indexByID[id].map { nodes[$0] }
    }

    /// The routes an alert with these labels takes, in tree order.
    public func routes(for labels: [String: String]) -> [ResolvedRoute] {
        match(0, labels).map { nodes[$0] }
    }

    private func match(_ index: Int, _ labels: [String: String]) -> [Int] {
        let node = nodes[index]
        guard node.matchers.matches(labels) else { return [] }
        var matched: [Int] = []
        for child in node.children {
            let found = match(child, labels)
            matched += found
            if !found.isEmpty && !nodes[child].continueMatching { break }
        }
        return matched.isEmpty ? [index] : matched
    }

    private mutating func add(_ route: Route, id: String, inheriting parent: ResolvedRoute) throws(AlertingError) -> Int {
        let groupWait = route.groupWait ?? parent.groupWait
        let groupInterval = route.groupInterval ?? parent.groupInterval
        let repeatInterval = route.repeatInterval ?? parent.repeatInterval
        guard groupWait.isFinite, groupWait >= 0 else { throw AlertingError("route \(id): group wait must be 0 or more") }
        guard groupInterval.isFinite, groupInterval > 0 else {
            throw AlertingError("route \(id): group interval must be positive")
        }
        guard repeatInterval.isFinite, repeatInterval > 0 else {
            throw AlertingError("route \(id): repeat interval must be positive")
        }
        let index = nodes.count
        let resolved = ResolvedRoute(id: id, receiver: route.receiver ?? parent.receiver, matchers: route.matchers,
                                     grouping: route.groupBy ?? parent.grouping, groupWait: groupWait,
                                     groupInterval: groupInterval, repeatInterval: repeatInterval,
                                     continueMatching: route.continueMatching, children: [])
        nodes.append(resolved)
        indexByID[id] = index
        var children: [Int] = []
        for (position, child) in route.routes.enumerated() {
            let matchers = child.matchers.map(\.description).joined(separator: ",")
            children.append(try add(child, id: "\(id)/{\(matchers)}/\(position)", inheriting: resolved))
        }
        nodes[index].children = children
        return index
    }
}
