import Foundation
import Testing
import TocsinCore
@testable import TocsinDetect
import TocsinEval

@Suite("Contextual anomaly detector (CAD OSE)")
struct ContextualAnomalyTests {
    /// Rows of NAB's published CAD OSE results (results/contextOSE/<category>/contextOSE_<file>),
    /// by row number. Row 3296 of rds_cpu_utilization_cc0c53 depends on ``LegacyDictOrder``.
    static let publishedRows: [(file: String, count: Int, rows: [Int: Double])] = [
        ("realAdExchange/exchange-3_cpm_results.csv", 1_538, [
            107: 0, 108: 0.195402298851, 109: 0.160256410256, 110: 0.135135135135, 111: 0.137931034483,
            173: 0.686991869919, 174: 0.538113207547, 203: 0.456488933602, 251: 0.305464480874,
            1445: 0.691429801895, 1537: 0.355952380952,
        ]),
        ("realAWSCloudwatch/rds_cpu_utilization_cc0c53.csv", 4_032, [
            3295: 0.182926829268, 3296: 0.166666666667, 3298: 0.171052631579, 3420: 0.0769230769231,
            3479: 0.179487179487, 3578: 0.510256410256, 3579: 0.923076923077, 3580: 0,
        ]),
    ]

    @Test("with NAB's hints it gives NAB's published CAD OSE scores")
    func publishedScores() throws {
        for (file, count, rows) in Self.publishedRows {
            let values = try Self.nabValues(file)
            try #require(values.count == count)
            var detector = try ContextualAnomalyDetector()
            let scores = Self.run(&detector, values, hints: Self.hints(values))
            for (row, expected) in rows.sorted(by: { $0.key < $1.key }) {
                #expect(abs(scores[row] - expected) < 1e-11, "\(file) row \(row): \(scores[row]) instead of \(expected)")
            }
        }
    }

    @Test("the hash and dictionary order are CPython 2.7's")
    func legacyHashing() {
        #expect(FactListHash.of([65_536, 65_538, 65_541]) == -4_455_757_042_314_660_810)
        #expect(FactListHash.of([65_537, 2_147_483_653]) == 3_781_701_498_436_847_281)
        #expect(FactListHash.of([Int]()) == 3_527_539)
        let keys: [Int32] = [40, 3, 17, 9, 100, 8, 16, 0, 33, 1_000, 77, 5, 6, 2, 1_234, 4_321]
        let order = LegacyDictOrder.iterationOrder(ofKeysInsertedInOrder: keys).map { keys[$0] }
        #expect(order == [0, 33, 2, 3, 100, 5, 6, 4_321, 40, 9, 77, 16, 17, 1_234, 1_000, 8])
    }

    @Test("with range hints, breaks in a learned sequence stand out")
    func detectsSequenceBreaks() throws {
        for seed: UInt64 in [31, 32] {
            let series = Self.brokenPattern(seed: seed)
            var detector = try ContextualAnomalyDetector()
            let scores = Self.run(&detector, series.values, hints: SeriesHints(minimum: 0, maximum: 7, length: series.values.count))
            let scored = 800..<series.values.count
            let auc = try ROCAUC.score(scores: Array(scores[scored]), labels: Array(series.labels[scored]))
            #expect(auc > 0.9, "ROC AUC \(auc), seed \(seed)")
        }
    }

    @Test("without range hints, spikes, a level shift and a drift stand out")
    func detectsNewLevels() throws {
        for seed: UInt64 in [11, 12] {
            let series = LabelledSeries.make(seed: seed)
            var detector = try ContextualAnomalyDetector()
            let scores = detector.processAll(series.points)
            let scored = 400..<series.points.count
            let auc = try ROCAUC.score(scores: Array(scores[scored]), labels: Array(series.labels[scored]))
            #expect(auc > 0.75, "ROC AUC \(auc), seed \(seed)")
        }
    }

