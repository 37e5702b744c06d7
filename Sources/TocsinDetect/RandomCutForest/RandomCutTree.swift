import TocsinCore

/// One robust random cut tree (Guha, Mishra, Roy and Schrijvers 2016): its root in the
/// forest's ``NodeStore``, the points it holds and its own randomness. Internal nodes keep
/// their cut and a cached bounding box, leaves a point of the ``PointStore`` and how many
/// copies of it the tree holds. Whoever removes a point names its leaf (the forest's
/// samplers keep them), so no walk down the tree is needed to find it.
///
/// Cuts follow the paper: a dimension is chosen with probability proportional to the
/// box's extent along it, and the cut value uniformly within that extent.
struct RandomCutTree: Sendable, Codable, Hashable {
    /// The root reference of an empty tree.
    static let empty = Int32.max
    /// The root's reference, or ``empty``.
    private(set) var root: Int32 = empty
    /// Points held, counting copies.
    private(set) var mass: Int32 = 0
    var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    /// Inserts the point `index`; returns the leaf that holds it, an existing one (whose
    /// point is then another index) when the tree already has a point with the same coordinates.
    mutating func insert<Width: PointWidth>(_ index: Int32, width: Width.Type, nodes: inout NodeStore, points: PointStore) -> Int32 {
        mass += 1
        guard root != Self.empty else {
            let leaf = nodes.newLeaf(index, parent: -1)
            root = ~leaf
            return leaf
        }
        let dimensions = Width.dimensions(nodes.dimensions)
        return points.coordinates.withUnsafeBufferPointer { coordinates in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * dimensions) { bounds in
                let point = coordinates.baseAddress! + Int(index) * dimensions
                let lower = bounds.baseAddress!, upper = lower + dimensions
                // Down from the root, growing the boxes the point joins, to the node that a
                // random cut of its box and the point separates from the point (always so
                // at a leaf, unless it holds the same coordinates).
                var above: Int32 = -1
                var reference = root
                var separation: (dimension: Int, cut: Double, range: Double)?
                let duplicate: Int32? = nodes.withStorage { cuts, boxes, leaves in
                    while true {
                        if reference < 0 {
                            let leaf = Int(~reference)
                            let held = coordinates.baseAddress! + Int(leaves[leaf].point) * dimensions
                            let extent = BoxArithmetic<Width>.grow(low: held, high: held, by: point, lower: lower, upper: upper, dimensions: dimensions)
                            if extent == 0 {
                                leaves[leaf].mass += 1
                                return Int32(leaf)
                            }
                            let (dimension, cut) = randomCut(lower: lower, upper: upper, width: Width.self, dimensions: dimensions, extent: extent)
                            separation = (dimension, cut, extent)
                            return nil
                        }
                        let node = Int(reference)
                        let box = boxes.baseAddress! + node * 2 * dimensions
                        guard !BoxArithmetic<Width>.contains(low: box, high: box + dimensions, point: point, dimensions: dimensions) else {
                            // No cut of a box that holds the point separates it, and the box
                            // stays as it is: only the draw is spent.
                            _ = random.next()
                            above = reference
                            let next = cuts[node]
                            reference = point[Int(next.dimension)] <= next.value ? next.left : next.right
                            continue
                        }
                        let extent = BoxArithmetic<Width>.grow(low: box, high: box + dimensions, by: point, lower: lower, upper: upper, dimensions: dimensions)
                        let (dimension, cut) = randomCut(lower: lower, upper: upper, width: Width.self, dimensions: dimensions, extent: extent)
                        let value = point[dimension]
                        if (cut < box[dimension] && value <= cut) || (cut >= box[dimensions + dimension] && value > cut) {
                            separation = (dimension, cut, extent)
                            return nil
                        }
                        BoxArithmetic<Width>.copy(lower, to: box, dimensions: dimensions)
                        BoxArithmetic<Width>.copy(upper, to: box + dimensions, dimensions: dimensions)
                        cuts[node].range = extent
                        above = reference
                        let next = cuts[node]
                        reference = point[Int(next.dimension)] <= next.value ? next.left : next.right
                    }
                }
                if let duplicate { return duplicate }
                let (dimension, cut, range) = separation!
                let leaf = nodes.newLeaf(index, parent: -1)
                let goesLeft = point[dimension] <= cut
                let split = nodes.newCut(NodeStore.Cut(value: cut, range: range, left: goesLeft ? ~leaf : reference, right: goesLeft ? reference : ~leaf,
                                                       parent: above, dimension: Int32(dimension)),
                                         lower: lower, upper: upper)
                nodes.setParent(of: ~leaf, to: split)
                nodes.setParent(of: reference, to: split)
                if !nodes.replaceChild(of: above, reference, with: split) { root = split }
                return leaf
            }
        }
    }

    /// Removes one copy of the point that `leaf` holds; returns the point's index and the
    /// node from which the boxes above must be refreshed (`-1` for none), which the caller
    /// does with ``NodeStore/refreshBoxes(from:width:points:)``, for several trees at once.
    mutating func delete(leaf: Int32, nodes: inout NodeStore) -> (point: Int32, refreshFrom: Int32) {
        mass -= 1
        let held = nodes.leaves[Int(leaf)]
        if held.mass > 1 {
            nodes.withStorage { _, _, leaves in leaves[Int(leaf)].mass -= 1 }
            return (held.point, -1)
        }
        nodes.freeLeaf(leaf)
        let above = held.parent
        guard above >= 0 else {
            root = Self.empty
            return (held.point, -1)
        }
        let cut = nodes.cuts[Int(above)]
        let sibling = cut.left == ~leaf ? cut.right : cut.left
        nodes.setParent(of: sibling, to: cut.parent)
        if !nodes.replaceChild(of: cut.parent, above, with: sibling) { root = sibling }
        nodes.freeCut(above)
        return (held.point, cut.parent)
    }

    /// A random cut of the box `lower...upper` of `dimensions` coordinates (whose extents sum to `extent`).
    @inline(__always)
    private mutating func randomCut<Width: PointWidth>(lower: UnsafePointer<Double>, upper: UnsafePointer<Double>, width: Width.Type,
                                                       dimensions: Int, extent: Double) -> (Int, Double) {
        let dimensions = Width.dimensions(dimensions)
        var draw = random.nextUnit() * extent
        var dimension = 0
        while dimension < dimensions - 1 {
            let span = upper[dimension] - lower[dimension]
            if draw < span, span > 0 { break }
            draw -= span
            dimension += 1
        }
        while upper[dimension] - lower[dimension] <= 0, dimension > 0 { dimension -= 1 }
        return (dimension, lower[dimension] + min(draw, upper[dimension] - lower[dimension]))
    }
}
