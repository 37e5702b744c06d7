import Foundation
import TocsinCore

/// One robust random cut tree (Guha, Mishra, Roy and Schrijvers 2016) over points held in
/// a ``PointStore``: internal nodes keep their cut and a cached bounding box, leaves a
/// point and how many copies of it the tree holds.
///
/// Nodes live in flat arrays; index `-1` is "none". Cuts follow the paper: a dimension is
/// chosen with probability proportional to the box's extent along it, and the cut value
/// uniformly within that extent. Values `<=` the cut go left.
struct RandomCutTree: Sendable, Codable, Hashable {
    let dimensions: Int
    private(set) var root: Int32 = -1
    /// Per node, side by side so that a walk touches one cache line for them: left child,
    /// right child, leaf point (`-1` for internal nodes) and cut dimension.
    private var links: [Int32] = []
    /// Per node, side by side: the cut value, then the cached bounding box as
    /// (minimum, maximum) pairs, one per dimension (unused for leaves).
    private var geometry: [Double] = []
    private var parent: [Int32] = []
    private var mass: [Int32] = []
    private var freeNodes: [Int32] = []
    var random: SeededGenerator

    init(dimensions: Int, seed: UInt64) {
        self.dimensions = dimensions
        random = SeededGenerator(seed: seed)
    }

    /// Points held, counting copies.
    var totalMass: Int { root < 0 ? 0 : Int(mass[Int(root)]) }

    // MARK: - Update

    /// Inserts the point `index`; returns the index the tree actually holds, which is an
    /// existing one when the tree already has a point with the same coordinates.
    mutating func insert(_ index: Int32, store: PointStore) -> Int32 {
        let point = store.point(index)
        guard root >= 0 else {
            root = newLeaf(index, parent: -1)
            return index
        }
        var node = root
        var lower = [Double](repeating: 0, count: dimensions)
        var upper = [Double](repeating: 0, count: dimensions)
        while true {
            let isLeaf = leafPoint(node) >= 0
            var extent = 0.0
            if isLeaf {
                let held = store.point(leafPoint(node))
                for d in 0..<dimensions {
                    let p = point[point.startIndex + d], q = held[held.startIndex + d]
                    lower[d] = min(p, q)
                    upper[d] = max(p, q)
                    extent += upper[d] - lower[d]
                }
                if extent == 0 {
                    // The same coordinates: one more copy of the held point.
                    addMass(1, from: node)
                    return leafPoint(node)
                }
            } else {
                for d in 0..<dimensions {
                    let p = point[point.startIndex + d]
                    lower[d] = min(boxMinimum(node, d), p)
                    upper[d] = max(boxMaximum(node, d), p)
                    extent += upper[d] - lower[d]
                }
            }
            // A random cut of the box that includes the new point.
            var draw = random.nextUnit() * extent
            var dimension = 0
            while dimension < dimensions - 1 {
                let span = upper[dimension] - lower[dimension]
                if draw < span, span > 0 { break }
                draw -= span
                dimension += 1
            }
            while upper[dimension] - lower[dimension] <= 0, dimension > 0 { dimension -= 1 }
            let cut = lower[dimension] + min(draw, upper[dimension] - lower[dimension])
            let value = point[point.startIndex + dimension]
            let (boxLow, boxHigh): (Double, Double)
            if isLeaf {
                let held = store.point(leafPoint(node))
                boxLow = held[held.startIndex + dimension]
                boxHigh = boxLow
            } else {
                boxLow = boxMinimum(node, dimension)
                boxHigh = boxMaximum(node, dimension)
            }
            let separates = (cut < boxLow && value <= cut) || (cut >= boxHigh && value > cut)
            if separates || isLeaf {
                let leaf = newLeaf(index, parent: -1)
                let goesLeft = value <= cut
                let split = newInternal(dimension: dimension, cut: cut, left: goesLeft ? leaf : node, right: goesLeft ? node : leaf,
                                        mass: mass[Int(node)] + 1, lower: lower, upper: upper)
                let above = parent[Int(node)]
                parent[Int(split)] = above
                parent[Int(node)] = split
                parent[Int(leaf)] = split
                if above < 0 {
                    root = split
                } else if left(above) == node {
                    setLeft(above, split)
                } else {
                    setRight(above, split)
                }
                addMass(1, from: above)
                return index
            }
            // The cut falls inside the box: the point joins this subtree, whose box grows.
            for d in 0..<dimensions { setBox(node, d, lower[d], upper[d]) }
            let along = cutDimension(node)
            node = point[point.startIndex + along] <= cutValue(node) ? left(node) : right(node)
        }
    }

