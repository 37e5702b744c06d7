/// The forest rearranged for branch-free scoring: every leaf points to itself and
/// always compares "less or equal" (its split value is +∞), so every row walks exactly
/// `depth` steps in every tree with no data-dependent exit. Several rows then walk in
/// lockstep, which lets the processor overlap their memory loads.
struct FlatTraversal: Sendable, Hashable {
    /// A node as the walk reads it: one 16-byte load per step.
    struct Step: Sendable, Hashable {
        var value: Double
        var feature: Int32
        var child: Int32
    }

    let steps: [Step]
    let pathLengths: [Double]
    let depth: Int

    init(nodes: [IsolationNode], roots: [Int32]) {
        var steps: [Step] = []
        steps.reserveCapacity(nodes.count)
        var pathLengths = [Double](repeating: 0, count: nodes.count)
        for (index, node) in nodes.enumerated() {
            if node.isLeaf {
                steps.append(Step(value: .infinity, feature: 0, child: Int32(index)))
                pathLengths[index] = node.value
            } else {
                steps.append(Step(value: node.value, feature: node.feature, child: node.left))
            }
        }
        var deepest = 0
        for root in roots {
            var stack = [(Int(root), 0)]
            while let (index, level) = stack.popLast() {
                let node = nodes[index]
                if node.isLeaf {
                    deepest = max(deepest, level)
                } else {
                    stack.append((Int(node.left), level + 1))
                    stack.append((Int(node.left) + 1, level + 1))
                }
            }
        }
        self.steps = steps
        self.pathLengths = pathLengths
        self.depth = deepest
    }

    /// Adds each row's path length in the tree at `root` to `totals`.
    /// `rows` points at `count` rows of `width` values.
    func accumulate(root: Int32, rows: UnsafePointer<Double>, count: Int, width: Int, into totals: UnsafeMutablePointer<Double>) {
        steps.withUnsafeBufferPointer { steps in
            pathLengths.withUnsafeBufferPointer { paths in
                @inline(__always)
                func step(_ node: Int, _ row: UnsafePointer<Double>) -> Int {
                    let current = steps[node]
                    // Bool's bit pattern is 0 or 1: no branch to mispredict.
                    let goRight = unsafeBitCast(row[Int(current.feature)] > current.value, to: UInt8.self)
                    return Int(current.child) &+ Int(goRight)
                }
                var first = 0
                while first + 8 <= count {
                    let r0 = rows + first * width, r1 = r0 + width, r2 = r1 + width, r3 = r2 + width
                    let r4 = r3 + width, r5 = r4 + width, r6 = r5 + width, r7 = r6 + width
                    var n0 = Int(root), n1 = n0, n2 = n0, n3 = n0, n4 = n0, n5 = n0, n6 = n0, n7 = n0
                    for _ in 0..<depth {
                        n0 = step(n0, r0)
                        n1 = step(n1, r1)
                        n2 = step(n2, r2)
                        n3 = step(n3, r3)
                        n4 = step(n4, r4)
                        n5 = step(n5, r5)
                        n6 = step(n6, r6)
                        n7 = step(n7, r7)
                    }
                    totals[first] += paths[n0]
                    totals[first + 1] += paths[n1]
                    totals[first + 2] += paths[n2]
                    totals[first + 3] += paths[n3]
                    totals[first + 4] += paths[n4]
                    totals[first + 5] += paths[n5]
                    totals[first + 6] += paths[n6]
                    totals[first + 7] += paths[n7]
                    first += 8
                }
                while first < count {
                    let row = rows + first * width
                    var node = Int(root)
                    for _ in 0..<depth { node = step(node, row) }
                    totals[first] += paths[node]
                    first += 1
                }
            }
        }
    }
}
