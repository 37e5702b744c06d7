import Benchmark
import Foundation
import TocsinCore
import TocsinDetect

/// Rows of standard normal features with a few far outliers, deterministic from a seed.
private func gaussianMatrix(rows: Int, columns: Int, seed: UInt64) -> Matrix {
    var generator = SeededGenerator(seed: seed)
    var cells: [Double] = []
    cells.reserveCapacity(rows * columns)
    for _ in 0..<(rows * columns) { cells.append(generator.nextGaussian()) }
    return try! Matrix(rows: rows, columns: columns, storage: cells)
}

/// A noisy daily cycle, 5-minute steps.
private func cyclicSeries(count: Int, seed: UInt64) -> [Point] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { index in
        let value = 50 + 10 * sin(2 * .pi * Double(index) / 288) + generator.nextGaussian(standardDeviation: 2)
        return Point(epochSeconds: 1_700_000_000 + Double(index) * 300, value: value)
    }
}

let benchmarks: @Sendable () -> Void = {
    let training = gaussianMatrix(rows: 10_000, columns: 10, seed: 1)
    let scoring = gaussianMatrix(rows: 100_000, columns: 10, seed: 2)
    let timing = Benchmark.Configuration(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(5))

    Benchmark("IsolationForest.fit 10k x 10 (100 trees, psi 256)", configuration: timing) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try IsolationForest.fit(training, trees: 100, sampleSize: 256, seed: 42))
        }
    }

    let forest = try! IsolationForest.fit(training, trees: 100, sampleSize: 256, seed: 42)
    Benchmark("IsolationForest.score 100k x 10", configuration: timing) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(forest.score(scoring))
        }
    }

    let series = cyclicSeries(count: 20_000, seed: 3)
    let perPoint = Benchmark.Configuration(metrics: [.wallClock, .throughput], scalingFactor: .kilo, maxDuration: .seconds(5))
    for entry in DetectorCatalog.streaming {
        // Warm each detector up on the first half so that every measured point is fully scored and learned.
        var warmed = try! entry.make()
        for point in series.prefix(10_000) { _ = warmed.process(point) }
        let measured = Array(series.suffix(10_000))
        Benchmark("stream score+learn per point: \(entry.name)", configuration: perPoint) { benchmark in
            var detector = warmed
            var index = 0
            for _ in benchmark.scaledIterations {
                blackHole(detector.process(measured[index]))
                index = (index + 1) % measured.count
            }
        }
    }
}
