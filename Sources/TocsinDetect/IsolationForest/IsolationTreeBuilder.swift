import TocsinCore

/// Grows one isolation tree on a subsample of a matrix's rows: random feature, random
/// split uniformly between that feature's minimum and maximum in the node, until a
/// node holds one row or the height limit is reached.
struct IsolationTreeBuilder {
    let data: Matrix
    let heightLimit: Int

    /// Grows a tree over the rows in `sample`; node indices in the result are local
    /// to the tree (the root is node 0).
    func grow(sample: [Int], generator: inout SeededGenerator) -> [IsolationNode] {
        var rows = sample
        var nodes = [IsolationNode(feature: -1, left: 0, value: 0)]
        nodes.reserveCapacity(2 * sample.count)
        var featureOrder = Array(0..<data.columns)
        var pending = [(node: 0, start: 0, end: rows.count, depth: 0)]
        data.storage.withUnsafeBufferPointer { cells in
            while let task = pending.popLast() {
                let count = task.end - task.start
                guard count > 1, task.depth < heightLimit,
                    let split = chooseSplit(rows: rows[task.start..<task.end], cells: cells,
                                            featureOrder: &featureOrder, generator: &generator)
                else {
                    nodes[task.node] = IsolationNode(
                        feature: -1, left: 0, value: Double(task.depth) + averagePathLength(count))
                    continue
                }
                let middle = partition(&rows, task.start..<task.end, cells: cells, split: split)
                let left = nodes.count
                nodes.append(IsolationNode(feature: -1, left: 0, value: 0))
                nodes.append(IsolationNode(feature: -1, left: 0, value: 0))
                nodes[task.node] = IsolationNode(feature: Int32(split.feature), left: Int32(left), value: split.value)
                pending.append((left + 1, middle, task.end, task.depth + 1))
                pending.append((left, task.start, middle, task.depth + 1))
            }
        }
        return nodes
    }

    /// Draws features without replacement until one is not constant over the rows,
    /// then a split value uniformly in [min, max). Returns nil when every feature is constant.
    private func chooseSplit(rows: ArraySlice<Int>, cells: UnsafeBufferPointer<Double>,
                             featureOrder: inout [Int], generator: inout SeededGenerator) -> (feature: Int, value: Double)? {
        let width = data.columns
        for drawn in 0..<width {
            let pick = drawn + Int(generator.next(upperBound: UInt64(width - drawn)))
            featureOrder.swapAt(drawn, pick)
            let feature = featureOrder[drawn]
            var low = Double.infinity
            var high = -Double.infinity
            for row in rows {
                let x = cells[row * width + feature]
                low = min(low, x)
                high = max(high, x)
            }
            if high > low {
                let value = low + generator.nextUnit() * (high - low)
                return (feature, min(value, high.nextDown))
            }
        }
        return nil
    }

    /// Moves rows with `row[feature] <= value` before the others; returns the boundary.
    private func partition(_ rows: inout [Int], _ range: Range<Int>, cells: UnsafeBufferPointer<Double>,
                           split: (feature: Int, value: Double)) -> Int {
        var boundary = range.lowerBound
        for position in range where cells[rows[position] * data.columns + split.feature] <= split.value {
            rows.swapAt(position, boundary)
            boundary += 1
        }
        return boundary
    }
}
