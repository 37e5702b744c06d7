import Foundation

/// A time-decayed reservoir sample (Guha et al. 2016; AWS's CompactSampler): each point
/// gets the weight `log(-log u) - λ·t` for a uniform `u` and its sequence number `t`,
/// and the sampler keeps the `capacity` points of smallest weight. With `λ = 0` it is a
/// uniform reservoir; a larger λ favours recent points, so the sample follows the stream.
/// Per point it keeps what its owner names the point by (the forest: the tree's leaf).
struct StreamSampler: Sendable, Codable, Hashable {
    let capacity: Int
    let timeDecay: Double
    /// A max-heap on weight: the root is the point evicted next.
    private(set) var weights: [Double] = []
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
        let exponent = weights[0] + decayed + 1e-9 * max(1, abs(weights[0]), decayed)
        let scale = exp(exponent)
        rejectionBelow = exp(-scale) * (1 - 1e-12 * (1 + scale))
        rejectionThrough = through
    }

    /// Removes and returns the entry of largest weight (call only when full).
    mutating func evict() -> Int32 {
        rejectionThrough = 0
        let evicted = entries[0]
        let lastWeight = weights.removeLast()
        let lastEntry = entries.removeLast()
        if !entries.isEmpty {
            weights[0] = lastWeight
            entries[0] = lastEntry
            siftDown(0)
        }
        return evicted
    }

    /// Adds the entry of an admitted point.
    mutating func add(_ entry: Int32, weight: Double) {
        rejectionThrough = 0
        weights.append(weight)
        entries.append(entry)
        withHeap { weights, entries in
            var child = entries.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard weights[child] > weights[parent] else { break }
                weights.swapAt(child, parent)
                entries.swapAt(child, parent)
                child = parent
            }
        }
    }

    private mutating func siftDown(_ start: Int) {
        withHeap { weights, entries in
            var parent = start
            while true {
                let left = 2 * parent + 1
                guard left < entries.count else { return }
                var largest = left
                if left + 1 < entries.count, weights[left + 1] > weights[left] { largest = left + 1 }
                guard weights[largest] > weights[parent] else { return }
                weights.swapAt(largest, parent)
                entries.swapAt(largest, parent)
                parent = largest
            }
        }
    }

    /// Runs `body` on the heap's storage, so that its swaps need no checks of the arrays' uniqueness.
    private mutating func withHeap(_ body: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Int32>) -> Void) {
        weights.withUnsafeMutableBufferPointer { weights in
            entries.withUnsafeMutableBufferPointer { entries in body(weights, entries) }
        }
    }
}
