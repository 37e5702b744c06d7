import Foundation
import Testing
import TocsinCore
import TocsinDetect

@Suite("Detector catalog and parameters")
struct CatalogTests {
    @Test("parameters override defaults by name with their type")
    func overrides() throws {
        let detector = try DetectorCatalog.streaming(named: "isolation-forest")
            .make(parameters: ["trees": "10", "contamination": "auto", "seed": "3"])
        let forest = try #require(detector as? IsolationForestDetector)
        #expect(forest.configuration.trees == 10)
        #expect(forest.configuration.contamination == .auto)
        #expect(forest.configuration.seed == 3)
        let threshold = try DetectorCatalog.streaming(named: "threshold").make(parameters: ["upper": "90"])
        #expect((threshold as? StaticThreshold)?.configuration.upper == 90)
    }

    @Test("unknown detectors and parameters, and bad values, are named in the error")
    func errors() throws {
        #expect(throws: DetectorError.self) { try DetectorCatalog.streaming(named: "magic") }
        do {
            _ = try DetectorCatalog.streaming(named: "windowed-gaussian").make(parameters: ["window": "5"])
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("no parameter \"window\""))
            #expect(error.message.contains("windowSize"))
        }
        #expect(throws: DetectorError.self) {
            try DetectorCatalog.streaming(named: "windowed-gaussian").make(parameters: ["windowSize": "lots"])
        }
        #expect(throws: DetectorError.self) {
            try DetectorCatalog.streaming(named: "isolation-forest").make(parameters: ["trees": "0"])
        }
    }

    @Test("an artifact of another detector or version is refused")
    func versionCheck() throws {
        let detector = try WindowedGaussian()
        var text = String(decoding: try DetectorCatalog.save(detector, threshold: 0.9), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"stateVersion\":1", with: "\"stateVersion\":99")
        #expect(throws: DetectorError.self) { try DetectorCatalog.loadStreaming(Data(text.utf8)) }
    }

    @Test("a static threshold with fixed bounds scores 0.5 on the bound")
    func staticBound() throws {
        var configuration = StaticThreshold.Configuration()
        configuration.upper = 80
        let detector = try StaticThreshold(configuration: configuration)
        #expect(detector.score(Point(epochSeconds: 0, value: 80)) == 0.5)
        #expect(detector.score(Point(epochSeconds: 0, value: 95)) > 0.9)
        #expect(detector.score(Point(epochSeconds: 0, value: 10)) < 0.01)
    }
}
