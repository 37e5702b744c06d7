/// The profile-independent part of NAB's per-row scoring for every scored row of a corpus.
///
/// Rows inside a file's probation period are left out. For each remaining row this holds the
/// corpus-wide index of the window it lies in (or −1) and the unweighted scaled sigmoid of
/// its position; a profile turns that into the row's value with ``value(ofRow:profile:)``.
struct NABRowWeights: Sendable {
    /// For each file of the corpus, the position of its first scored row in the arrays below.
    let fileStarts: [Int]
    /// The row index within its file of each scored row.
    let rows: [Int]
    /// The corpus-wide window index of each scored row, or −1 outside every window.
    let windows: [Int]
    /// σ(y) of each scored row, before weighting.
    let sigmoids: [Double]
    /// For each corpus-wide window index, whether the window has at least one scored row
    /// (a window hidden by probation counts in neither the score nor the null score).
    let windowIsScored: [Bool]
    /// The index of each file's first window in the corpus-wide window numbering.
    let firstWindowOfFile: [Int]

    init(corpus: NABCorpus) {
        var fileStarts: [Int] = []
        var rows: [Int] = []
        var windows: [Int] = []
        var sigmoids: [Double] = []
        var windowIsScored: [Bool] = []
        var firstWindowOfFile: [Int] = []
        let expected = corpus.scoredRowCount
        rows.reserveCapacity(expected)
        windows.reserveCapacity(expected)
        sigmoids.reserveCapacity(expected)
        for file in corpus.files {
            fileStarts.append(rows.count)
            let windowBase = windowIsScored.count
            firstWindowOfFile.append(windowBase)
            windowIsScored.append(contentsOf: file.windows.map { $0.upperBound >= file.probationLength })
            var next = 0
            var previous: ClosedRange<Int>?
            for row in 0..<file.rowCount {
                if next < file.windows.count, row > file.windows[next].upperBound {
                    previous = file.windows[next]
                    next += 1
                }
                guard row >= file.probationLength else { continue }
                rows.append(row)
                if next < file.windows.count, file.windows[next].contains(row) {
                    let window = file.windows[next]
                    let width = Double(window.count)
                    windows.append(windowBase + next)
                    sigmoids.append(NABScaledSigmoid.value(Double(-(window.upperBound - row + 1)) / width))
                } else {
                    windows.append(-1)
                    if let previous {
                        // A one-row window makes the divisor 0 and y = +∞, i.e. σ = −1.
                        let y = Double(abs(previous.upperBound - row)) / (Double(previous.count) - 1)
                        sigmoids.append(NABScaledSigmoid.value(y))
                    } else {
                        sigmoids.append(-1.0)
                    }
                }
            }
        }
        fileStarts.append(rows.count)
        self.fileStarts = fileStarts
        self.rows = rows
        self.windows = windows
        self.sigmoids = sigmoids
        self.windowIsScored = windowIsScored
        self.firstWindowOfFile = firstWindowOfFile
    }

    /// The value of scored row `index` under `profile`, as NAB computes it: in a window
    /// `σ·A_TP/σ(−1)`, outside `σ·A_FP`.
    func value(ofRow index: Int, profile: NABProfile) -> Double {
        if windows[index] >= 0 {
            return sigmoids[index] * profile.truePositiveWeight / NABScaledSigmoid.maximumTruePositive
        }
        return sigmoids[index] * profile.falsePositiveWeight
    }
}
