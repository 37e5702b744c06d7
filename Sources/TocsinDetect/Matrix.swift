/// A dense row-major matrix of `Double`s: the input of batch detectors.
public struct Matrix: Sendable, Hashable, Codable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns (features).
    public let columns: Int
    /// The cells, row after row.
    public private(set) var storage: [Double]

    /// Creates a matrix from row-major storage; `storage.count` must equal `rows * columns`.
    public init(rows: Int, columns: Int, storage: [Double]) throws(DetectorError) {
        guard rows >= 0, columns >= 0, storage.count == rows * columns else {
            throw DetectorError("matrix storage has \(storage.count) cells, expected \(rows) x \(columns)")
        }
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// Creates a matrix from rows of equal length.
    public init(rowArrays: [[Double]]) throws(DetectorError) {
        let width = rowArrays.first?.count ?? 0
        var cells: [Double] = []
        cells.reserveCapacity(rowArrays.count * width)
        for (index, row) in rowArrays.enumerated() {
            guard row.count == width else {
                throw DetectorError("row \(index) has \(row.count) values, expected \(width)")
            }
            cells.append(contentsOf: row)
        }
        try self.init(rows: rowArrays.count, columns: width, storage: cells)
    }

    /// One cell.
    public subscript(row: Int, column: Int) -> Double {
        storage[row * columns + column]
    }

    /// A copy of one row.
    public func row(_ index: Int) -> [Double] {
        Array(storage[(index * columns)..<((index + 1) * columns)])
    }
}
