/// The per-feature minimum and maximum of a training matrix, and how far a vector lies
/// outside that box. An isolation forest gives every point beyond the training range the
/// score of the boundary point it lies beside; this measures the part it cannot see.
struct FeatureRange: Sendable, Codable, Hashable {
    var lower: [Double]
    var upper: [Double]

    init(_ data: Matrix) {
        lower = Array(repeating: .infinity, count: data.columns)
        upper = Array(repeating: -.infinity, count: data.columns)
        for row in 0..<data.rows {
            for column in 0..<data.columns {
                lower[column] = min(lower[column], data[row, column])
                upper[column] = max(upper[column], data[row, column])
            }
        }
    }

    /// The largest distance by which a feature of `vector` lies outside its range (0 inside).
    func excess(_ vector: [Double]) -> Double {
        var largest = 0.0
        for column in vector.indices {
            largest = max(largest, vector[column] - upper[column], lower[column] - vector[column])
        }
        return largest
    }
}