    @Test("after a score of at least restThreshold the next restPeriod scores are 0")
    func restPeriod() throws {
        var configuration = ContextualAnomalyDetector.Configuration()
        configuration.restPeriod = 40
        var detector = try ContextualAnomalyDetector(configuration: configuration)
        let series = Self.brokenPattern(seed: 33)
        let scores = Self.run(&detector, series.values, hints: SeriesHints(minimum: 0, maximum: 7))
        #expect(scores[..<40].allSatisfy { $0 == 0 }, "the stream starts resting")
        let alarms = scores.indices.filter { scores[$0] >= 0.75 }
        #expect(!alarms.isEmpty)
        for alarm in alarms {
            #expect(scores[(alarm + 1)...min(alarm + 40, scores.count - 1)].allSatisfy { $0 == 0 }, "after \(alarm)")
        }
        #expect(scores.contains { $0 > 0 && $0 < 0.75 })
    }

    @Test("unpredicted scoring is quiet once a pattern is learned and wakes on a break")
    func unpredictedScoring() throws {
        var configuration = ContextualAnomalyDetector.Configuration()
        configuration.scoring = .unpredicted
        configuration.restPeriod = 20
        var detector = try ContextualAnomalyDetector(configuration: configuration)
        let values = Self.cycle(count: 2_000) + [6.5, 6.5, 6.5] + Self.cycle(count: 200)
        let scores = Self.run(&detector, values, hints: SeriesHints(minimum: 0, maximum: 7))
        #expect(scores[1_500..<2_000].allSatisfy { $0 == 0 })
        #expect(scores[2_000..<2_003].contains { $0 > 0.5 })
    }

    @Test("the memory stays within maxContexts and scores as the unbounded one until it fills")
    func boundedMemory() throws {
        var random = SeededGenerator(seed: 21)
        let values = (0..<3_000).map { _ in random.nextUnit() }
        var configuration = ContextualAnomalyDetector.Configuration()
        configuration.maxContexts = 400
        var bounded = try ContextualAnomalyDetector(configuration: configuration)
        var unbounded = try ContextualAnomalyDetector()
        let hints = Self.hints(values)
        bounded.prepare(for: hints)
        unbounded.prepare(for: hints)
        var firstEviction: Int?
        for (index, value) in values.enumerated() {
            let point = Point(epochSeconds: Double(index) * 60, value: value)
            let capped = bounded.process(point)
            let free = unbounded.process(point)
            #expect(bounded.contextCount <= 400)
            if firstEviction == nil {
                #expect(capped == free, "step \(index)")
                if unbounded.contextCount > 400 { firstEviction = index }
            }
        }
        #expect(firstEviction != nil, "the unbounded memory grows past the cap on noise")
        #expect(unbounded.contextCount > 2_000)
    }

    @Test("a state saved after evictions reloads and scores identically")
    func roundTripAfterEviction() throws {
        var random = SeededGenerator(seed: 22)
        let points = (0..<2_400).map { Point(epochSeconds: Double($0) * 60, value: random.nextGaussian()) }
        var configuration = ContextualAnomalyDetector.Configuration()
        configuration.maxContexts = 300
        var detector = try ContextualAnomalyDetector(configuration: configuration)
        for point in points.prefix(1_500) { _ = detector.process(point) }
        let artifact = try DetectorCatalog.save(detector, threshold: detector.defaultThreshold)
        var reloaded = try DetectorCatalog.loadStreaming(artifact).detector
        let rest = Array(points.dropFirst(1_500))
        #expect(detector.processAll(rest) == reloaded.processAll(rest))
    }

    @Test("score does not learn: it equals the score process gives and leaves the model as it was")
    func scoreIsPure() throws {
        let series = LabelledSeries.make(seed: 23)
        var detector = try ContextualAnomalyDetector()
        var twin = try ContextualAnomalyDetector()
        for point in series.points.prefix(1_000) {
            _ = detector.process(point)
            _ = twin.process(point)
        }
        for point in series.points.dropFirst(1_000).prefix(300) {
            let looked = detector.score(point)
            #expect(looked == detector.process(point))
            #expect(looked == twin.process(point))
        }
    }

    @Test("without hints the range comes from the warm-up and widens for values outside it")
    func learnsItsRange() throws {
        var configuration = ContextualAnomalyDetector.Configuration()
        configuration.restPeriod = 30
        var detector = try ContextualAnomalyDetector(configuration: configuration)
        let values = Self.cycle(count: 2_000) + [400, -300] + Self.cycle(count: 300)
        let scores = Self.run(&detector, values, hints: SeriesHints())
        #expect(scores[..<150].allSatisfy { $0 == 0 })
        #expect(scores[2_000] >= 0.75, "far above the learned range: \(scores[2_000])")
        #expect(scores[1_500..<2_000].allSatisfy { $0 < scores[2_000] })
        #expect(scores.allSatisfy { (0...1).contains($0) })
    }

