/// A row of a NAB scoreboard: a detector and its normalized score per profile.
public struct NABScoreboardRow: Sendable, Hashable, Codable {
    /// The detector's name.
    public let detector: String
    /// Normalized score under the standard profile.
    public let standard: Double
    /// Normalized score under reward_low_FP_rate.
    public let rewardLowFP: Double
    /// Normalized score under reward_low_FN_rate.
    public let rewardLowFN: Double

    /// Creates a row.
    public init(detector: String, standard: Double, rewardLowFP: Double, rewardLowFN: Double) {
        self.detector = detector
        self.standard = standard
        self.rewardLowFP = rewardLowFP
        self.rewardLowFN = rewardLowFN
    }

    /// The published NAB v1.0 scoreboard (the NAB README), best first.
    public static let published: [NABScoreboardRow] = [
        NABScoreboardRow(detector: "Perfect", standard: 100, rewardLowFP: 100, rewardLowFN: 100),
        NABScoreboardRow(detector: "ARTime", standard: 74.9, rewardLowFP: 65.1, rewardLowFN: 80.4),
        NABScoreboardRow(detector: "Numenta HTM", standard: 70.5, rewardLowFP: 62.6, rewardLowFN: 75.2),
        NABScoreboardRow(detector: "CAD OSE", standard: 69.9, rewardLowFP: 67.0, rewardLowFN: 73.2),
        NABScoreboardRow(detector: "earthgecko Skyline", standard: 58.2, rewardLowFP: 46.2, rewardLowFN: 63.9),
        NABScoreboardRow(detector: "KNN CAD", standard: 58.0, rewardLowFP: 43.4, rewardLowFN: 64.8),
        NABScoreboardRow(detector: "Relative Entropy", standard: 54.6, rewardLowFP: 47.6, rewardLowFN: 58.8),
        NABScoreboardRow(detector: "Random Cut Forest", standard: 51.7, rewardLowFP: 38.4, rewardLowFN: 59.7),
        NABScoreboardRow(detector: "Twitter ADVec v1.0.0", standard: 47.1, rewardLowFP: 33.6, rewardLowFN: 53.5),
        NABScoreboardRow(detector: "Windowed Gaussian", standard: 39.6, rewardLowFP: 20.9, rewardLowFN: 47.4),
        NABScoreboardRow(detector: "Etsy Skyline", standard: 35.7, rewardLowFP: 27.1, rewardLowFN: 44.5),
        NABScoreboardRow(detector: "Bayesian Changepoint", standard: 17.7, rewardLowFP: 3.2, rewardLowFN: 32.2),
        NABScoreboardRow(detector: "EXPoSE", standard: 16.4, rewardLowFP: 3.2, rewardLowFN: 26.9),
        NABScoreboardRow(detector: "Random", standard: 11.0, rewardLowFP: 1.2, rewardLowFN: 19.5),
        NABScoreboardRow(detector: "Null", standard: 0, rewardLowFP: 0, rewardLowFN: 0),
    ]
}
