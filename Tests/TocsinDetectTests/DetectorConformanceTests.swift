import Foundation
import Testing
import TocsinCore
import TocsinDetect
import TocsinEval


/// The suite every streaming detector in the catalog must pass.
@Suite("Detector conformance")
struct DetectorConformanceTests {
    /// Parameters that suit a 3,000-point series (the defaults suit NAB's longer files).
    static let parameters: [String: [String: String]] = [
        "windowed-gaussian": ["windowSize": "400", "stepSize": "10"],
        "threshold": ["warmUp": "300"],
        "random-cut-forest": ["trees": "20", "sampleSize": "128"],
        // Scores are 0 or 1: longer windows, and alarms until a new regime has been seen 25 times,
        // let whole anomalous segments score 1 rather than only the window where they begin.
        "relative-entropy": ["windowSize": "200", "rareAgreements": "25"],
        "default": ["trees": "20", "sampleSize": "128", "probation": "400", "restPeriod": "0"],
        "thresholded-random-cut-forest": ["trees": "20", "sampleSize": "128"],
    ]

    static var names: [String] { DetectorCatalog.streaming.map(\.name) }

    static func make(_ name: String, seed: UInt64 = 7) throws -> any Detector {
        let entry = try DetectorCatalog.streaming(named: name)
        var settings = parameters[name] ?? [:]
        if entry.parameters.contains(where: { $0.name == "seed" }) { settings["seed"] = String(seed) }
        return try entry.make(parameters: settings)
    }

    static func scores(_ detector: inout some Detector, _ points: [Point]) -> [Double] {
        detector.processAll(points)
    }

    @Test("same seed gives the same scores", arguments: names)
    func deterministic(name: String) throws {
        let series = LabelledSeries.make(seed: 1)
        var first = try Self.make(name)
        var second = try Self.make(name)
        #expect(Self.scores(&first, series.points) == Self.scores(&second, series.points))
    }

    @Test("a saved and reloaded state scores identically", arguments: names)
    func stateRoundTrip(name: String) throws {
        let series = LabelledSeries.make(seed: 2)
        var detector = try Self.make(name)
        _ = Self.scores(&detector, Array(series.points.prefix(1_600)))
        let artifact = try DetectorCatalog.save(detector, threshold: detector.defaultThreshold)
        var reloaded = try DetectorCatalog.loadStreaming(artifact)
        #expect(reloaded.threshold == detector.defaultThreshold)
        let rest = Array(series.points.dropFirst(1_600))
        let original = Self.scores(&detector, rest)
        let restored = Self.scores(&reloaded.detector, rest)
        #expect(original == restored)
        #expect(original.contains { $0 > 0 })
    }

    @Test("warm-up scores are 0", arguments: names)
    func warmUp(name: String) throws {
        let series = LabelledSeries.make(seed: 3)
        var detector = try Self.make(name)
        let scores = Self.scores(&detector, series.points)
        #expect(scores[0] == 0)
        let firstScored = try #require(scores.firstIndex { $0 != 0 })
        #expect(scores[..<firstScored].allSatisfy { $0 == 0 })
        #expect(scores.allSatisfy { (0...1).contains($0) })
    }

    @Test("better than chance on spikes, a level shift and a slow drift", arguments: names)
    func beatsChance(name: String) throws {
        for seed: UInt64 in [4, 5] {
            let series = LabelledSeries.make(seed: seed)
            var detector = try Self.make(name)
            let scores = Self.scores(&detector, series.points)
            let scored = 400..<series.points.count
            let auc = try ROCAUC.score(scores: Array(scores[scored]), labels: Array(series.labels[scored]))
            #expect(auc > 0.7, "\(name) ROC AUC \(auc) with seed \(seed)")
        }
    }

    @Test("non-finite values neither crash nor poison the model", arguments: names)
    func nonFinite(name: String) throws {
        let series = LabelledSeries.make(seed: 6)
        var clean = try Self.make(name)
        var dirty = try Self.make(name)
        var points: [Point] = []
        for (index, point) in series.points.enumerated() {
            points.append(point)
            if index % 97 == 0 { points.append(Point(timestamp: point.timestamp, value: .nan)) }
            if index % 131 == 0 { points.append(Point(timestamp: point.timestamp, value: .infinity)) }
        }
        let dirtyScores = Self.scores(&dirty, points).enumerated().filter { points[$0.offset].value.isFinite }.map(\.element)
        #expect(dirtyScores == Self.scores(&clean, series.points))
    }
}
