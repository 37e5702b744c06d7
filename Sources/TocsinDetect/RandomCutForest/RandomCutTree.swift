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
    private var left: [Int32] = []
    private var right: [Int32] = []
    private var parent: [Int32] = []
    private var mass: [Int32] = []
    private var cutDimension: [Int32] = []
    private var cutValue: [Double] = []
    /// The point of a leaf (`-1` for internal nodes).
    private var leafPoint: [Int32] = []
    /// Bounding boxes of internal nodes, `dimensions` values per node.
    private var boxMinimum: [Double] = []
    private var boxMaximum: [Double] = []
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
            let isLeaf = leafPoint[Int(node)] >= 0
            var extent = 0.0
            if isLeaf {
                let held = store.point(leafPoint[Int(node)])
                for d in 0..<dimensions {
                    let p = point[point.startIndex + d], q = held[held.startIndex + d]
                    lower[d] = min(p, q)
                    upper[d] = max(p, q)
                    extent += upper[d] - lower[d]
                }
                if extent == 0 {
                    // The same coordinates: one more copy of the held point.
                    addMass(1, from: node)
                    return leafPoint[Int(node)]
                }
            } else {
                let base = Int(node) * dimensions
                for d in 0..<dimensions {
                    let p = point[point.startIndex + d]
                    lower[d] = min(boxMinimum[base + d], p)
                    upper[d] = max(boxMaximum[base + d], p)
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
                let held = store.point(leafPoint[Int(node)])
                boxLow = held[held.startIndex + dimension]
                boxHigh = boxLow
            } else {
                boxLow = boxMinimum[Int(node) * dimensions + dimension]
                boxHigh = boxMaximum[Int(node) * dimensions + dimension]
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
                } else if left[Int(above)] == node {
                    left[Int(above)] = split
                } else {
                    right[Int(above)] = split
                }
                addMass(1, from: above)
                return index
            }
            // The cut falls inside the box: the point joins this subtree, whose box grows.
            let base = Int(node) * dimensions
            for d in 0..<dimensions {
                boxMinimum[base + d] = lower[d]
                boxMaximum[base + d] = upper[d]
            }
            let along = Int(cutDimension[Int(node)])
            node = point[point.startIndex + along] <= cutValue[Int(node)] ? left[Int(node)] : right[Int(node)]
        }
    }

    /// Removes one copy of the point `index` (found by its coordinates); false when the
    /// tree does not hold it.
    @discardableResult
    mutating func delete(_ index: Int32, store: PointStore) -> Bool {
        guard let leaf = findLeaf(store.point(index)), leafPoint[Int(leaf)] == index else { return false }
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
        let sibling = left[Int(above)] == leaf ? right[Int(above)] : left[Int(above)]
        let grand = parent[Int(above)]
        parent[Int(sibling)] = grand
        if grand < 0 {
            root = sibling
        } else if left[Int(grand)] == above {
            left[Int(grand)] = sibling
        } else {
            right[Int(grand)] = sibling
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
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * (left.count + 1)) { scratch in
            let path = UnsafeMutableBufferPointer(rebasing: scratch[0..<(left.count + 1)])
            let levels = UnsafeMutableBufferPointer(rebasing: scratch[(left.count + 1)...])
            return left.withUnsafeBufferPointer { left in
            right.withUnsafeBufferPointer { right in
            cutDimension.withUnsafeBufferPointer { cutDimension in
            cutValue.withUnsafeBufferPointer { cutValue in
            leafPoint.withUnsafeBufferPointer { leafPoint in
            boxMinimum.withUnsafeBufferPointer { boxMinimum in
            boxMaximum.withUnsafeBufferPointer { boxMaximum in
            store.coordinates.withUnsafeBufferPointer { coordinates in
                // Descend, keeping only the ancestors whose box the point lies outside:
                // inside a box the probability of a separating cut is 0 and the score
                // passes through unchanged.
                var depth = 0
                var outside = 0
                var node = Int(root)
                while leafPoint[node] < 0 {
                    let base = node * dimensions
                    var gaps = 0.0
                    for d in 0..<dimensions {
                        let value = point[d]
                        gaps += max(0, boxMinimum[base + d] - value) + max(0, value - boxMaximum[base + d])
                    }
                    if gaps > 0 {
                        path[outside] = Int32(node)
                        levels[outside] = Int32(depth)
                        outside += 1
                    }
                    depth += 1
                    node = Int(point[Int(cutDimension[node])] <= cutValue[node] ? left[node] : right[node])
                }
                let held = Int(leafPoint[node]) * dimensions
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
                    let base = Int(path[entry]) * dimensions
                    var range = 0.0
                    var gaps = 0.0
                    for d in 0..<dimensions {
                        let low = boxMinimum[base + d], high = boxMaximum[base + d], value = point[d]
                        range += high - low
                        gaps += max(0, low - value) + max(0, value - high)
                    }
                    if gaps > 0 {
                        let probability = gaps / (range + gaps)
                        let unseen = 1 / (Double(level) + 1)
                        score = probability * unseen + (1 - probability) * score
                        if let attribution {
                            for d in 0..<dimensions {
                                let low = boxMinimum[base + d], high = boxMaximum[base + d]
                                let above = max(0, point[d] - high) / (range + gaps)
                                let below = max(0, low - point[d]) / (range + gaps)
                                attribution[2 * d] = above * unseen + (1 - probability) * attribution[2 * d]
                                attribution[2 * d + 1] = below * unseen + (1 - probability) * attribution[2 * d + 1]
                            }
                        }
                    }
                    entry -= 1
                }
                let normaliser = log2(1 + treeMass)
                if let attribution { for slot in 0..<(2 * dimensions) { attribution[slot] *= normaliser } }
                return score * normaliser
            }}}}}}}}
        }
    }

    /// Checks the tree's invariants: every internal node's mass is its children's sum and
    /// its box is exactly the union of theirs, and parents point back. For tests.
    func isConsistent(store: PointStore) -> Bool {
        guard root >= 0 else { return true }
        var pending = [root]
        while let node = pending.popLast() {
            guard leafPoint[Int(node)] < 0 else { continue }
            let first = left[Int(node)], second = right[Int(node)]
            guard parent[Int(first)] == node, parent[Int(second)] == node, mass[Int(node)] == mass[Int(first)] + mass[Int(second)] else {
                return false
            }
            for d in 0..<dimensions {
                let (lowA, highA) = bounds(of: first, dimension: d, store: store)
                let (lowB, highB) = bounds(of: second, dimension: d, store: store)
                if boxMinimum[Int(node) * dimensions + d] != min(lowA, lowB) || boxMaximum[Int(node) * dimensions + d] != max(highA, highB) {
                    return false
                }
            }
            pending += [first, second]
        }
        return parent[Int(root)] < 0
    }

    // MARK: - Nodes

    private func findLeaf(_ point: ArraySlice<Double>) -> Int32? {
        guard root >= 0 else { return nil }
        var node = root
        while leafPoint[Int(node)] < 0 {
            let value = point[point.startIndex + Int(cutDimension[Int(node)])]
            node = value <= cutValue[Int(node)] ? left[Int(node)] : right[Int(node)]
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
        let base = Int(node) * dimensions
        let first = left[Int(node)], second = right[Int(node)]
        var changed = false
        for d in 0..<dimensions {
            let (lowA, highA) = bounds(of: first, dimension: d, store: store)
            let (lowB, highB) = bounds(of: second, dimension: d, store: store)
            let low = min(lowA, lowB), high = max(highA, highB)
            if low != boxMinimum[base + d] || high != boxMaximum[base + d] {
                boxMinimum[base + d] = low
                boxMaximum[base + d] = high
                changed = true
            }
        }
        return changed
    }

    private func bounds(of node: Int32, dimension d: Int, store: PointStore) -> (Double, Double) {
        let point = leafPoint[Int(node)]
        if point >= 0 {
            let value = store.coordinates[Int(point) * dimensions + d]
            return (value, value)
        }
        return (boxMinimum[Int(node) * dimensions + d], boxMaximum[Int(node) * dimensions + d])
    }

    private mutating func allocate() -> Int32 {
        if let node = freeNodes.popLast() { return node }
        left.append(-1)
        right.append(-1)
        parent.append(-1)
        mass.append(0)
        cutDimension.append(0)
        cutValue.append(0)
        leafPoint.append(-1)
        boxMinimum.append(contentsOf: repeatElement(0, count: dimensions))
        boxMaximum.append(contentsOf: repeatElement(0, count: dimensions))
        return Int32(left.count - 1)
    }

    private mutating func newLeaf(_ point: Int32, parent above: Int32) -> Int32 {
        let node = allocate()
        left[Int(node)] = -1
        right[Int(node)] = -1
        parent[Int(node)] = above
        mass[Int(node)] = 1
        leafPoint[Int(node)] = point
        return node
    }

    private mutating func newInternal(dimension: Int, cut: Double, left child: Int32, right other: Int32, mass total: Int32,
                                      lower: [Double], upper: [Double]) -> Int32 {
        let node = allocate()
        left[Int(node)] = child
        right[Int(node)] = other
        mass[Int(node)] = total
        cutDimension[Int(node)] = Int32(dimension)
        cutValue[Int(node)] = cut
        leafPoint[Int(node)] = -1
        let base = Int(node) * dimensions
        for d in 0..<dimensions {
            boxMinimum[base + d] = lower[d]
            boxMaximum[base + d] = upper[d]
        }
        return node
    }

    private mutating func freeNode(_ node: Int32) {
        leafPoint[Int(node)] = -1
        freeNodes.append(node)
    }
}
