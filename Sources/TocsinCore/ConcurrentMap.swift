import Dispatch

/// Runs independent, deterministic pieces of work on every core and returns their
/// results in index order, so the outcome never depends on the number of threads.
public enum ConcurrentMap {
    /// Calls `body` for every index in `0..<count`, concurrently, and returns the results in index order.
    public static func map<T: Sendable>(count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        let results = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.store(body(index), at: index)
        }
        return results.values()
    }
}

/// Write-once slots filled from concurrent iterations, each index by exactly one of them.
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ value: T, at index: Int) {
        slots[index] = value
    }

    func values() -> [T] {
        (0..<count).map { slots[$0]! }
    }
}
