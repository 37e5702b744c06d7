import Testing
import TocsinCore
import TocsinDetect

@Suite("Likelihood after any detector")
struct LikelihoodDetectorTests {
    @Test("every streaming detector can be followed by the stage, by name")
    func catalogNames() throws {
        for base in DetectorCatalog.streaming.map(\.name) {
            let entry = try DetectorCatalog.streaming(named: base + "+likelihood")
            #expect(entry.name == base + "+likelihood")
            #expect(entry.parameters.contains { $0.name == "likelihoodProbation" })
        }
        #expect(throws: DetectorError.self) { try DetectorCatalog.streaming(named: "nope+likelihood") }
    }

    @Test("base and stage parameters are set together, and the saved model reloads")
    func parametersAndArtifact() throws {
        let entry = try DetectorCatalog.streaming(named: "windowed-gaussian+likelihood")
        var detector = try entry.make(parameters: ["windowSize": "400", "likelihoodProbation": "300"])
        let series = LabelledSeries.make(seed: 8)
        let scores = detector.processAll(Array(series.points.prefix(1_500)))
        #expect(scores.prefix(300).allSatisfy { $0 == 0 })
        #expect(scores.dropFirst(300).contains { $0 > 0 })
        let artifact = try DetectorCatalog.save(detector, threshold: detector.defaultThreshold)
        var reloaded = try DetectorCatalog.loadStreaming(artifact).detector
        let rest = Array(series.points.dropFirst(1_500))
        #expect(detector.processAll(rest) == reloaded.processAll(rest))
        #expect(throws: DetectorError.self) { try entry.make(parameters: ["likelihoodProbation": "1"]) }
    }

    @Test("a sustained run of high base scores becomes an alarm; the noise before it does not")
    func alarms() throws {
        var detector = try DetectorCatalog.streaming(named: "random-cut-forest+likelihood")
            .make(parameters: ["trees": "20", "sampleSize": "128", "likelihoodProbation": "300"])
        let series = LabelledSeries.make(seed: 9)
        let scores = detector.processAll(series.points)
        let alarms = scores.indices.filter { scores[$0] >= detector.defaultThreshold }
        #expect(alarms.contains { (1_400...1_420).contains($0) }, "\(alarms)")
        #expect(alarms.filter { $0 < 1_400 && !(700...720).contains($0) && !(1_150...1_170).contains($0) }.isEmpty, "\(alarms)")
    }
}
