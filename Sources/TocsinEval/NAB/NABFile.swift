/// One series of the NAB corpus with its ground-truth anomaly windows.
public struct NABFile: Sendable {
    /// The category folder, for example `realKnownCause`.
    public let category: String
    /// The file name, for example `nyc_taxi.csv`.
    public let name: String
    /// `category/name`, the key of the file in NAB's label files.
    public let key: String
    /// Epoch seconds (UTC) of each row.
    public let timestamps: [Double]
    /// The value of each row.
    public let values: [Double]
    /// The anomaly windows as inclusive row ranges, in order and disjoint.
    public let windows: [ClosedRange<Int>]

    /// The share of the rows NAB sets aside at the start of each file before scoring.
    public static let probationFraction = 0.15
    /// The most rows NAB sets aside (`0.15 · 5000`).
    public static let maximumProbationLength = 750

    /// Creates a file, checking that the rows line up and the windows are ordered, disjoint
    /// and inside the data.
    public init(
        category: String, name: String, timestamps: [Double], values: [Double], windows: [ClosedRange<Int>]
    ) throws(NABError) {
        let key = category + "/" + name
        guard timestamps.count == values.count else {
            throw NABError(
                file: key, reason: "has \(timestamps.count) timestamps but \(values.count) values")
        }
        for (index, window) in windows.enumerated() {
            guard window.lowerBound >= 0, window.upperBound < values.count else {
                throw NABError(
                    file: key,
                    reason: "window \(index + 1) (rows \(window.lowerBound)...\(window.upperBound)) "
                        + "lies outside the \(values.count) rows of the file")
            }
            if index > 0, window.lowerBound <= windows[index - 1].upperBound {
                throw NABError(
                    file: key, reason: "window \(index + 1) does not start after the end of window \(index)")
            }
        }
        self.category = category
        self.name = name
        self.key = key
        self.timestamps = timestamps
        self.values = values
        self.windows = windows
    }

    /// The number of rows.
    public var rowCount: Int { values.count }

    /// The number of leading rows that NAB ignores: `min(floor(0.15 · rows), 750)`.
    public var probationLength: Int {
        min(Int((Self.probationFraction * Double(rowCount)).rounded(.down)), Self.maximumProbationLength)
    }

    /// For each row, whether it lies inside an anomaly window.
    public var windowLabels: [Bool] {
        var labels = [Bool](repeating: false, count: rowCount)
        for window in windows {
            for row in window {
                labels[row] = true
            }
        }
        return labels
    }
}
