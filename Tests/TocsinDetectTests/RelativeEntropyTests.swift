import Foundation
import Testing
import TocsinCore
import TocsinDetect

@Suite("Relative entropy")
struct RelativeEntropyTests {
    static func detector(_ change: (inout RelativeEntropyDetector.Configuration) -> Void = { _ in }) throws -> RelativeEntropyDetector {
        var configuration = RelativeEntropyDetector.Configuration()
        change(&configuration)
        return try RelativeEntropyDetector(configuration: configuration)
    }

    static func run(_ detector: inout RelativeEntropyDetector, _ values: [Double]) -> [Double] {
        values.enumerated().map { detector.process(Point(epochSeconds: Double($0.offset) * 300, value: $0.element)) }
    }

    @Test("chi-square critical values match the tables and SciPy's chi2.isf")
    func chiSquareTable() {
        // Tables print 3.841, 6.635, 9.210, 13.277, 18.307, 59.703, 2.366, 0.554; SciPy gives the digits.
        let table: [(tail: Double, degrees: Int, value: Double)] = [
            (0.05, 1, 3.841_458_820_694), (0.01, 1, 6.634_896_601_021), (0.01, 2, 9.210_340_371_976),
            (0.01, 4, 13.276_704_135_988), (0.05, 10, 18.307_038_053_275), (0.001, 30, 59.703_064_304_430),
            (0.5, 3, 2.365_973_884_375), (0.99, 5, 0.554_298_076_728), (1e-6, 100, 182.126_777_119_548),
        ]
        for row in table {
            let value = ChiSquare.upperQuantile(row.tail, degreesOfFreedom: row.degrees)
            #expect(abs(value - row.value) < 1e-9 * row.value, "χ²(\(row.degrees)) at \(row.tail): \(value), expected \(row.value)")
            #expect(abs(ChiSquare.survival(value, degreesOfFreedom: row.degrees) - row.tail) < 1e-12 * max(1, row.tail))
        }
        // Closed forms: P(1, x) = 1 − e^{−x}, and for 4 degrees of freedom Q = e^{−x/2}(1 + x/2).
        for x in [0.1, 1.0, 3.0, 20.0] {
            #expect(abs(RegularizedGamma.lower(1, x) - (1 - exp(-x))) < 1e-14)
            #expect(abs(ChiSquare.survival(x, degreesOfFreedom: 4) - exp(-x / 2) * (1 + x / 2)) < 1e-14)
        }
    }

    @Test("bins are numbered as NAB numbers them, with the range's bottom alone in bin 0")
    func binning() {
        let bins = ValueBins(lower: 0, upper: 3, count: 3)
        #expect([0, 0.5, 1, 1.5, 2, 2.5, 3, 7, -1].map(bins.bin(of:)) == [0, 1, 1, 2, 2, 2, 2, 2, 0])
        let widened = bins.widened(toInclude: 5, margin: 0.1)
        #expect(widened.lower == 0 && widened.upper == 5.5)
        #expect(ValueBins(lower: 4, upper: 4, count: 5).bin(of: 4) == 0)
    }

    @Test("the statistic is twice the window size times the relative entropy")
    func statistic() {
        let window = [0, 30, 20, 2, 0]
        let hypothesis = [1, 25, 20, 5, 1]
        let expected = 2 * 52 * [(30.0, 25.0), (20, 20), (2, 5)].reduce(0) { $0 + $1.0 / 52 * log($1.0 / $1.1) }
        #expect(abs(WindowHypotheses.statistic(window, against: hypothesis) - expected) < 1e-12)
        #expect(WindowHypotheses.statistic(window, against: window) == 0)
        #expect(WindowHypotheses.statistic(hypothesis, against: window) == .infinity)
    }

