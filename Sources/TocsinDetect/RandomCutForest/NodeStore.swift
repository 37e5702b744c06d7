import Foundation

/// The nodes of every tree of a random cut forest, in one pool: internal nodes with their
/// cut, the range of their box and links side by side (32 bytes, so that a walk down a
/// tree reads one small aligned record per level), their bounding boxes apart, and leaves.
///
/// A reference to a node is its index (`>= 0`) for an internal node and `~index` (`< 0`)
/// for a leaf; a parent of `-1` is "none". Keeping all the trees in one pool lets
/// ``score(_:width:roots:masses:coordinates:into:attribution:)`` walk them together.
struct NodeStore: Sendable, Codable, Hashable {
    /// An internal node.
    struct Cut: Sendable, Codable, Hashable {
        /// Values `<=` the cut go left.
        var value: Double
        /// The box's extents summed in dimension order (``BoxArithmetic/range(low:high:dimensions:)``),
        /// kept with the box so that scoring does not sum them again.
        var range: Double
        var left: Int32
        var right: Int32
        var parent: Int32
        var dimension: Int32
    }

    /// A leaf: a point and how many copies of it the tree holds.
    struct Leaf: Sendable, Codable, Hashable {
        var point: Int32
        var mass: Int32
        var parent: Int32
    }

    /// Coordinates per point.
    let dimensions: Int
    private(set) var cuts: [Cut] = []
    /// Per internal node: its bounding box, the minima of every dimension, then the maxima,
    /// from `boxStart` on. The array holds ``boxSlack`` values more than the boxes, so that
    /// they can start on a 64-byte boundary wherever its storage lies (a box of 8
    /// coordinates then spans 2 cache lines, not 3); placement is neither encoded nor compared.
    private(set) var boxStorage = [Double](repeating: 0, count: boxSlack)
    private(set) var boxStart = 0
    private(set) var leaves: [Leaf] = []
    private(set) var freeCuts: [Int32] = []
    private(set) var freeLeaves: [Int32] = []

    private static let boxSlack = 8

    private enum CodingKeys: String, CodingKey {
        case dimensions, cuts, boxes, leaves, freeCuts, freeLeaves
    }

