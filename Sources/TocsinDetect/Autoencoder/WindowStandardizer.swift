/// Standardisation of windows per dimension: every value of dimension `j`, at any
/// step, becomes `(x - mean_j) / scale_j`, with the mean and the (population) standard
/// deviation taken over all the training windows' values of that dimension. A constant
/// dimension's scale is 1, so that it maps to 0 instead of dividing by 0.
public struct WindowStandardizer: Sendable, Hashable, Codable {
    /// Each dimension's training mean.
    public let means: [Double]
    /// Each dimension's training standard deviation, 1 where it was 0.
    public let scales: [Double]

    /// Fits the standardiser to the first `rows` rows of `data`, read as windows of
    /// `dimensions` values per step (step-major).
    public init(fitting data: Matrix, rows: Int, dimensions: Int) {
        var sums = [Double](repeating: 0, count: dimensions)
        var squares = [Double](repeating: 0, count: dimensions)
        let cells = rows * data.columns
        for index in 0..<cells { sums[index % dimensions] += data.storage[index] }
        let count = Double(max(cells / dimensions, 1))
        let means = sums.map { $0 / count }
        for index in 0..<cells {
            let delta = data.storage[index] - means[index % dimensions]
            squares[index % dimensions] += delta * delta
        }
        self.means = means
        scales = squares.map { sum in
            let deviation = (sum / count).squareRoot()
            return deviation > 1e-12 && deviation.isFinite ? deviation : 1
        }
    }

    /// Creates a standardiser from known means and scales (one per dimension).
    public init(means: [Double], scales: [Double]) {
        self.means = means
        self.scales = scales
    }

    /// The standardised cells of `data`, row-major.
    public func transform(_ data: Matrix) -> [Double] {
        let dimensions = means.count
        var cells = data.storage
        for index in cells.indices {
            let j = index % dimensions
            cells[index] = (cells[index] - means[j]) / scales[j]
        }
        return cells
    }

    /// Maps standardised cells back to the original units, in place.
    public func invert(_ cells: inout [Double]) {
        let dimensions = means.count
        for index in cells.indices {
            let j = index % dimensions
            cells[index] = cells[index] * scales[j] + means[j]
        }
    }
}
