import Foundation

/// A time-decayed reservoir sample (Guha et al. 2016; AWS's CompactSampler): each point
/// gets the weight `log(-log u) - λ·t` for a uniform `u` and its sequence number `t`,
/// and the sampler keeps the `capacity` points of smallest weight. With `λ = 0` it is a
/// uniform reservoir; a larger λ favours recent points, so the sample follows the stream.
struct StreamSampler: Sendable, Codable, Hashable {
    let capacity: Int
    let timeDecay: Double
    /// A max-heap on weight: the root is the point evicted next.
    private(set) var weights: [Double] = []
    private(set) var points: [Int32] = []

    init(capacity: Int, timeDecay: Double) {
        self.capacity = capacity
        self.timeDecay = timeDecay
    }

    var isFull: Bool { points.count >= capacity }

    /// The weight of a new point, or nil when the sampler would not keep it.
    func admission(sequence: Int, uniform: Double) -> Double? {
        let weight = log(-log(max(uniform, .leastNonzeroMagnitude))) - timeDecay * Double(sequence)
        if !isFull { return weight }
        return weight < weights[0] ? weight : nil
    }

    /// Removes and returns the point of largest weight (call only when full).
    mutating func evict() -> Int32 {
        let evicted = points[0]
        let lastWeight = weights.removeLast()
        let lastPoint = points.removeLast()
        if !points.isEmpty {
            weights[0] = lastWeight
            points[0] = lastPoint
            siftDown(0)
        }
        return evicted
    }

    /// Adds an admitted point.
    mutating func add(_ point: Int32, weight: Double) {
        weights.append(weight)
        points.append(point)
        var child = points.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard weights[child] > weights[parent] else { break }
            weights.swapAt(child, parent)
            points.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < points.count else { return }
            var largest = left
            if left + 1 < points.count, weights[left + 1] > weights[left] { largest = left + 1 }
            guard weights[largest] > weights[parent] else { return }
            weights.swapAt(largest, parent)
            points.swapAt(largest, parent)
            parent = largest
        }
    }
}
