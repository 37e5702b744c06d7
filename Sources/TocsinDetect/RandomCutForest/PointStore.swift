/// The points the trees of a random cut forest have sampled, stored once however many
/// trees hold them: flat coordinates, a reference count per point, and a free list.
struct PointStore: Sendable, Codable, Hashable {
    /// Coordinates per point.
    let dimensions: Int
    private(set) var coordinates: [Double] = []
    private var references: [Int32] = []
    private var free: [Int32] = []

    init(dimensions: Int) {
        self.dimensions = dimensions
    }

    /// Stores a point with no references yet and returns its index.
    mutating func add(_ point: [Double]) -> Int32 {
        if let index = free.popLast() {
            let start = Int(index) * dimensions
            for d in 0..<dimensions { coordinates[start + d] = point[d] }
            references[Int(index)] = 0
            return index
        }
        coordinates.append(contentsOf: point)
        references.append(0)
        return Int32(references.count - 1)
    }

    mutating func retain(_ index: Int32) {
        references[Int(index)] += 1
    }

    /// Drops one reference; the slot is reused once none is left.
    mutating func release(_ index: Int32) {
        references[Int(index)] -= 1
        if references[Int(index)] <= 0 { free.append(index) }
    }

    /// The slots, free ones included.
    var count: Int { references.count }

    /// Checks that saved state has coordinates for every slot (before any is read).
    func checkShape() throws(DetectorError) {
        guard coordinates.count == references.count * dimensions else {
            throw DetectorError("\(coordinates.count) coordinates for \(references.count) points of \(dimensions)")
        }
    }

    /// Checks saved state: each point referenced as often as `held` (one count per slot)
    /// says the trees keep copies of it, and free slots unreferenced, each once.
    func check(held: [Int32]) throws(DetectorError) {
        for (index, count) in references.enumerated() where count != held[index] {
            throw DetectorError("point \(index) is referenced \(count) times, held \(held[index]) times")
        }
        var freed = [Bool](repeating: false, count: references.count)
        for index in free {
            guard (0..<references.count).contains(Int(index)), !freed[Int(index)], references[Int(index)] == 0 else {
                throw DetectorError("free point \(index) is outside the store, in use or freed twice")
            }
            freed[Int(index)] = true
        }
    }

    /// Frees a point that no tree took.
    mutating func discardIfUnused(_ index: Int32) {
        if references[Int(index)] == 0 { free.append(index) }
    }
}