    @Test("a small stream scores exactly as the algorithm prescribes")
    func handWorked() throws {
        // Bins over 0...1 in thirds: {0}, (0, 1/3], (1/3, 1]; windows of 4 values.
        func scores(rare: Int) throws -> [Double] {
            var detector = try Self.detector {
                $0.windowSize = 4
                $0.bins = 3
                $0.rareAgreements = rare
            }
            detector.prepare(for: SeriesHints(minimum: 0, maximum: 1))
            return Self.run(&detector, [0.1, 0.1, 0.1, 0.1, 0.2, 0.9, 0.1, 0.3, 0.2, 0.2])
        }
        // Filling; the first window [0,4,0] forms the first hypothesis; it agrees (2nd time);
        // 0.9 fills a bin the hypothesis never saw: [0,3,1] becomes a hypothesis; [0,3,1]
        // agrees with it (2nd, 3rd, 4th time); [0,4,0] agrees with the first (3rd time).
        #expect(try scores(rare: 1) == [0, 0, 0, 0, 0, 1, 0, 0, 0, 0])
        // With rare hypotheses being those seen at most twice, second agreements alarm too.
        #expect(try scores(rare: 2) == [0, 0, 0, 0, 1, 1, 1, 0, 0, 0])
    }

    @Test("a change of regime alarms, a stationary stream settles on a few hypotheses")
    func regimeChange() throws {
        var random = SeededGenerator(seed: 11)
        var values = (0..<3_000).map { _ in 50 + random.nextGaussian(standardDeviation: 5) }
        for index in 2_000..<2_200 { values[index] = 65 + random.nextGaussian(standardDeviation: 5) }
        var detector = try Self.detector()
        detector.prepare(for: SeriesHints(minimum: values.min(), maximum: values.max(), length: values.count))
        let scores = Self.run(&detector, values)
        #expect(Set(scores).isSubset(of: [0, 1]))
        #expect(scores[..<52].allSatisfy { $0 == 0 })
        #expect(scores[2_000..<2_060].contains(1), "the new regime is noticed")
        let quietBefore = scores[1_000..<2_000].filter { $0 == 1 }.count
        #expect(quietBefore <= 10, "\(quietBefore) alarms in a stationary stretch")
        #expect(detector.hypothesisCount < 40)
    }

    @Test("without hints the range is learned, and leaving it alarms")
    func learnedRange() throws {
        var random = SeededGenerator(seed: 12)
        var values = (0..<600).map { _ in 10 + random.nextGaussian() }
        values[400] = 40
        var detector = try Self.detector()
        let scores = Self.run(&detector, values)
        #expect(scores[400] == 1)
        #expect(scores[300..<400].filter { $0 == 1 }.count <= 3)
    }

    @Test("constant series never alarm, with or without hints; a later change does")
    func constant() throws {
        var hinted = try Self.detector()
        hinted.prepare(for: SeriesHints(minimum: 3, maximum: 3, length: 500))
        #expect(Self.run(&hinted, Array(repeating: 3, count: 500)).allSatisfy { $0 == 0 })
        var learned = try Self.detector()
        let scores = Self.run(&learned, Array(repeating: 3, count: 500) + [4])
        #expect(scores.dropLast().allSatisfy { $0 == 0 })
        #expect(scores.last == 1)
    }

    @Test("scoring does not learn, and process equals score then learn")
    func scoreThenLearn() throws {
        var random = SeededGenerator(seed: 13)
        let points = (0..<400).map { Point(epochSeconds: Double($0), value: random.nextGaussian() + ($0 > 300 ? 4 : 0)) }
        var single = try Self.detector()
        var split = try Self.detector()
        for point in points {
            let before = split
            let scored = split.score(point)
            #expect(split == before)
            split.learn(point)
            #expect(single.process(point) == scored)
        }
        #expect(single == split)
    }

    @Test("invalid parameters are refused")
    func validation() throws {
        #expect(throws: DetectorError.self) { try Self.detector { $0.bins = 1 } }
        #expect(throws: DetectorError.self) { try Self.detector { $0.windowSize = 1 } }
        #expect(throws: DetectorError.self) { try Self.detector { $0.significance = 1 } }
        #expect(throws: DetectorError.self) { try Self.detector { $0.rareAgreements = 0 } }
        #expect(throws: DetectorError.self) { try Self.detector { $0.rangeMargin = -1 } }
        let made = try DetectorCatalog.streaming(named: "relative-entropy").make(parameters: ["windowSize": "30", "bins": "8"])
        #expect((made as? RelativeEntropyDetector)?.configuration.bins == 8)
        #expect(abs(try Self.detector().acceptanceThreshold - 13.276_704_135_987_622) < 1e-9)
    }
}
