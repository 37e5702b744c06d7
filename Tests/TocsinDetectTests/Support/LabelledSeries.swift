import Foundation
import TocsinCore

/// A synthetic series with known anomalies, for checking that detectors beat chance:
/// a daily cycle (amplitude 2σ) with noise σ = 0.5, plus single-point spikes (+12σ), a temporary level shift (+8σ for 100 points)
/// and a slow drift (to +10σ over 300 points). Labels are 1 on the spikes, on the whole shifted segment, and where the
/// drift exceeds three noise standard deviations.
struct LabelledSeries {
    let points: [Point]
    let labels: [Bool]

    static func make(seed: UInt64, count: Int = 3_000) -> LabelledSeries {
        var generator = SeededGenerator(seed: seed)
        let noise = 0.5
        let spikes: Set<Int> = [700, 1_150, 1_900, 2_350, 2_800]
        let shift = 1_400..<1_500
        let drift = 2_000..<2_300
        var points: [Point] = []
        var labels: [Bool] = []
        for index in 0..<count {
            var value = 10 + sin(2 * .pi * Double(index) / 288) + generator.nextGaussian(standardDeviation: noise)
            var anomalous = false
            if spikes.contains(index) {
                value += 6
                anomalous = true
            }
            if shift.contains(index) {
                value += 4
                anomalous = true
            }
            if drift.contains(index) {
                let rise = 5 * Double(index - drift.lowerBound) / Double(drift.count)
                value += rise
                anomalous = anomalous || rise > 3 * noise
            }
            points.append(Point(epochSeconds: 1_700_000_000 + Double(index) * 300, value: value))
            labels.append(anomalous)
        }
        return LabelledSeries(points: points, labels: labels)
    }
}
