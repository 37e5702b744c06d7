/// Encodes the memory compactly: the facts of each semi-context and the contexts as
/// parallel arrays; hashes and indexes are rebuilt when decoding. Every number is checked,
/// so that a corrupted artifact is rejected instead of crashing the detector.
extension ContextMemory: Codable {
    private enum CodingKeys: String, CodingKey {
        case leftSides, rightSides, lefts, rights, serials, predicted, confirmed, activations, zeroLevel, lastUsed
        case nextSerial, leftFullyMatched
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let leftSides = try container.decode([[Int]].self, forKey: .leftSides)
        let rightSides = try container.decode([[Int]].self, forKey: .rightSides)
        let lefts = try container.decode([Int32].self, forKey: .lefts)
        let rights = try container.decode([Int32].self, forKey: .rights)
        let serials = try container.decode([Int].self, forKey: .serials)
        let predicted = try container.decode([Int].self, forKey: .predicted)
        let confirmed = try container.decode([Int].self, forKey: .confirmed)
        let activations = try container.decode([Int].self, forKey: .activations)
        let zeroLevel = try container.decode([Bool].self, forKey: .zeroLevel)
        let lastUsed = try container.decode([Int].self, forKey: .lastUsed)
        let nextSerial = try container.decode(Int.self, forKey: .nextSerial)
        let leftFullyMatched = try container.decode([Int32].self, forKey: .leftFullyMatched)

        for side in leftSides + rightSides {
            guard !side.isEmpty, zip(side, side.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw container.unsound("context memory", "a semi-context's facts are empty or not strictly ascending")
            }
        }
        guard Set(leftSides).count == leftSides.count, Set(rightSides).count == rightSides.count else {
            throw container.unsound("context memory", "two semi-contexts have the same facts")
        }
        // Serials become facts above ``ContextSequence/activeContextFactBase`` and keep counting up.
        guard (0...(1 << 40)).contains(nextSerial) else { throw container.unsound("context memory", "the next serial \(nextSerial) is out of range") }
        let count = lefts.count
        guard [rights.count, serials.count, predicted.count, confirmed.count, activations.count, zeroLevel.count, lastUsed.count]
            .allSatisfy({ $0 == count }) else { throw container.unsound("context memory", "context arrays differ in length") }
        var pairs = Set<Int64>()
        for index in 0..<count {
            guard (0..<Int32(leftSides.count)).contains(lefts[index]), (0..<Int32(rightSides.count)).contains(rights[index]) else {
                throw container.unsound("context memory", "context \(index) joins a semi-context that does not exist")
            }
            guard pairs.insert(Int64(lefts[index]) << 32 | Int64(rights[index])).inserted else {
                throw container.unsound("context memory", "context \(index) repeats another")
            }
            guard (0..<nextSerial).contains(serials[index]), index == 0 || serials[index - 1] < serials[index] else {
                throw container.unsound("context memory", "context \(index) has a serial out of order")
            }
            guard (0...predicted[index]).contains(confirmed[index]), activations[index] >= 0 else {
                throw container.unsound("context memory", "context \(index) has invalid counts")
            }
        }
        guard leftFullyMatched.allSatisfy({ (0..<Int32(leftSides.count)).contains($0) }) else {
            throw container.unsound("context memory", "a matched left semi-context does not exist")
        }
        let records = (0..<count).map { index in
            var record = ContextRecord(left: lefts[index], right: rights[index], serial: serials[index],
                                       isZeroLevel: zeroLevel[index], lastUsed: lastUsed[index])
            record.predicted = predicted[index]
            record.confirmed = confirmed[index]
            record.activations = activations[index]
            return record
        }
        self.init(leftSides: leftSides, rightSides: rightSides, records: records, nextSerial: nextSerial,
                  leftFullyMatched: leftFullyMatched)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode((0..<Int32(left.count)).map { Array(left.facts($0)) }, forKey: .leftSides)
        try container.encode((0..<Int32(right.count)).map { Array(right.facts($0)) }, forKey: .rightSides)
        try container.encode(records.map(\.left), forKey: .lefts)
        try container.encode(records.map(\.right), forKey: .rights)
        try container.encode(records.map(\.serial), forKey: .serials)
        try container.encode(records.map(\.predicted), forKey: .predicted)
        try container.encode(records.map(\.confirmed), forKey: .confirmed)
        try container.encode(records.map(\.activations), forKey: .activations)
        try container.encode(records.map(\.isZeroLevel), forKey: .zeroLevel)
        try container.encode(records.map(\.lastUsed), forKey: .lastUsed)
        try container.encode(nextSerial, forKey: .nextSerial)
        try container.encode(leftFullyMatched, forKey: .leftFullyMatched)
    }
}
