/// Encodes the forest compactly as parallel arrays and checks every index when decoding,
/// so that a corrupted artifact is rejected instead of crashing the scorer.
extension IsolationForest: Codable {
    private enum CodingKeys: String, CodingKey {
        case featureCount, sampleSize, roots, features, children, values
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let featureCount = try container.decode(Int.self, forKey: .featureCount)
        let sampleSize = try container.decode(Int.self, forKey: .sampleSize)
        let roots = try container.decode([Int32].self, forKey: .roots)
        let features = try container.decode([Int32].self, forKey: .features)
        let children = try container.decode([Int32].self, forKey: .children)
        let values = try container.decode([Double].self, forKey: .values)
        let count = features.count
        guard children.count == count, values.count == count else { throw container.unsound("isolation forest", "node arrays differ in length") }
        guard featureCount >= 1, sampleSize >= 2, !roots.isEmpty else { throw container.unsound("isolation forest", "empty or invalid forest") }
        guard roots.allSatisfy({ $0 >= 0 && Int($0) < count }) else { throw container.unsound("isolation forest", "a root index is out of range") }
        for index in 0..<count where features[index] >= 0 {
            guard Int(features[index]) < featureCount, children[index] > Int32(index), Int(children[index]) + 1 < count else {
                throw container.unsound("isolation forest", "node \(index) has an invalid feature or child index")
            }
        }
        let nodes = (0..<count).map { IsolationNode(feature: features[$0], left: children[$0], value: values[$0]) }
        self.init(featureCount: featureCount, sampleSize: sampleSize, nodes: nodes, roots: roots)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(featureCount, forKey: .featureCount)
        try container.encode(sampleSize, forKey: .sampleSize)
        try container.encode(roots, forKey: .roots)
        try container.encode(nodes.map(\.feature), forKey: .features)
        try container.encode(nodes.map(\.left), forKey: .children)
        try container.encode(nodes.map(\.value), forKey: .values)
    }
}
