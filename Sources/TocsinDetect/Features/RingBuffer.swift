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

    private enum CodingKeys: String, CodingKey {
        case capacity, storage, head
    }

    /// Decodes a saved buffer, refusing one whose fill and position do not fit its capacity.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        capacity = try container.decode(Int.self, forKey: .capacity)
        storage = try container.decode([Element].self, forKey: .storage)
        head = try container.decode(Int.self, forKey: .head)
        // The head moves only once the buffer is full.
        guard capacity >= 1, storage.count <= capacity, head == 0 || (storage.count == capacity && (0..<capacity).contains(head)) else {
            throw DecodingError.dataCorruptedError(forKey: .head, in: container,
                                                   debugDescription: "capacity \(capacity), \(storage.count) held from \(head)")
        }
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
