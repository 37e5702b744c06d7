/// Row counts of a NAB scoring, over the scored (non-probation) rows only.
public struct NABCounts: Sendable, Equatable {
    /// Detected rows inside windows.
    public var truePositives: Int
    /// Detected rows outside windows.
    public var falsePositives: Int
    /// Undetected rows inside windows.
    public var falseNegatives: Int
    /// Undetected rows outside windows.
    public var trueNegatives: Int

    /// Creates counts.
    public init(truePositives: Int, falsePositives: Int, falseNegatives: Int, trueNegatives: Int) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
        self.trueNegatives = trueNegatives
    }

    /// All zero.
    public static let zero = NABCounts(truePositives: 0, falsePositives: 0, falseNegatives: 0, trueNegatives: 0)

    /// The number of scored rows.
    public var total: Int { truePositives + falsePositives + falseNegatives + trueNegatives }

    /// The element-wise sum of two sets of counts.
    public static func + (left: NABCounts, right: NABCounts) -> NABCounts {
        NABCounts(
            truePositives: left.truePositives + right.truePositives,
            falsePositives: left.falsePositives + right.falsePositives,
            falseNegatives: left.falseNegatives + right.falseNegatives,
            trueNegatives: left.trueNegatives + right.trueNegatives)
    }
}

/// The NAB score of one file at one threshold.
public struct NABFileScore: Sendable {
    /// The file's corpus key, `category/name`.
    public let key: String
    /// The file's raw NAB score S.
    public let score: Double
    /// The file's row counts.
    public let counts: NABCounts
}

/// The raw NAB score of the whole corpus at one threshold.
public struct NABThresholdScore: Sendable {
    /// Rows whose anomaly score is at least this are detections.
    public let threshold: Double
    /// The raw NAB score S of the corpus.
    public let score: Double
    /// The row counts of the corpus.
    public let counts: NABCounts
}

/// Every file's NAB score at one threshold, with the corpus totals.
public struct NABScoreSheet: Sendable {
    /// The threshold the files were scored at.
    public let threshold: Double
    /// One entry per corpus file, in corpus order.
    public let files: [NABFileScore]
    /// The sum of the file scores (NAB's `Totals` row).
    public let score: Double
    /// The sum of the file counts.
    public let counts: NABCounts
}

/// A detector's complete NAB result under one profile.
public struct NABProfileResult: Sendable {
    /// The profile scored under.
    public let profile: NABProfile
    /// The optimized threshold (rows whose anomaly score is at least this are detections).
    public let threshold: Double
    /// The raw score S at ``threshold``, the sum of the file scores.
    public let rawScore: Double
    /// The raw score of the null detector, which detects nothing.
    public let nullScore: Double
    /// The raw score of the perfect detector, A_TP times the number of windows.
    public let perfectScore: Double
    /// `100 · (S − S_null) / (S_perfect − S_null)`: 0 for the null detector, 100 for a perfect one.
    public let normalizedScore: Double
    /// The row counts of the corpus at ``threshold``.
    public let counts: NABCounts
    /// Each file's score at ``threshold``, in corpus order.
    public let files: [NABFileScore]
}
