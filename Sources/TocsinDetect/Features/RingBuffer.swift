/// A fixed-capacity FIFO that overwrites its oldest element when full; the bounded
/// history every streaming detector keeps.
public struct RingBuffer<Element: Sendable & Codable & Hashable>: Sendable, Codable, Hashable {
    /// The most elements the buffer holds.
    public let capacity: Int
    private var storage: [Element] = []
    private var head = 0

    /// Creates an empty buffer holding at most `capacity` (at least 1) elements.
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Number of elements held.
    public var count: Int { storage.count }
    /// Whether the buffer holds `capacity` elements.
    public var isFull: Bool { storage.count == capacity }

    /// Appends an element, dropping the oldest when full.
    public mutating func append(_ element: Element) {
        if storage.count < capacity {
            storage.append(element)
        } else {
            storage[head] = element
            head = (head + 1) % capacity
        }
    }

    /// The element `age` steps back: 0 is the newest.
    public func recent(_ age: Int) -> Element {
        storage[(head + storage.count - 1 - age) % storage.count]
    }

    /// All elements, oldest first.
    public var elements: [Element] {
        Array(storage[head...] + storage[..<head])
    }
}