    init(dimensions: Int) {
        self.dimensions = dimensions
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        dimensions = try container.decode(Int.self, forKey: .dimensions)
        cuts = try container.decode([Cut].self, forKey: .cuts)
        boxStorage = try container.decode([Double].self, forKey: .boxes) + repeatElement(0, count: Self.boxSlack)
        leaves = try container.decode([Leaf].self, forKey: .leaves)
        freeCuts = try container.decode([Int32].self, forKey: .freeCuts)
        freeLeaves = try container.decode([Int32].self, forKey: .freeLeaves)
        guard boxStorage.count == cuts.count * 2 * dimensions + Self.boxSlack else {
            throw DecodingError.dataCorruptedError(forKey: .boxes, in: container, debugDescription: "boxes do not match the cuts")
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(dimensions, forKey: .dimensions)
        try container.encode(cuts, forKey: .cuts)
        try container.encode(Array(boxes), forKey: .boxes)
        try container.encode(leaves, forKey: .leaves)
        try container.encode(freeCuts, forKey: .freeCuts)
        try container.encode(freeLeaves, forKey: .freeLeaves)
    }

    static func == (first: NodeStore, second: NodeStore) -> Bool {
        first.dimensions == second.dimensions && first.cuts == second.cuts && first.boxes.elementsEqual(second.boxes)
            && first.leaves == second.leaves && first.freeCuts == second.freeCuts && first.freeLeaves == second.freeLeaves
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(dimensions)
        hasher.combine(cuts)
        for value in boxes { hasher.combine(value) }
        hasher.combine(leaves)
        hasher.combine(freeCuts)
        hasher.combine(freeLeaves)
    }

    /// The boxes, wherever they lie in their storage.
    private var boxes: ArraySlice<Double> {
        boxStorage[boxStart..<(boxStart + boxStorage.count - Self.boxSlack)]
    }

    /// Moves the boxes to the first 64-byte boundary of their storage, which growing or
    /// copying the array may have moved.
    private mutating func alignBoxes() {
        let start = boxStart, count = boxStorage.count - Self.boxSlack
        boxStart = boxStorage.withUnsafeMutableBufferPointer { storage in
            let base = storage.baseAddress!
            let aligned = ((64 - (Int(bitPattern: base) & 63)) & 63) / MemoryLayout<Double>.stride
            if aligned != start { memmove(base + aligned, base + start, count * MemoryLayout<Double>.stride) }
            return aligned
        }
    }

    mutating func setParent(of reference: Int32, to node: Int32) {
        if reference < 0 {
            leaves[Int(~reference)].parent = node
        } else {
            cuts[Int(reference)].parent = node
        }
    }

    /// Puts `new` where `old` was below `node`; false when `node` is `-1` (`old` was a root).
    mutating func replaceChild(of node: Int32, _ old: Int32, with new: Int32) -> Bool {
        guard node >= 0 else { return false }
        if cuts[Int(node)].left == old {
            cuts[Int(node)].left = new
        } else {
            cuts[Int(node)].right = new
        }
        return true
    }

    /// Runs `body` on the pool's storage, which it may change but not grow.
    mutating func withStorage<Result>(
        _ body: (UnsafeMutableBufferPointer<Cut>, UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Leaf>) -> Result
    ) -> Result {
        alignBoxes()
        let start = boxStart, count = boxStorage.count - Self.boxSlack
        return cuts.withUnsafeMutableBufferPointer { cuts in
            boxStorage.withUnsafeMutableBufferPointer { storage in
                leaves.withUnsafeMutableBufferPointer { leaves in
                    body(cuts, UnsafeMutableBufferPointer(rebasing: storage[start..<(start + count)]), leaves)
                }
            }
        }
    }

    /// A new leaf holding one copy of `point`.
    mutating func newLeaf(_ point: Int32, parent: Int32) -> Int32 {
        let leaf = Leaf(point: point, mass: 1, parent: parent)
        if let index = freeLeaves.popLast() {
            leaves[Int(index)] = leaf
            return index
        }
        leaves.append(leaf)
        return Int32(leaves.count - 1)
    }

    /// A new internal node with the box `lower...upper`.
    mutating func newCut(_ cut: Cut, lower: UnsafePointer<Double>, upper: UnsafePointer<Double>) -> Int32 {
        let node: Int32
        if let index = freeCuts.popLast() {
            node = index
        } else {
            node = Int32(cuts.count)
            cuts.append(cut)
            boxStorage.append(contentsOf: repeatElement(0, count: 2 * dimensions))
        }
        let dimensions = dimensions
        withStorage { cuts, boxes, _ in
            cuts[Int(node)] = cut
            let box = boxes.baseAddress! + Int(node) * 2 * dimensions
            BoxArithmetic<AnyWidth>.copy(lower, to: box, dimensions: dimensions)
            BoxArithmetic<AnyWidth>.copy(upper, to: box + dimensions, dimensions: dimensions)
        }
        return node
    }

    mutating func freeLeaf(_ leaf: Int32) {
        freeLeaves.append(leaf)
    }

    mutating func freeCut(_ node: Int32) {
        freeCuts.append(node)
    }

    /// Recomputes the boxes from each of `starts` up from their children, as long as they
    /// change (a box that did not change leaves every box above it as it was). The chains
    /// advance together, one level of each at a time, so that their memory accesses overlap;
    /// `starts` is used up.
    mutating func refreshBoxes<Width: PointWidth>(from starts: UnsafeMutableBufferPointer<Int32>, width: Width.Type, points: PointStore) {
        let dimensions = Width.dimensions(dimensions)
        points.coordinates.withUnsafeBufferPointer { coordinates in
            withStorage { cuts, boxes, leaves in
                let base = boxes.baseAddress!
                /// A child's minima and maxima: a leaf's point for both.
                func corners(_ reference: Int32) -> (UnsafePointer<Double>, UnsafePointer<Double>) {
                    if reference < 0 {
                        let point = coordinates.baseAddress! + Int(leaves[Int(~reference)].point) * dimensions
                        return (point, point)
                    }
                    let box = UnsafePointer(base + Int(reference) * 2 * dimensions)
                    return (box, box + dimensions)
                }
                var count = starts.count
                while count > 0 {
                    var kept = 0
                    for slot in 0..<count {
                        let node = cuts[Int(starts[slot])]
                        let (lowA, highA) = corners(node.left)
                        let (lowB, highB) = corners(node.right)
                        let box = base + Int(starts[slot]) * 2 * dimensions
                        let (changed, range) = BoxArithmetic<Width>.setUnion(low: box, high: box + dimensions, of: lowA, highA,
                                                                              and: lowB, highB, dimensions: dimensions)
                        cuts[Int(starts[slot])].range = range
                        starts[kept] = node.parent
                        kept += changed && node.parent >= 0 ? 1 : 0
                        // The parent's cut and box, needed after the other chains' turns (node 0's,
                        // harmlessly, where the chain ends: no branch).
                        let above = Int(max(node.parent, 0))
                        prefetch(cuts.baseAddress! + above)
                        prefetchBox(base + above &* (2 &* dimensions), dimensions: dimensions)
                    }
                    count = kept
                }
            }
        }
    }

    /// A child's extent along dimension `d`: its box's, or its leaf's point's for both ends.
    func bounds(of reference: Int32, dimension d: Int, points: PointStore) -> (Double, Double) {
        if reference < 0 {
            let value = points.coordinates[Int(leaves[Int(~reference)].point) * dimensions + d]
            return (value, value)
        }
        let start = boxStart + Int(reference) * 2 * dimensions
        return (boxStorage[start + d], boxStorage[start + dimensions + d])
    }
}
