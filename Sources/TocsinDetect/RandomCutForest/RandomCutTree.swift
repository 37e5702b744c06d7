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

    /// Where a tree's insertion of a point stands: walking down from `reference` (whose
    /// parent is `above`) until it has an `outcome`.
    private struct Insertion {
        /// How a walk down ends.
        enum Outcome {
            /// The tree was empty: the point becomes its root.
            case root
            /// This leaf holds the point's coordinates already.
            case duplicate(leaf: Int32)
            /// This cut separates the point from `reference`; its box's extents sum to `range`.
            case separation(dimension: Int, cut: Double, range: Double)
        }

        var reference: Int32
        var above: Int32 = -1
        var outcome = Outcome.root
    }

    /// Inserts the point `index` into each tree of `chosen` (indices into `trees`) and
    /// writes the leaf that holds it there (in `chosen`'s order) to `leaves`: an existing
    /// one (whose point is then another index) when the tree already has a point with the
    /// same coordinates.
    ///
    /// Each tree is walked down from its root, growing the boxes the point joins, to the
    /// node that a random cut of its box and the point separates from the point (always so
    /// at a leaf, unless it holds the same coordinates); a new node goes there. The trees
    /// are walked together, one level of each at a time, so that their memory accesses
    /// overlap, and then changed one after the other, as inserting into each in turn would.
    static func insert<Width: PointWidth>(_ index: Int32, into trees: UnsafeMutableBufferPointer<RandomCutTree>,
                                          chosen: UnsafeBufferPointer<Int>, width: Width.Type, nodes: inout NodeStore,
                                          points: PointStore, leaves: UnsafeMutablePointer<Int32>) {
        let dimensions = Width.dimensions(nodes.dimensions)
        let count = chosen.count
        points.coordinates.withUnsafeBufferPointer { coordinates in
            let point = coordinates.baseAddress! + Int(index) * dimensions
            withUnsafeTemporaryAllocation(of: Double.self, capacity: count * 2 * dimensions) { bounds in
                withUnsafeTemporaryAllocation(of: Insertion.self, capacity: count) { insertions in
                    withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { walking in
                        var active = 0
                        for slot in 0..<count {
                            trees[chosen[slot]].mass += 1
                            insertions[slot] = Insertion(reference: trees[chosen[slot]].root)
                            guard trees[chosen[slot]].root != empty else { continue }
                            walking[active] = slot
                            active += 1
                        }
                        nodes.withStorage { cuts, boxes, leafStore in
                            while active > 0 {
                                var kept = 0
                                for position in 0..<active {
                                    let slot = walking[position]
                                    let tree = chosen[slot]
                                    let lower = bounds.baseAddress! + slot * 2 * dimensions, upper = lower + dimensions
                                    var insertion = insertions[slot]
                                    let reference = insertion.reference
                                    if reference < 0 {
                                        let leaf = Int(~reference)
                                        let held = coordinates.baseAddress! + Int(leafStore[leaf].point) * dimensions
                                        let extent = BoxArithmetic<Width>.grow(low: held, high: held, by: point, lower: lower, upper: upper,
                                                                               dimensions: dimensions)
                                        if extent == 0 {
                                            leafStore[leaf].mass += 1
                                            insertion.outcome = .duplicate(leaf: Int32(leaf))
                                        } else {
                                            let (dimension, cut) = trees[tree].randomCut(lower: lower, upper: upper, width: Width.self,
                                                                                         dimensions: dimensions, extent: extent)
                                            insertion.outcome = .separation(dimension: dimension, cut: cut, range: extent)
                                        }
                                        insertions[slot] = insertion
                                        continue
                                    }
                                    let node = Int(reference)
                                    let box = boxes.baseAddress! + node * 2 * dimensions
                                    if BoxArithmetic<Width>.contains(low: box, high: box + dimensions, point: point, dimensions: dimensions) {
                                        // No cut of a box that holds the point separates it, and the box
                                        // stays as it is: only the draw is spent.
                                        _ = trees[tree].random.next()
                                    } else {
                                        let extent = BoxArithmetic<Width>.grow(low: box, high: box + dimensions, by: point, lower: lower,
                                                                               upper: upper, dimensions: dimensions)
                                        let (dimension, cut) = trees[tree].randomCut(lower: lower, upper: upper, width: Width.self,
                                                                                     dimensions: dimensions, extent: extent)
                                        let value = point[dimension]
                                        if (cut < box[dimension] && value <= cut) || (cut >= box[dimensions + dimension] && value > cut) {
                                            insertion.outcome = .separation(dimension: dimension, cut: cut, range: extent)
                                            insertions[slot] = insertion
                                            continue
                                        }
                                        BoxArithmetic<Width>.copy(lower, to: box, dimensions: dimensions)
                                        BoxArithmetic<Width>.copy(upper, to: box + dimensions, dimensions: dimensions)
                                        cuts[node].range = extent
                                    }
                                    let next = cuts[node]
                                    insertion.above = reference
                                    insertion.reference = point[Int(next.dimension)] <= next.value ? next.left : next.right
                                    insertions[slot] = insertion
                                    walking[kept] = slot
                                    kept += 1
                                }
                                active = kept
                            }
                        }
                        for slot in 0..<count {
                            let insertion = insertions[slot]
                            let lower = bounds.baseAddress! + slot * 2 * dimensions
                            leaves[slot] = trees[chosen[slot]].attach(index, insertion, lower: lower, upper: lower + dimensions,
                                                                      point: point, nodes: &nodes)
                        }
                    }
                }
            }
        }
    }

    /// Puts the point `index` where its walk down ended: a new leaf for it (the first
    /// point of an empty tree, or beside the separated node under a new cut whose box is
    /// `lower...upper`), or the duplicate's leaf. Returns the leaf.
    private mutating func attach(_ index: Int32, _ insertion: Insertion, lower: UnsafePointer<Double>, upper: UnsafePointer<Double>,
                                 point: UnsafePointer<Double>, nodes: inout NodeStore) -> Int32 {
        let (dimension, cut, range): (Int, Double, Double)
        switch insertion.outcome {
        case .duplicate(let leaf):
            return leaf
        case .root:
            let leaf = nodes.newLeaf(index, parent: -1)
            root = ~leaf
            return leaf
        case .separation(let separating, let value, let extent):
            (dimension, cut, range) = (separating, value, extent)
        }
        let reference = insertion.reference, above = insertion.above
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
