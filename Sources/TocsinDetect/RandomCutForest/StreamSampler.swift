import Foundation

/// A time-decayed reservoir sample (Guha et al. 2016; AWS's CompactSampler): each point
/// gets the weight `log(-log u) - λ·t` for a uniform `u` and its sequence number `t`,
/// and the sampler keeps the `capacity` points of smallest weight. With `λ = 0` it is a
/// uniform reservoir; a larger λ favours recent points, so the sample follows the stream.
/// Per point it keeps what its owner names the point by (the forest: the tree's leaf).
struct StreamSampler: Sendable, Codable, Hashable {
    let capacity: Int
    let timeDecay: Double
    /// A max-heap of eight children per node on the kept points' weights (the first is the
    /// point evicted next): a sift down then reads three groups of eight adjacent weights
    /// for a full sample of 256, where a binary heap reads eight scattered pairs.
    private(set) var weights: [Double] = []
    /// What the owner names each kept point by, in the order of `weights`.
    private(set) var entries: [Int32] = []
    /// Uniforms below this are surely turned away while the sequence number is at most
    /// `rejectionThrough`, without computing their weight; the heap's largest weight must
    /// not change meanwhile, so every change of the heap resets `rejectionThrough`.
    /// Derived, so neither encoded nor compared.
    private var rejectionBelow = 0.0
    private var rejectionThrough = 0

    private enum CodingKeys: String, CodingKey {
        case capacity, timeDecay, weights, entries
    }

