import Foundation
import Testing
import TocsinCore
@testable import TocsinDetect

@Suite("Isolation forest")
struct IsolationForestTests {
    /// Gaussian blob of `count` rows in `dimensions` dimensions plus `outliers` far rows at the end.
    static func blob(count: Int, dimensions: Int, outliers: Int = 0, seed: UInt64 = 1) throws -> Matrix {
        var generator = SeededGenerator(seed: seed)
        var cells: [Double] = []
        for _ in 0..<count * dimensions { cells.append(generator.nextGaussian()) }
        for _ in 0..<outliers * dimensions { cells.append(6 + generator.nextGaussian()) }
        return try Matrix(rows: count + outliers, columns: dimensions, storage: cells)
    }

    @Test("c(n) follows the paper and scikit-learn")
    func averagePath() {
        #expect(averagePathLength(0) == 0)
        #expect(averagePathLength(1) == 0)
        #expect(averagePathLength(2) == 1)
        #expect(abs(averagePathLength(256) - 10.244770920116851) < 1e-9)
        #expect(abs(averagePathLength(3) - (2 * (log(2.0) + eulerGamma) - 4.0 / 3)) < 1e-12)
    }

    @Test("trees respect the height limit ceil(log2 psi) and the sample size")
    func heightLimit() throws {
        let data = try Self.blob(count: 5_000, dimensions: 4)
        let forest = try IsolationForest.fit(data, trees: 20, sampleSize: 256, seed: 3)
        #expect(forest.roots.count == 20)
        #expect(forest.sampleSize == 256)
        for root in forest.roots {
            var deepest = 0
            var leafRows = 0.0
            var stack = [(Int(root), 0)]
            while let (index, depth) = stack.popLast() {
                let node = forest.nodes[index]
                if node.isLeaf {
                    deepest = max(deepest, depth)
                    #expect(node.value >= Double(depth))
                    leafRows += 1
                } else {
                    stack.append((Int(node.left), depth + 1))
                    stack.append((Int(node.left) + 1, depth + 1))
                }
            }
            #expect(deepest <= 8)
            #expect(leafRows >= 2)
        }
        let small = try Self.blob(count: 40, dimensions: 2)
        #expect(try IsolationForest.fit(small, trees: 5, sampleSize: 256, seed: 1).sampleSize == 40)
    }

    @Test("outliers score high, inliers near or below 0.5")
    func separatesOutliers() throws {
        let data = try Self.blob(count: 2_000, dimensions: 3, outliers: 10)
        let forest = try IsolationForest.fit(data, seed: 9)
        let scores = forest.score(data)
        let inlierMean = scores[..<2_000].reduce(0, +) / 2_000
        let outlierMin = scores[2_000...].min() ?? 0
        #expect(inlierMean < 0.5)
        #expect(outlierMin > 0.65)
        #expect(scores.allSatisfy { $0 > 0 && $0 <= 1 })
        for row in [0, 1_999, 2_005] {
            #expect(abs(forest.score(data.row(row)) - scores[row]) < 1e-12)
        }
    }

    @Test("the same seed gives the same forest; another seed another")
    func seeded() throws {
        let data = try Self.blob(count: 1_000, dimensions: 3)
        let first = try IsolationForest.fit(data, seed: 5)
        #expect(first == (try IsolationForest.fit(data, seed: 5)))
        #expect(first != (try IsolationForest.fit(data, seed: 6)))
    }

    @Test("constant data makes single-leaf trees instead of failing")
    func constantData() throws {
        let data = try Matrix(rows: 50, columns: 2, storage: Array(repeating: 1, count: 100))
        let forest = try IsolationForest.fit(data, trees: 3, seed: 1)
        #expect(forest.nodes.count == 3)
        #expect(forest.score([1, 1]) == forest.score([5, -5]))
    }

    @Test("bad training data is rejected with a clear error")
    func rejectsBadData() throws {
        let withNaN = try Matrix(rows: 3, columns: 1, storage: [1, .nan, 2])
        #expect(throws: DetectorError("training row 2, column 1 is not a finite number")) {
            try IsolationForest.fit(withNaN)
        }
        let single = try Matrix(rows: 1, columns: 1, storage: [1])
        #expect(throws: DetectorError.self) { try IsolationForest.fit(single) }
        #expect(throws: DetectorError.self) { try IsolationForest.fit(withNaN, trees: 0) }
    }

    @Test("contamination sets the threshold at the matching quantile of training scores")
    func contamination() throws {
        let data = try Self.blob(count: 3_000, dimensions: 2)
        var configuration = IsolationForestModel.Configuration()
        configuration.contamination = .fraction(0.05)
        var model = IsolationForestModel(configuration: configuration)
        try model.fit(data)
        let flagged = try model.score(data).filter { $0 >= model.threshold }.count
        #expect(abs(flagged - 150) <= 2)
        var automatic = IsolationForestModel()
        try automatic.fit(data)
        #expect(automatic.threshold == 0.5)
        #expect(throws: DetectorError.self) { try Contamination(parsing: "0.7") }
        #expect(throws: DetectorError.self) { try Contamination(parsing: "most") }
        #expect(try Contamination(parsing: "auto") == .auto)
    }

    @Test("a batch model round-trips through its artifact with scaler and feature names")
    func batchArtifact() throws {
        let data = try Self.blob(count: 500, dimensions: 3, outliers: 3)
        var model = IsolationForestModel()
        model.featureNames = ["a", "b", "c"]
        try model.fit(data)
        let loaded = try DetectorCatalog.loadBatch(try DetectorCatalog.save(model))
        #expect(loaded.featureNames == ["a", "b", "c"])
        #expect(try loaded.score(data) == (try model.score(data)))
        let wrongWidth = try Matrix(rows: 1, columns: 2, storage: [0, 0])
        #expect(throws: DetectorError.self) { try loaded.score(wrongWidth) }
    }

    @Test("a corrupted artifact is rejected, never trusted")
    func corruptArtifact() throws {
        var model = IsolationForestModel()
        try model.fit(try Self.blob(count: 100, dimensions: 2))
        var text = String(decoding: try DetectorCatalog.save(model), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"roots\":[0,", with: "\"roots\":[999999,")
        #expect(throws: DetectorError.self) { try DetectorCatalog.loadBatch(Data(text.utf8)) }
        #expect(throws: DetectorError.self) { try DetectorCatalog.loadBatch(Data("{}".utf8)) }
        #expect(throws: DetectorError.self) { try DetectorCatalog.loadBatch(Data("not json".utf8)) }
    }
}