    /// Removes one copy of the point `index` (found by its coordinates); false when the
    /// tree does not hold it.
    @discardableResult
    mutating func delete(_ index: Int32, store: PointStore) -> Bool {
        guard let leaf = findLeaf(store.point(index)), leafPoint(leaf) == index else { return false }
        if mass[Int(leaf)] > 1 {
            addMass(-1, from: leaf)
            return true
        }
        let above = parent[Int(leaf)]
        freeNode(leaf)
        guard above >= 0 else {
            root = -1
            return true
        }
        let sibling = left(above) == leaf ? right(above) : left(above)
        let grand = parent[Int(above)]
        parent[Int(sibling)] = grand
        if grand < 0 {
            root = sibling
        } else if left(grand) == above {
            setLeft(grand, sibling)
        } else {
            setRight(grand, sibling)
        }
        freeNode(above)
        addMass(-1, from: grand)
        var node = grand
        while node >= 0, refreshBox(node, store: store) {
            node = parent[Int(node)]
        }
        return true
    }

    // MARK: - Scores

    /// AWS's anomaly score of a point against this tree, normalised by `log2(1 + mass)`
    /// so that typical points score about 1 and anomalies more; with `attribution`
    /// (2 · dimensions slots), the score split over dimensions and directions (above,
    /// below), summing to the score.
    func score(_ point: UnsafeBufferPointer<Double>, store: PointStore, attribution: UnsafeMutablePointer<Double>? = nil) -> Double {
        guard root >= 0 else { return 0 }
        let nodes = parent.count
        let stride = geometryStride
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * (nodes + 1)) { scratch in
            let path = UnsafeMutableBufferPointer(rebasing: scratch[0..<(nodes + 1)])
            let levels = UnsafeMutableBufferPointer(rebasing: scratch[(nodes + 1)...])
            return links.withUnsafeBufferPointer { links in
            geometry.withUnsafeBufferPointer { geometry in
            store.coordinates.withUnsafeBufferPointer { coordinates in
                // Descend, keeping only the ancestors whose box the point lies outside:
                // inside a box the probability of a separating cut is 0 and the score
                // passes through unchanged.
                var depth = 0
                var outside = 0
                var node = Int(root)
                while links[4 * node + 2] < 0 {
                    let base = node * stride
                    var gaps = 0.0
                    for d in 0..<dimensions {
                        let value = point[d]
                        gaps += max(0, geometry[base + 1 + 2 * d] - value) + max(0, value - geometry[base + 2 + 2 * d])
                    }
                    if gaps > 0 {
                        path[outside] = Int32(node)
                        levels[outside] = Int32(depth)
                        outside += 1
                    }
                    depth += 1
                    node = Int(point[Int(links[4 * node + 3])] <= geometry[base] ? links[4 * node] : links[4 * node + 1])
                }
                let held = Int(links[4 * node + 2]) * dimensions
                let treeMass = Double(totalMass)
                var score: Double
                var distance = 0.0
                for d in 0..<dimensions { distance += abs(point[d] - coordinates[held + d]) }
                if distance == 0 {
                    let leafMass = Double(mass[node])
                    score = (1 - leafMass / (2 * treeMass)) / (Double(depth) + log2(leafMass + 1))
                    if let attribution {
                        // A point the tree holds: nothing points anywhere, so split evenly.
                        for slot in 0..<(2 * dimensions) { attribution[slot] = score / Double(2 * dimensions) }
                    }
                } else {
                    score = 1 / (Double(depth) + 1)
                    if let attribution {
                        for d in 0..<dimensions {
                            let gap = point[d] - coordinates[held + d]
                            attribution[2 * d] = gap > 0 ? score * gap / distance : 0
                            attribution[2 * d + 1] = gap < 0 ? score * -gap / distance : 0
                        }
                    }
                }
                var entry = outside - 1
                while entry >= 0 {
                    let level = Int(levels[entry])
                    let base = Int(path[entry]) * stride
                    var range = 0.0
                    var gaps = 0.0
                    for d in 0..<dimensions {
                        let low = geometry[base + 1 + 2 * d], high = geometry[base + 2 + 2 * d], value = point[d]
                        range += high - low
                        gaps += max(0, low - value) + max(0, value - high)
                    }
                    let probability = gaps / (range + gaps)
                    let unseen = 1 / (Double(level) + 1)
                    score = probability * unseen + (1 - probability) * score
                    if let attribution {
                        for d in 0..<dimensions {
                            let low = geometry[base + 1 + 2 * d], high = geometry[base + 2 + 2 * d]
                            let above = max(0, point[d] - high) / (range + gaps)
                            let below = max(0, low - point[d]) / (range + gaps)
                            attribution[2 * d] = above * unseen + (1 - probability) * attribution[2 * d]
                            attribution[2 * d + 1] = below * unseen + (1 - probability) * attribution[2 * d + 1]
                        }
                    }
                    entry -= 1
                }
                let normaliser = log2(1 + treeMass)
                if let attribution { for slot in 0..<(2 * dimensions) { attribution[slot] *= normaliser } }
                return score * normaliser
            }}}
        }
    }

    /// Checks the tree's invariants: every internal node's mass is its children's sum and
    /// its box is exactly the union of theirs, and parents point back. For tests.
    func isConsistent(store: PointStore) -> Bool {
        guard root >= 0 else { return true }
        var pending = [root]
        while let node = pending.popLast() {
            guard leafPoint(node) < 0 else { continue }
            let first = left(node), second = right(node)
            guard parent[Int(first)] == node, parent[Int(second)] == node, mass[Int(node)] == mass[Int(first)] + mass[Int(second)] else {
                return false
            }
            for d in 0..<dimensions {
                let (lowA, highA) = bounds(of: first, dimension: d, store: store)
                let (lowB, highB) = bounds(of: second, dimension: d, store: store)
                if boxMinimum(node, d) != min(lowA, lowB) || boxMaximum(node, d) != max(highA, highB) {
                    return false
                }
            }
            pending += [first, second]
        }
        return parent[Int(root)] < 0
    }

    // MARK: - Nodes

    private var geometryStride: Int { 1 + 2 * dimensions }
    private func left(_ node: Int32) -> Int32 { links[4 * Int(node)] }
    private func right(_ node: Int32) -> Int32 { links[4 * Int(node) + 1] }
    private func leafPoint(_ node: Int32) -> Int32 { links[4 * Int(node) + 2] }
    private func cutDimension(_ node: Int32) -> Int { Int(links[4 * Int(node) + 3]) }
    private func cutValue(_ node: Int32) -> Double { geometry[Int(node) * geometryStride] }
    private func boxMinimum(_ node: Int32, _ d: Int) -> Double { geometry[Int(node) * geometryStride + 1 + 2 * d] }
    private func boxMaximum(_ node: Int32, _ d: Int) -> Double { geometry[Int(node) * geometryStride + 2 + 2 * d] }
    private mutating func setLeft(_ node: Int32, _ value: Int32) { links[4 * Int(node)] = value }
    private mutating func setRight(_ node: Int32, _ value: Int32) { links[4 * Int(node) + 1] = value }
    private mutating func setBox(_ node: Int32, _ d: Int, _ low: Double, _ high: Double) {
        geometry[Int(node) * geometryStride + 1 + 2 * d] = low
        geometry[Int(node) * geometryStride + 2 + 2 * d] = high
    }

    private func findLeaf(_ point: ArraySlice<Double>) -> Int32? {
        guard root >= 0 else { return nil }
        var node = root
        while leafPoint(node) < 0 {
            let value = point[point.startIndex + cutDimension(node)]
            node = value <= cutValue(node) ? left(node) : right(node)
        }
        return node
    }

    private mutating func addMass(_ change: Int32, from start: Int32) {
        var node = start
        while node >= 0 {
            mass[Int(node)] += change
            node = parent[Int(node)]
        }
    }

    /// Recomputes a node's box from its children; false when it did not change (and
    /// so no ancestor's box can have changed either).
    private mutating func refreshBox(_ node: Int32, store: PointStore) -> Bool {
        let first = left(node), second = right(node)
        var changed = false
        for d in 0..<dimensions {
            let (lowA, highA) = bounds(of: first, dimension: d, store: store)
            let (lowB, highB) = bounds(of: second, dimension: d, store: store)
            let low = min(lowA, lowB), high = max(highA, highB)
            if low != boxMinimum(node, d) || high != boxMaximum(node, d) {
                setBox(node, d, low, high)
                changed = true
            }
        }
        return changed
    }

    private func bounds(of node: Int32, dimension d: Int, store: PointStore) -> (Double, Double) {
        let point = leafPoint(node)
        if point >= 0 {
            let value = store.coordinates[Int(point) * dimensions + d]
            return (value, value)
        }
        return (boxMinimum(node, d), boxMaximum(node, d))
    }

    private mutating func allocate() -> Int32 {
        if let node = freeNodes.popLast() { return node }
        links.append(contentsOf: [-1, -1, -1, 0])
        geometry.append(contentsOf: repeatElement(0, count: geometryStride))
        parent.append(-1)
        mass.append(0)
        return Int32(parent.count - 1)
    }

    private mutating func newLeaf(_ point: Int32, parent above: Int32) -> Int32 {
        let node = allocate()
        setLeft(node, -1)
        setRight(node, -1)
        parent[Int(node)] = above
        mass[Int(node)] = 1
        links[4 * Int(node) + 2] = point
        return node
    }

    private mutating func newInternal(dimension: Int, cut: Double, left child: Int32, right other: Int32, mass total: Int32,
                                      lower: [Double], upper: [Double]) -> Int32 {
        let node = allocate()
        setLeft(node, child)
        setRight(node, other)
        mass[Int(node)] = total
        links[4 * Int(node) + 3] = Int32(dimension)
        geometry[Int(node) * geometryStride] = cut
        links[4 * Int(node) + 2] = -1
        for d in 0..<dimensions { setBox(node, d, lower[d], upper[d]) }
        return node
    }

    private mutating func freeNode(_ node: Int32) {
        links[4 * Int(node) + 2] = -1
        freeNodes.append(node)
    }
}