    init(capacity: Int, timeDecay: Double) {
        self.capacity = capacity
        self.timeDecay = timeDecay
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        capacity = try container.decode(Int.self, forKey: .capacity)
        timeDecay = try container.decode(Double.self, forKey: .timeDecay)
        let weights = try container.decode([Double].self, forKey: .weights)
        let entries = try container.decode([Int32].self, forKey: .entries)
        guard capacity >= 1, weights.count == entries.count, weights.count <= capacity else {
            throw DecodingError.dataCorruptedError(forKey: .entries, in: container,
                                                   debugDescription: "\(entries.count) entries for \(weights.count) weights, capacity \(capacity)")
        }
        self.weights = weights
        self.entries = entries
        // Any order is accepted (older states held a binary heap): heapified, which leaves a
        // heap as it is.
        withHeap { weights, entries in
            var node = (weights.count - 2) / 8
            while node >= 0 {
                Self.siftDownOrdered(from: node, weights: weights, entries: entries)
                node -= 1
            }
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(capacity, forKey: .capacity)
        try container.encode(timeDecay, forKey: .timeDecay)
        try container.encode(weights, forKey: .weights)
        try container.encode(entries, forKey: .entries)
    }

    static func == (first: StreamSampler, second: StreamSampler) -> Bool {
        first.capacity == second.capacity && first.timeDecay == second.timeDecay && first.weights == second.weights
            && first.entries == second.entries
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(capacity)
        hasher.combine(timeDecay)
        hasher.combine(weights)
        hasher.combine(entries)
    }

    var isFull: Bool { entries.count >= capacity }

    /// The entry of largest weight: the one a full sampler gives up for the next point it admits.
    var largest: Int32 { entries[0] }

    /// The weight of a new point, or nil when the sampler would not keep it.
    mutating func admission(sequence: Int, uniform: Double) -> Double? {
        if isFull {
            if sequence > rejectionThrough { prepareRejection(from: sequence) }
            if uniform < rejectionBelow { return nil }
        }
        let weight = log(-log(max(uniform, .leastNonzeroMagnitude))) - timeDecay * Double(sequence)
        if !isFull { return weight }
        return weight < weights[0] ? weight : nil
    }

    /// Finds the uniforms that are turned away for the next 64 sequence numbers whatever
    /// the rounding of their weights: a weight is at least the heap's largest when
    /// `log(-log u) >= largest + λ·t`, that is `u <= exp(-exp(largest + λ·t))`, which
    /// shrinks as `t` grows; the bound is taken at the last sequence number and pulled in
    /// by far more than the rounding of either side.
    private mutating func prepareRejection(from sequence: Int) {
        let through = sequence + 64
        let decayed = timeDecay * Double(through)
        let largest = weights[0]
        let exponent = largest + decayed + 1e-9 * max(1, abs(largest), decayed)
        let scale = exp(exponent)
        rejectionBelow = exp(-scale) * (1 - 1e-12 * (1 + scale))
        rejectionThrough = through
    }

    /// Keeps an admitted point: added while the sample is not full, in place of
    /// ``largest`` once it is.
    mutating func keep(_ entry: Int32, weight: Double) {
        rejectionThrough = 0
        if isFull {
            withHeap { weights, entries in Self.replaceFirst(weight, entry, weights: weights, entries: entries) }
            return
        }
        weights.append(weight)
        entries.append(entry)
        withHeap { weights, entries in
            var child = weights.count - 1
            while child > 0 {
                let parent = (child - 1) / 8
                guard weights[child] > weights[parent] else { break }
                weights.swapAt(child, parent)
                entries.swapAt(child, parent)
                child = parent
            }
        }
    }

    /// Puts a point in place of the first and restores the heap, as Floyd does: the heaviest
    /// child moves up into the hole all the way down (no comparison with the new point,
    /// which, being recent, mostly belongs near the bottom), then the point moves back up
    /// while its parent is not heavier. The heaviest of eight is chosen without branches.
    private static func replaceFirst(_ weight: Double, _ entry: Int32, weights: UnsafeMutableBufferPointer<Double>,
                                     entries: UnsafeMutableBufferPointer<Int32>) {
        let count = weights.count
        var hole = 0
        while true {
            let first = 8 &* hole &+ 1
            guard first < count else { break }
            let heaviest: (weight: Double, index: Int)
            if first &+ 8 <= count {
                // A knockout of the eight, pairs first, so that its comparisons overlap.
                let a = heavier((weights[first], first), (weights[first &+ 1], first &+ 1))
                let b = heavier((weights[first &+ 2], first &+ 2), (weights[first &+ 3], first &+ 3))
                let c = heavier((weights[first &+ 4], first &+ 4), (weights[first &+ 5], first &+ 5))
                let d = heavier((weights[first &+ 6], first &+ 6), (weights[first &+ 7], first &+ 7))
                heaviest = heavier(heavier(a, b), heavier(c, d))
            } else {
                var best = (weights[first], first)
                for child in (first &+ 1)..<count { best = heavier(best, (weights[child], child)) }
                heaviest = best
            }
            weights[hole] = heaviest.weight
            entries[hole] = entries[heaviest.index]
            hole = heaviest.index
        }
        while hole > 0 {
            let parent = (hole &- 1) / 8
            guard weights[parent] <= weight else { break }
            weights[hole] = weights[parent]
            entries[hole] = entries[parent]
            hole = parent
        }
        weights[hole] = weight
        entries[hole] = entry
    }

    /// The heavier of two weighted indices, the first on a tie; chosen by selection, not branching.
    @inline(__always)
    private static func heavier(_ first: (weight: Double, index: Int), _ second: (weight: Double, index: Int)) -> (weight: Double, index: Int) {
        let takeSecond = second.weight > first.weight
        return (takeSecond ? second.weight : first.weight, takeSecond ? second.index : first.index)
    }

    /// Moves the entry at `node` down while a child is heavier (a heap below it is left as it is).
    private static func siftDownOrdered(from node: Int, weights: UnsafeMutableBufferPointer<Double>,
                                        entries: UnsafeMutableBufferPointer<Int32>) {
        var parent = node
        while true {
            let first = 8 * parent + 1
            guard first < weights.count else { return }
            var heaviest = first
            for child in (first + 1)..<min(first + 8, weights.count) where weights[child] > weights[heaviest] { heaviest = child }
            guard weights[heaviest] > weights[parent] else { return }
            weights.swapAt(heaviest, parent)
            entries.swapAt(heaviest, parent)
            parent = heaviest
        }
    }

    /// Runs `body` on the heap's storage, so that its moves need no checks of the arrays' uniqueness.
    private mutating func withHeap(_ body: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Int32>) -> Void) {
        weights.withUnsafeMutableBufferPointer { weights in
            entries.withUnsafeMutableBufferPointer { entries in body(weights, entries) }
        }
    }
}
