/// A sorted multiset of doubles kept as a list of short sorted blocks (square-root
/// decomposition): inserting or removing a value costs O(√n), and with a
/// ``RankIndex`` built in O(√n) any order statistic costs O(log n).
///
/// Blocks hold between 1 and `2·blockSize` values; a full one splits in two, and a small
/// one merges into its neighbour, so there are O(n / blockSize) of them. Each block's
/// sum and sum of squared deviations from its mean are kept too, recomputed from the
/// block whenever it changes so that no rounding drifts.
public struct SortedBlocks: Sendable, Codable, Hashable {
    /// The typical block length; about √(the expected count) keeps both costs O(√n).
    public let blockSize: Int
    private var blocks: [[Double]] = []
    private var sums: [Double] = []
    private var squares: [Double] = []
    /// The number of values held.
    public private(set) var count = 0

    private enum CodingKeys: String, CodingKey {
        case blockSize, blocks, sums, squares, count
    }

    /// Decodes a saved multiset, refusing one that is not sorted non-empty blocks of finite
    /// values within the size bound, holding `count` values; each block's moments are
    /// recomputed from it, as every change does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        blockSize = try container.decode(Int.self, forKey: .blockSize)
        blocks = try container.decode([[Double]].self, forKey: .blocks)
        count = try container.decode(Int.self, forKey: .count)
        let values = blocks.joined()
        guard blockSize >= 2, blockSize <= Int.max / 4, blocks.allSatisfy({ !$0.isEmpty && $0.count <= 2 * blockSize }),
              values.count == count, values.allSatisfy(\.isFinite), zip(values, values.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw DecodingError.dataCorruptedError(forKey: .blocks, in: container,
                                                   debugDescription: "not \(count) finite values in sorted blocks of at most \(blockSize) * 2")
        }
        sums = [Double](repeating: 0, count: blocks.count)
        squares = sums
        for index in blocks.indices { refreshMoments(index) }
    }

    /// An empty multiset with blocks of about `blockSize` (at least 2) values.
    public init(blockSize: Int) {
        self.blockSize = max(2, blockSize)
    }

    /// Adds a (finite) value.
    public mutating func insert(_ value: Double) {
        count += 1
        guard !blocks.isEmpty else {
            blocks = [[value]]
            sums = [value]
            squares = [0]
            return
        }
        let index = blockIndex(for: value)
        blocks[index].insert(value, at: Self.lowerBound(of: value, in: blocks[index]))
        if blocks[index].count > 2 * blockSize {
            let upperHalf = Array(blocks[index][blockSize...])
            blocks[index].removeSubrange(blockSize...)
            blocks.insert(upperHalf, at: index + 1)
            sums.insert(0, at: index + 1)
            squares.insert(0, at: index + 1)
            refreshMoments(index + 1)
        }
        refreshMoments(index)
    }

    /// Removes one occurrence of `value`; returns whether there was one.
    @discardableResult
    public mutating func remove(_ value: Double) -> Bool {
        guard !blocks.isEmpty else { return false }
        // Blocks before this one end at or below its first value, so if that is below
        // `value` they cannot hold it, and if it equals `value` this block does.
        let index = blockIndex(for: value)
        let position = Self.lowerBound(of: value, in: blocks[index])
        guard position < blocks[index].count, blocks[index][position] == value else { return false }
        blocks[index].remove(at: position)
        count -= 1
        settle(index)
        return true
    }

    /// The block a value belongs in: the last whose first value is not above it.
    private func blockIndex(for value: Double) -> Int {
        var low = 0
        var high = blocks.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if blocks[middle][0] <= value { low = middle } else { high = middle }
        }
        return low
    }

    /// Drops an emptied block and merges a small one into its neighbour.
    private mutating func settle(_ index: Int) {
        if blocks[index].isEmpty {
            blocks.remove(at: index)
            sums.remove(at: index)
            squares.remove(at: index)
            return
        }
        refreshMoments(index)
        guard blocks[index].count < blockSize / 4, blocks.count > 1 else { return }
        let left = index > 0 ? index - 1 : index
        blocks[left] += blocks[left + 1]
        blocks.remove(at: left + 1)
        sums.remove(at: left + 1)
        squares.remove(at: left + 1)
        refreshMoments(left)
        if blocks[left].count > 2 * blockSize {
            let upperHalf = Array(blocks[left][blockSize...])
            blocks[left].removeSubrange(blockSize...)
            blocks.insert(upperHalf, at: left + 1)
            sums.insert(0, at: left + 1)
            squares.insert(0, at: left + 1)
            refreshMoments(left + 1)
            refreshMoments(left)
        }
    }

    private mutating func refreshMoments(_ index: Int) {
        var sum = 0.0
        for value in blocks[index] { sum += value }
        let mean = sum / Double(blocks[index].count)
        var deviations = 0.0
        for value in blocks[index] { deviations += (value - mean) * (value - mean) }
        sums[index] = sum
        squares[index] = deviations
    }

    /// The position of the first element not below `value` in a sorted array.
    private static func lowerBound(of value: Double, in values: [Double]) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// An index for order statistics over the current contents; invalid after any change.
    public var rankIndex: RankIndex { RankIndex(blocks: blocks, sums: sums, squares: squares) }

    /// Order statistics over a snapshot of a ``SortedBlocks``.
    public struct RankIndex: Sendable {
        private let blocks: [[Double]]
        /// `starts[b]` values lie in the blocks before block `b`; the last entry is the count.
        private let starts: [Int]
        /// `sumsBefore[b]` is the sum of the values in the blocks before block `b`.
        private let sumsBefore: [Double]
        /// Each block's sum, and its sum of squared deviations from its own mean.
        private let sums: [Double]
        private let squares: [Double]

        fileprivate init(blocks: [[Double]], sums: [Double], squares: [Double]) {
            self.blocks = blocks
            self.sums = sums
            self.squares = squares
            var starts = [0]
            var sumsBefore = [0.0]
            for (block, sum) in zip(blocks, sums) {
                starts.append(starts[starts.count - 1] + block.count)
                sumsBefore.append(sumsBefore[sumsBefore.count - 1] + sum)
            }
            self.starts = starts
            self.sumsBefore = sumsBefore
        }

        /// The number of values.
        public var count: Int { starts[starts.count - 1] }

        /// The value of rank `rank` (0 is the smallest).
        public subscript(rank: Int) -> Double {
            let block = self.block(containing: rank)
            return blocks[block][rank - starts[block]]
        }

        /// The number of values below `value`.
        public func countBelow(_ value: Double) -> Int {
            var low = 0
            var high = count
            while low < high {
                let middle = (low + high) / 2
                if self[middle] < value { low = middle + 1 } else { high = middle }
            }
            return low
        }

        /// The sum of the `prefix` smallest values.
        public func sumOfSmallest(_ prefix: Int) -> Double {
            guard prefix > 0 else { return 0 }
            let block = self.block(containing: prefix - 1)
            var sum = sumsBefore[block]
            for value in blocks[block][..<(prefix - starts[block])] { sum += value }
            return sum
        }

        /// The sum of all values.
        public var sum: Double { sumsBefore[sumsBefore.count - 1] }

        /// The population variance of the values, pooled from the blocks' own (Chan,
        /// Golub and LeVeque) so that a large common offset costs no precision.
        /// The index must not be empty.
        public var variance: Double {
            let mean = sum / Double(count)
            var total = 0.0
            for block in blocks.indices {
                let size = Double(starts[block + 1] - starts[block])
                let offset = sums[block] / size - mean
                total += squares[block] + size * offset * offset
            }
            return total / Double(count)
        }

        private func block(containing rank: Int) -> Int {
            var low = 0
            var high = blocks.count
            while high - low > 1 {
                let middle = (low + high) / 2
                if starts[middle] <= rank { low = middle } else { high = middle }
            }
            return low
        }
    }
}
