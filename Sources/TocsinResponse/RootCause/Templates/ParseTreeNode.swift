/// A node of Drain's fixed-depth parse tree below the token-count layer: inner nodes
/// route by one leading token, leaves hold the ids of their clusters.
struct ParseTreeNode: Sendable, Hashable {
    /// Children by routing key (a token or `<*>`).
    private(set) var children: [String: ParseTreeNode] = [:]
    /// The clusters of a leaf, oldest first.
    private(set) var clusterIDs: [Int] = []

    /// Whether the node has neither children nor clusters.
    var isEmpty: Bool { children.isEmpty && clusterIDs.isEmpty }

    /// The number of nodes in this subtree, this one included.
    var nodeCount: Int {
        children.values.reduce(1) { $0 + $1.nodeCount }
    }

    /// Adds a cluster to the leaf at the end of `route`, creating the nodes on the way.
    mutating func insert(_ clusterID: Int, along route: ArraySlice<String>) {
        guard let key = route.first else {
            clusterIDs.append(clusterID)
            return
        }
        children[key, default: ParseTreeNode()].insert(clusterID, along: route.dropFirst())
    }

    /// Removes a cluster from the leaf at the end of `route` and prunes the nodes left empty.
    mutating func remove(_ clusterID: Int, along route: ArraySlice<String>) {
        guard let key = route.first else {
            clusterIDs.removeAll { $0 == clusterID }
            return
        }
        children[key]?.remove(clusterID, along: route.dropFirst())
        if children[key]?.isEmpty == true {
            children[key] = nil
        }
    }
}
