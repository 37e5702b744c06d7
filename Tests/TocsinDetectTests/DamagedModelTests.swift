import Foundation
import Testing
import TocsinCore
@testable import TocsinDetect

/// Saved models edited at random: each must load and run, or be refused with an error;
/// none may crash the process (which would end this test run).
@Suite("Damaged model artifacts")
struct DamagedModelTests {
    static let series: [Point] = {
        var random = SeededGenerator(seed: 41)
        return (0..<800).map { step in
            Point(epochSeconds: Double(step) * 60, value: 50 + 10 * sin(Double(step) / 30) + random.nextGaussian() + (step % 97 == 0 ? 25 : 0))
        }
    }()

    /// The paths of the numbers in a JSON value, and of its arrays of numbers (the first 20
    /// elements of any array are followed).
    static func numericPaths(_ value: Any, _ path: [Any] = []) -> [(path: [Any], isList: Bool)] {
        if let object = value as? [String: Any] {
            return object.keys.sorted().flatMap { numericPaths(object[$0]!, path + [$0]) }
        }
        if let list = value as? [Any] {
            if let first = list.first, first is NSNumber, !(first is Bool) { return [(path, true)] }
            return list.prefix(20).enumerated().flatMap { numericPaths($0.element, path + [$0.offset]) }
        }
        if value is NSNumber, !(value is Bool) { return [(path, false)] }
        return []
    }

    static func edited(_ value: Any, at path: ArraySlice<Any>, _ edit: (Any) -> Any) -> Any {
        guard let key = path.first else { return edit(value) }
        if var object = value as? [String: Any], let key = key as? String {
            object[key] = edited(object[key]!, at: path.dropFirst(), edit)
            return object
        }
        var list = value as! [Any]
        let index = key as! Int
        list[index] = edited(list[index], at: path.dropFirst(), edit)
        return list
    }

    @Test("every streaming detector's model, edited forty ways, loads and runs or is refused", arguments: DetectorCatalog.streaming.map(\.name))
    func editedModels(detector name: String) throws {
        // Small forests: the checks are the same, and the test stays light beside the others.
        let entry = try DetectorCatalog.streaming(named: name)
        let sizes = ["trees": "5", "sampleSize": "32"].filter { size in entry.parameters.contains { $0.name == size.key } }
        var detector = try entry.make(parameters: sizes)
        for point in Self.series[..<600] { _ = detector.process(point) }
        let saved = try DetectorCatalog.save(detector, threshold: detector.defaultThreshold)
        let artifact = try #require(try JSONSerialization.jsonObject(with: saved) as? [String: Any])
        let paths = Self.numericPaths(artifact["state"]!)
        #expect(!paths.isEmpty)
        var random = SeededGenerator(seed: 43)
        let bad: [Any] = [-1, 0, 7, 999_999, Int(Int32.max), -999_999, 1e300]
        var refused = 0
        for _ in 0..<40 {
            let (path, isList) = paths[Int(random.next() % UInt64(paths.count))]
            let choice = Int(random.next() % 3)
            let replacement = bad[Int(random.next() % UInt64(bad.count))]
            let state = Self.edited(artifact["state"]!, at: path[...]) { value in
                guard isList, var list = value as? [Any], !list.isEmpty else { return replacement }
                switch choice {
                case 0: list[Int(random.next() % UInt64(list.count))] = replacement
                case 1: list.removeLast(Int(random.next() % UInt64(list.count)) + 1)
                default: list.append(replacement)
                }
                return list
            }
            var damaged = artifact
            damaged["state"] = state
            let data = try JSONSerialization.data(withJSONObject: damaged)
            do {
                var loaded = try DetectorCatalog.loadStreaming(data).detector
                for point in Self.series[600...] { _ = loaded.process(point) }
            } catch {
                refused += 1
            }
        }
        #expect(refused > 0, "none of the forty edits was refused")
    }
}
