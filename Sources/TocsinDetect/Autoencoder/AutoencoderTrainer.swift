import TocsinCore

/// Mini-batch training of an ``AutoencoderNetwork`` with Adam and gradient clipping.
///
/// Each mini-batch is split into a fixed number of contiguous shards whose gradients
/// are computed concurrently (``ConcurrentMap``) and then summed in shard order, so
/// the result depends only on the data, the settings and the seed, never on the
/// number of cores or the scheduling.
enum AutoencoderTrainer {
    /// The most shards a mini-batch is split into.
    static let shardLimit = 4

    /// The optimisation settings.
    struct Settings: Sendable {
        var epochs: Int
        var batchSize: Int
        var learningRate: Double
        var beta1: Double
        var beta2: Double
        var epsilon: Double
        var clipNorm: Double
    }

    /// Trains `network` on the first `rows` windows of `windows` (row-major, W·d
    /// values each, already standardised) and returns the mean squared error of each
    /// epoch (averaged over the epoch's mini-batches, weighted by rows, as Keras reports it).
    static func train(
        _ network: inout AutoencoderNetwork, windows: [Double], rows: Int, settings: Settings,
        generator: inout SeededGenerator
    ) -> [Double] {
        let shape = network.shape
        let count = network.layout.count
        let batchSize = min(settings.batchSize, rows)
        let shardCapacity = (batchSize + shardLimit - 1) / shardLimit
        let workspaces = (0..<min(shardLimit, batchSize)).map { _ in
            AutoencoderWorkspace(shape: shape, capacity: shardCapacity)
        }
        var optimizer = AdamOptimizer(count: count, learningRate: settings.learningRate, beta1: settings.beta1,
                                      beta2: settings.beta2, epsilon: settings.epsilon)
        var gradient = [Double](repeating: 0, count: count)
        var order = Array(0..<rows)
        var epochLosses: [Double] = []
        let valuesPerEpoch = Double(rows * shape.windowWidth)

        for _ in 0..<settings.epochs {
            shuffle(&order, using: &generator)
            let epochOrder = order
            var squaredErrors = 0.0
            var start = 0
            while start < rows {
                let batchRows = min(batchSize, rows - start)
                let parameters = network.parameters
                let transposed = TransposedWeights(network)
                let scale = 1 / Double(batchRows * shape.windowWidth)
                let shards = min(shardLimit, batchRows)
                let batchStart = start
                let shardErrors = ConcurrentMap.map(count: shards) { shard in
                    let lower = batchStart + shard * batchRows / shards
                    let upper = batchStart + (shard + 1) * batchRows / shards
                    let workspace = workspaces[shard]
                    workspace.gradient.update(repeating: 0, count: count)
                    windows.withUnsafeBufferPointer { workspace.load($0.baseAddress!, indices: epochOrder[lower..<upper]) }
                    return parameters.withUnsafeBufferPointer { p in
                        workspace.forward(rows: upper - lower, parameters: p.baseAddress!)
                        return workspace.backward(rows: upper - lower, parameters: p.baseAddress!,
                                                  transposed: transposed, scale: scale)
                    }
                }
                gradient.withUnsafeMutableBufferPointer { total in
                    let sum = total.baseAddress!
                    sum.update(from: workspaces[0].gradient, count: count)
                    for shard in 1..<max(shards, 1) { MatrixKernel.axpy(count, 1, workspaces[shard].gradient, sum) }
                    AdamOptimizer.clip(sum, count: count, maximumNorm: settings.clipNorm)
                    optimizer.update(&network.parameters, gradient: sum)
                }
                for value in shardErrors { squaredErrors += value }
                start += batchRows
            }
            epochLosses.append(squaredErrors / valuesPerEpoch)
        }
        return epochLosses
    }

    /// Fisher-Yates shuffle driven by the seeded generator (independent of the
    /// standard library's shuffling algorithm, so models stay reproducible).
    static func shuffle(_ values: inout [Int], using generator: inout SeededGenerator) {
        guard values.count > 1 else { return }
        for index in stride(from: values.count - 1, to: 0, by: -1) {
            let other = Int(generator.next() % UInt64(index + 1))
            values.swapAt(index, other)
        }
    }

    /// The loss and its gradient for the given windows (one pass, no update): the
    /// mean squared reconstruction error and d(loss)/d(parameters).
    static func lossAndGradient(_ network: AutoencoderNetwork, windows: [Double], rows: Int) -> (loss: Double, gradient: [Double]) {
        let workspace = AutoencoderWorkspace(shape: network.shape, capacity: rows)
        let scale = 1 / Double(rows * network.shape.windowWidth)
        let squaredErrors = windows.withUnsafeBufferPointer { w in
            workspace.load(w.baseAddress!, first: 0, rows: rows)
            return network.parameters.withUnsafeBufferPointer { p in
                workspace.forward(rows: rows, parameters: p.baseAddress!)
                return workspace.backward(rows: rows, parameters: p.baseAddress!,
                                          transposed: TransposedWeights(network), scale: scale)
            }
        }
        let gradient = Array(UnsafeBufferPointer(start: workspace.gradient, count: workspace.parameterCount))
        return (squaredErrors * scale, gradient)
    }
}

/// Forward passes over many windows, in parallel blocks, for scoring.
enum AutoencoderEvaluator {
    /// Windows per forward pass.
    static let block = 32
    /// The most segments the rows are split into for ``ConcurrentMap``.
    static let segmentLimit = 8

    /// The squared error of every value of the first `rows` windows of `windows`
    /// (standardised, row-major), and the reconstructions when asked for.
    static func evaluate(
        _ network: AutoencoderNetwork, windows: [Double], rows: Int, reconstruct: Bool
    ) -> (squaredErrors: [Double], reconstructions: [Double]) {
        guard rows > 0 else { return ([], []) }
        let width = network.shape.windowWidth
        let blocks = (rows + block - 1) / block
        let segments = min(segmentLimit, blocks)
        let parts = ConcurrentMap.map(count: segments) { segment in
            let firstBlock = segment * blocks / segments
            let endBlock = (segment + 1) * blocks / segments
            let first = firstBlock * block
            let end = min(endBlock * block, rows)
            let workspace = AutoencoderWorkspace(shape: network.shape, capacity: block)
            var errors = [Double](repeating: 0, count: (end - first) * width)
            var outputs = [Double](repeating: 0, count: reconstruct ? (end - first) * width : 0)
            windows.withUnsafeBufferPointer { w in
                network.parameters.withUnsafeBufferPointer { p in
                    var start = first
                    while start < end {
                        let count = min(block, end - start)
                        workspace.load(w.baseAddress!, first: start, rows: count)
                        workspace.forward(rows: count, parameters: p.baseAddress!)
                        errors.withUnsafeMutableBufferPointer {
                            workspace.squaredErrors(rows: count, into: $0.baseAddress! + (start - first) * width)
                        }
                        if reconstruct {
                            outputs.withUnsafeMutableBufferPointer {
                                workspace.reconstructions(rows: count, into: $0.baseAddress! + (start - first) * width)
                            }
                        }
                        start += count
                    }
                }
            }
            return (errors, outputs)
        }
        var errors: [Double] = []
        var outputs: [Double] = []
        errors.reserveCapacity(rows * width)
        if reconstruct { outputs.reserveCapacity(rows * width) }
        for part in parts {
            errors.append(contentsOf: part.0)
            outputs.append(contentsOf: part.1)
        }
        return (errors, outputs)
    }
}
