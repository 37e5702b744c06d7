/// Weighted least squares with exponential forgetting over a fixed set of features:
/// the decayed normal equations `A = Σ λ^age x xᵀ`, `b = Σ λ^age x y`, solved with a
/// small ridge term so that a flat stretch of data cannot make the system singular.
struct DecayedLeastSquares: Sendable, Codable, Hashable {
    /// Features per observation.
    let dimension: Int
    /// Per-observation decay factor λ in (0, 1].
    let decay: Double
    private var gram: [Double]
    private var moments: [Double]
    /// The total weight of the observations.
    private(set) var weight = 0.0

    private enum CodingKeys: String, CodingKey {
        case dimension, decay, gram, moments, weight
    }

    /// Decodes saved equations, refusing matrices and vectors not sized by `dimension`.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        dimension = try container.decode(Int.self, forKey: .dimension)
        decay = try container.decode(Double.self, forKey: .decay)
        gram = try container.decode([Double].self, forKey: .gram)
        moments = try container.decode([Double].self, forKey: .moments)
        weight = try container.decode(Double.self, forKey: .weight)
        guard (1...64).contains(dimension), gram.count == dimension * dimension, moments.count == dimension else {
            throw DecodingError.dataCorruptedError(forKey: .dimension, in: container,
                                                   debugDescription: "least squares of \(dimension) features with \(gram.count) and \(moments.count) sums")
        }
    }

    init(dimension: Int, decay: Double) {
        self.dimension = dimension
        self.decay = decay
        gram = Array(repeating: 0, count: dimension * dimension)
        moments = Array(repeating: 0, count: dimension)
    }

    /// Ages every observation by one step and adds `(x, y)`.
    mutating func add(_ x: [Double], _ y: Double) {
        for row in 0..<dimension {
            moments[row] = decay * moments[row] + x[row] * y
            for column in 0..<dimension {
                gram[row * dimension + column] = decay * gram[row * dimension + column] + x[row] * x[column]
            }
        }
        weight = decay * weight + 1
    }

    /// The coefficients minimising the weighted squared error plus `ridge · weight · |β|²`
    /// (the intercept, feature 0, is not penalised); zeros before any observation.
    func coefficients(ridge: Double) -> [Double] {
        Self.solve(regularized(ridge: ridge), moments, dimension: dimension) ?? Array(repeating: 0, count: dimension)
    }

    /// The leverage `xᵀ A⁻¹ x` of a feature row: how much of the residual variance the
    /// fit's own uncertainty adds to a prediction at `x`. Small where the data were dense,
    /// large far outside them or while few observations are in.
    func leverage(of x: [Double], ridge: Double) -> Double {
        guard let solved = Self.solve(regularized(ridge: ridge), x, dimension: dimension) else { return 0 }
        return max(0, zip(x, solved).reduce(0) { $0 + $1.0 * $1.1 })
    }

    private func regularized(ridge: Double) -> [Double] {
        var matrix = gram
        for index in 1..<dimension { matrix[index * dimension + index] += ridge * max(weight, 1) }
        return matrix
    }

    /// Gaussian elimination with partial pivoting; nil when the system is singular.
    private static func solve(_ matrix: [Double], _ vector: [Double], dimension n: Int) -> [Double]? {
        var a = matrix
        var b = vector
        for column in 0..<n {
            var pivot = column
            for row in column + 1..<n where abs(a[row * n + column]) > abs(a[pivot * n + column]) { pivot = row }
            guard abs(a[pivot * n + column]) > 1e-12 else { return nil }
            if pivot != column {
                for k in 0..<n { a.swapAt(column * n + k, pivot * n + k) }
                b.swapAt(column, pivot)
            }
            for row in column + 1..<n {
                let factor = a[row * n + column] / a[column * n + column]
                guard factor != 0 else { continue }
                for k in column..<n { a[row * n + k] -= factor * a[column * n + k] }
                b[row] -= factor * b[column]
            }
        }
        var x = Array(repeating: 0.0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in row + 1..<n { sum -= a[row * n + k] * x[k] }
            x[row] = sum / a[row * n + row]
        }
        return x
    }
}