    @Test("values near the limits of a Double neither crash nor leave [0, 1]")
    func extremeValues() throws {
        let extremes: [Double] = [.greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1e300, -1e300, 0, .leastNonzeroMagnitude]
        for hints in [SeriesHints(), SeriesHints(minimum: -.greatestFiniteMagnitude, maximum: .greatestFiniteMagnitude)] {
            var configuration = ContextualAnomalyDetector.Configuration()
            configuration.rangeWarmUp = 4
            configuration.restPeriod = 2
            var detector = try ContextualAnomalyDetector(configuration: configuration)
            let values = (0..<600).map { extremes[($0 * 7) % extremes.count] }
            #expect(Self.run(&detector, values, hints: hints).allSatisfy { (0...1).contains($0) })
        }
    }

    @Test("the rest period follows NAB's rule for the hinted length")
    func nabRestPeriod() {
        #expect(ContextualAnomalyDetector.Configuration.restPeriod(forLength: 1_538) == 46)
        #expect(ContextualAnomalyDetector.Configuration.restPeriod(forLength: 1_127) == 33)
        #expect(ContextualAnomalyDetector.Configuration.restPeriod(forLength: 22_695) == 150)
        #expect(ContextualAnomalyDetector.Configuration.restPeriod(forLength: nil) == 150)
        #expect(ContextualAnomalyDetector.Configuration.restPeriod(forLength: 10) == 1)
    }

    @Test("invalid parameters are refused with the parameter's name")
    func validation() throws {
        let entry = try DetectorCatalog.streaming(named: "contextual-anomaly")
        for (name, value) in [("maxContexts", "10"), ("restPeriod", "0"), ("valueBits", "0"), ("maxActiveContexts", "62"),
                              ("rangeMargin", "-1"), ("rangeWarmUp", "1"), ("restThreshold", "0"), ("scoring", "sometimes")] {
            #expect(throws: DetectorError.self, "\(name)=\(value)") { try entry.make(parameters: [name: value]) }
        }
        #expect(try entry.make(parameters: ["scoring": "unpredicted", "maxContexts": "5000"]) is ContextualAnomalyDetector)
    }

    // MARK: - Helpers

    /// A repeating pattern of eight values, each in the middle of one of the seven steps of 0...7.
    static let pattern: [Double] = [0.5, 2.5, 4.5, 6.5, 5.5, 3.5, 1.5, 0.5]

    static func cycle(count: Int) -> [Double] {
        (0..<count).map { pattern[$0 % pattern.count] }
    }

    /// The pattern with a little noise (σ = 0.1), where five values are swapped for the
    /// value half a period away: plausible values in the wrong place, labelled.
    static func brokenPattern(seed: UInt64) -> (values: [Double], labels: [Bool]) {
        var random = SeededGenerator(seed: seed)
        let breaks: Set<Int> = [1_203, 1_611, 2_005, 2_402, 2_807]
        let values = (0..<3_200).map { index in
            breaks.contains(index) ? pattern[(index + 4) % 8] : pattern[index % 8] + random.nextGaussian(standardDeviation: 0.1)
        }
        return (values, values.indices.map(breaks.contains))
    }

    static func hints(_ values: [Double]) -> SeriesHints {
        SeriesHints(minimum: values.min(), maximum: values.max(), length: values.count)
    }

    static func run(_ detector: inout ContextualAnomalyDetector, _ values: [Double], hints: SeriesHints) -> [Double] {
        detector.prepare(for: hints)
        return values.enumerated().map { detector.process(Point(epochSeconds: Double($0.offset) * 300, value: $0.element)) }
    }

    /// The values of a NAB data file, from `$TOCSIN_NAB_CORPUS` or `../shared/nab` next to the package.
    static func nabValues(_ key: String) throws -> [Double] {
        let root: String
        if let path = ProcessInfo.processInfo.environment["TOCSIN_NAB_CORPUS"], !path.isEmpty {
            root = path
        } else {
            root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("../shared/nab").standardizedFileURL.path
        }
        let text = try String(contentsOfFile: root + "/data/" + key, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
            line.split(separator: ",").last.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        }
    }
}
