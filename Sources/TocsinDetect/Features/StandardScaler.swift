/// Per-feature standardisation fitted on training rows: `(x - mean) / std`, with a
/// constant feature's scale taken as 1 so that it maps to 0 instead of dividing by 0.
public struct StandardScaler: Sendable, Codable, Hashable {
    /// Each feature's training mean.
    public let means: [Double]
    /// Each feature's training standard deviation (population), 1 where it was 0.
    public let scales: [Double]

    /// Fits the scaler to the rows of `data`.
    public init(fitting data: Matrix) {
        var means = [Double](repeating: 0, count: data.columns)
        var squares = [Double](repeating: 0, count: data.columns)
        for row in 0..<data.rows {
            for column in 0..<data.columns { means[column] += data[row, column] }
        }
        let count = Double(max(data.rows, 1))
        means = means.map { $0 / count }
        for row in 0..<data.rows {
            for column in 0..<data.columns {
                let delta = data[row, column] - means[column]
                squares[column] += delta * delta
            }
        }
        self.means = means
        self.scales = squares.map { sum in
            let deviation = (sum / count).squareRoot()
            return deviation > 1e-12 && deviation.isFinite ? deviation : 1
        }
    }

    /// Standardises one row in place.
    public func transform(_ row: inout [Double]) {
        for column in row.indices { row[column] = (row[column] - means[column]) / scales[column] }
    }

    /// Standardises every row of a matrix.
    public func transform(_ data: Matrix) -> Matrix {
        var cells = data.storage
        let width = data.columns
        let inverseScales = scales.map { 1 / $0 }
        cells.withUnsafeMutableBufferPointer { cells in
            for row in 0..<data.rows {
                let offset = row * width
                for column in 0..<width {
                    cells[offset + column] = (cells[offset + column] - means[column]) * inverseScales[column]
                }
            }
        }
        // Same shape as the input, so construction cannot fail.
        return (try? Matrix(rows: data.rows, columns: data.columns, storage: cells)) ?? data
    }
}
