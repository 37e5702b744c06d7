import Foundation
import TocsinEval

/// What `tocsin nab` prints: the normalized scores per profile, as JSON or as a table
/// beside the published scoreboard.
struct NABReport: Encodable {
    let detector: String
    let standard: Double
    let rewardLowFP: Double
    let rewardLowFN: Double
    let seconds: Double
    let results: [NABProfileResult]

    enum CodingKeys: String, CodingKey {
        case detector, standard, seconds
        case rewardLowFP = "reward_low_FP_rate"
        case rewardLowFN = "reward_low_FN_rate"
    }

    init(detector: String, results: [NABProfileResult], seconds: Double) {
        self.detector = detector
        self.results = results
        self.seconds = seconds
        func score(_ name: String) -> Double { results.first { $0.profile.name == name }?.normalizedScore ?? .nan }
        standard = score(NABProfile.standard.name)
        rewardLowFP = score(NABProfile.rewardLowFPRate.name)
        rewardLowFN = score(NABProfile.rewardLowFNRate.name)
    }

    /// The scoreboard with this run inserted by its standard score, then thresholds and counts.
    func table(resultsFolder: String?) -> String {
        let mine = NABScoreboardRow(detector: "▶ tocsin \(detector)", standard: standard, rewardLowFP: rewardLowFP, rewardLowFN: rewardLowFN)
        var rows = NABScoreboardRow.published
        rows.insert(mine, at: rows.firstIndex { $0.standard < standard } ?? rows.count)
        var lines = [row("Detector", "Standard", "Low FP", "Low FN"), String(repeating: "-", count: 64)]
        for entry in rows {
            lines.append(row(entry.detector, format(entry.standard), format(entry.rewardLowFP), format(entry.rewardLowFN)))
        }
        lines.append("")
        for result in results {
            let counts = result.counts
            lines.append("\(result.profile.name): threshold \(String(format: "%.6f", result.threshold)), raw score \(String(format: "%.3f", result.rawScore)), TP \(counts.truePositives) FP \(counts.falsePositives) FN \(counts.falseNegatives) TN \(counts.trueNegatives)")
        }
        if let resultsFolder { lines.append("results written to \(resultsFolder)/\(detector)/") }
        lines.append(String(format: "%.1f s", seconds))
        return lines.joined(separator: "\n")
    }

    private func row(_ name: String, _ a: String, _ b: String, _ c: String) -> String {
        name.padding(toLength: 34, withPad: " ", startingAt: 0) + a.leftPadded(10) + b.leftPadded(10) + c.leftPadded(10)
    }

    private func format(_ value: Double) -> String { String(format: "%.2f", value) }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(detector, forKey: .detector)
        try container.encode(standard, forKey: .standard)
        try container.encode(rewardLowFP, forKey: .rewardLowFP)
        try container.encode(rewardLowFN, forKey: .rewardLowFN)
        try container.encode(seconds, forKey: .seconds)
    }
}

extension String {
    /// The string right-aligned in `width` characters.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
