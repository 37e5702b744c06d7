/// One node of an isolation tree, 16 bytes, stored in a flat array.
///
/// An internal node sends a row left when `row[feature] <= value`; its children sit at
/// `left` and `left + 1`. A leaf has `feature == -1` and `value` is its path length:
/// the leaf's depth plus ``averagePathLength(_:)`` of the training points it holds.
public struct IsolationNode: Sendable, Hashable {
    /// The split feature, or -1 for a leaf.
    public var feature: Int32
    /// Index of the left child (the right child follows it); unused for a leaf.
    public var left: Int32
    /// The split value, or a leaf's path length.
    public var value: Double

    /// Creates a node.
    @inlinable
    public init(feature: Int32, left: Int32, value: Double) {
        self.feature = feature
        self.left = left
        self.value = value
    }

    /// Whether the node is a leaf.
    @inlinable
    public var isLeaf: Bool { feature < 0 }
}
