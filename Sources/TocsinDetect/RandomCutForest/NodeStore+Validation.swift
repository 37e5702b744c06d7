extension NodeStore {
    /// What one tree of a saved pool holds, once checked.
    struct TreeContents {
        /// Its leaves, each once.
        var leaves: [Int32] = []
        /// The points it holds, counting copies.
        var mass = 0
    }

    /// Checks the tree at `root` as saved state could have it wrong, reading nothing out of
    /// range whatever the state holds: every reference within the pool and reached once
    /// (`claimedCuts` and `claimedLeaves` mark the nodes of the trees checked before, as no
    /// node belongs to two), parents pointing back, cut dimensions within the points', leaves
    /// holding stored points with a positive mass, and every box exactly the union of its
    /// children's, with its range.
    func contents(ofTreeAt root: Int32, points: PointStore, claimedCuts: inout [Bool],
                  claimedLeaves: inout [Bool]) throws(DetectorError) -> TreeContents {
        var contents = TreeContents()
        var cutNodes: [Int32] = []
        var pending: [(reference: Int32, parent: Int32)] = [(root, -1)]
        while let (reference, parent) = pending.popLast() {
            if reference < 0 {
                let index = Int(~reference)
                guard index < leaves.count, !claimedLeaves[index] else { throw DetectorError("leaf \(index) is outside the pool or in two places") }
                claimedLeaves[index] = true
                let leaf = leaves[index]
                guard leaf.parent == parent else { throw DetectorError("leaf \(index) names \(leaf.parent) as its parent, not \(parent)") }
                guard leaf.mass >= 1, (0..<points.count).contains(Int(leaf.point)) else {
                    throw DetectorError("leaf \(index) holds \(leaf.mass) copies of point \(leaf.point) of \(points.count)")
                }
                contents.leaves.append(Int32(index))
                contents.mass += Int(leaf.mass)
                continue
            }
            let index = Int(reference)
            guard index < cuts.count, !claimedCuts[index] else { throw DetectorError("node \(index) is outside the pool or in two places") }
            claimedCuts[index] = true
            let cut = cuts[index]
            guard cut.parent == parent else { throw DetectorError("node \(index) names \(cut.parent) as its parent, not \(parent)") }
            guard (0..<dimensions).contains(Int(cut.dimension)) else {
                throw DetectorError("node \(index) cuts dimension \(cut.dimension) of \(dimensions)")
            }
            cutNodes.append(reference)
            pending.append((cut.left, reference))
            pending.append((cut.right, reference))
        }
        // Every reference is now known to be sound, so the boxes can be read.
        for node in cutNodes {
            let cut = cuts[Int(node)]
            let start = boxStart + Int(node) * 2 * dimensions
            var range = 0.0
            for d in 0..<dimensions {
                let (lowA, highA) = bounds(of: cut.left, dimension: d, points: points)
                let (lowB, highB) = bounds(of: cut.right, dimension: d, points: points)
                let low = boxStorage[start + d], high = boxStorage[start + dimensions + d]
                guard low == min(lowA, lowB), high == max(highA, highB) else { throw DetectorError("the box of node \(node) is not its children's") }
                range += high - low
            }
            guard cut.range == range else { throw DetectorError("node \(node) records a range of \(cut.range), its box has \(range)") }
        }
        return contents
    }

    /// Checks that the free lists name nodes of the pool, each once, that no tree holds.
    func checkFreeLists(claimedCuts: [Bool], claimedLeaves: [Bool]) throws(DetectorError) {
        var freed = claimedCuts
        for node in freeCuts {
            guard (0..<cuts.count).contains(Int(node)), !freed[Int(node)] else {
                throw DetectorError("free node \(node) is outside the pool, in use or freed twice")
            }
            freed[Int(node)] = true
        }
        freed = claimedLeaves
        for leaf in freeLeaves {
            guard (0..<leaves.count).contains(Int(leaf)), !freed[Int(leaf)] else {
                throw DetectorError("free leaf \(leaf) is outside the pool, in use or freed twice")
            }
            freed[Int(leaf)] = true
        }
    }
}
