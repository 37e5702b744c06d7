import Foundation
import Testing
import TocsinCore
@testable import TocsinDetect

@Suite("LSTM autoencoder")
struct LSTMAutoencoderTests {
    /// A seasonal series (period 24, amplitude 2, noise σ 0.2) of `count` points; with
    /// `anomalies`, the second half has spikes, a level shift and a segment whose cycle
    /// runs twice as fast, labelled point by point.
    static func series(count: Int, anomalies: Bool, seed: UInt64) -> (values: [Double], labels: [Bool]) {
        var generator = SeededGenerator(seed: seed)
        let period = 24.0
        var values: [Double] = []
        var labels: [Bool] = []
        let spikes: Set<Int> = [count / 2 + 40, count / 2 + 170, count / 2 + 330, count / 2 + 520]
        let shift = (count / 2 + 220)..<(count / 2 + 280)
        let shape = (count / 2 + 400)..<(count / 2 + 470)
        for index in 0..<count {
            let phase = 2 * Double.pi * Double(index) / period
            var value = 10 + 2 * sin(phase) + generator.nextGaussian(standardDeviation: 0.2)
            var anomalous = false
            if anomalies {
                if spikes.contains(index) {
                    value += index % 2 == 0 ? 2.5 : -2.5
                    anomalous = true
                }
                if shift.contains(index) {
                    value += 1.5
                    anomalous = true
                }
                if shape.contains(index) {
                    value = 10 + 2 * sin(2 * phase) + generator.nextGaussian(standardDeviation: 0.2)
                    anomalous = true
                }
            }
            values.append(value)
            labels.append(anomalous)
        }
        return (values, labels)
    }

    /// A small, fast configuration for the tests.
    static func smallConfiguration(epochs: Int = 8, seed: UInt64 = 7) -> LSTMAutoencoder.Configuration {
        var configuration = LSTMAutoencoder.Configuration()
        configuration.hiddenSize = 8
        configuration.epochs = epochs
        configuration.batchSize = 16
        configuration.learningRate = 1e-2
        configuration.seed = seed
        return configuration
    }

    /// ROC AUC by the rank-sum (Mann-Whitney) statistic, ties counted as half.
    static func rocAUC(scores: [Double], labels: [Bool]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var ranks = [Double](repeating: 0, count: scores.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, scores[order[end + 1]] == scores[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = rank }
            start = end + 1
        }
        let positives = Double(labels.filter { $0 }.count)
        let negatives = Double(labels.count) - positives
        let rankSum = zip(ranks, labels).reduce(0) { $0 + ($1.1 ? $1.0 : 0) }
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
    }

    @Test("the local ROC AUC helper gives known values")
    func aucHelper() {
        #expect(Self.rocAUC(scores: [0.1, 0.4, 0.35, 0.8], labels: [false, false, true, true]) == 0.75)
        #expect(Self.rocAUC(scores: [1, 2, 3], labels: [false, true, true]) == 1)
        #expect(Self.rocAUC(scores: [1, 1], labels: [false, true]) == 0.5)
    }

    /// Worst relative difference between analytic and finite-difference gradients, per case.
    @Test("the inlined exp, sigmoid and tanh match libm")
    func activations() {
        var worstExp = 0.0, worstSigmoid = 0.0, worstTanh = 0.0
        for index in 0...20_000 {
            let x = -700 + 1_400 * Double(index) / 20_000 + 0.000_123
            worstExp = max(worstExp, abs(LSTMActivation.exp(x) - exp(x)) / exp(x))
        }
        for index in 0...20_000 {
            let x = -40 + 80 * Double(index) / 20_000 + 0.000_123
            worstSigmoid = max(worstSigmoid, abs(LSTMActivation.sigmoid(x) - 1 / (1 + exp(-x))))
            worstTanh = max(worstTanh, abs(LSTMActivation.tanh(x) - tanh(x)))
        }
        #expect(worstExp < 1e-15, "exp: \(worstExp)")
        #expect(worstSigmoid < 1e-15, "sigmoid: \(worstSigmoid)")
        #expect(worstTanh < 1e-15, "tanh: \(worstTanh)")
        #expect(LSTMActivation.exp(-1e6) >= 0 && LSTMActivation.exp(1e6).isFinite)
        #expect(LSTMActivation.sigmoid(-1e6) < 1e-300 && LSTMActivation.sigmoid(1e6) == 1)
        #expect(LSTMActivation.tanh(-1e6) == -1 && LSTMActivation.tanh(1e6) == 1 && LSTMActivation.tanh(0) == 0)
    }

    @Test("analytic gradients match central finite differences",
          arguments: [(dimensions: 1, hidden: 3, steps: 4), (dimensions: 2, hidden: 3, steps: 4), (dimensions: 1, hidden: 8, steps: 5)])
    func gradientCheck(dimensions: Int, hidden: Int, steps: Int) {
        let shape = AutoencoderShape(dimensions: dimensions, hidden: hidden, steps: steps)
        var generator = SeededGenerator(seed: 11)
        var network = AutoencoderNetwork(shape: shape, generator: &generator)
        // Larger weights than the initialisation, so that the gates leave their linear range.
        network.parameters = network.parameters.map { $0 * 2.5 }
        let rows = 3
        let windows = (0..<(rows * shape.windowWidth)).map { _ in generator.nextGaussian() }
        let (loss, analytic) = AutoencoderTrainer.lossAndGradient(network, windows: windows, rows: rows)
        #expect(loss > 0)
        // h = 1e-4 balances truncation (O(h²)) against rounding (≈ 1e-16 · loss / h).
        let step = 1e-4
        var worst = 0.0
        for index in network.parameters.indices {
            var plus = network
            plus.parameters[index] += step
            var minus = network
            minus.parameters[index] -= step
            let numeric = (AutoencoderTrainer.lossAndGradient(plus, windows: windows, rows: rows).loss
                - AutoencoderTrainer.lossAndGradient(minus, windows: windows, rows: rows).loss) / (2 * step)
            let relative = abs(numeric - analytic[index]) / max(abs(numeric) + abs(analytic[index]), 1e-6)
            worst = max(worst, relative)
        }
        #expect(worst < 1e-5, "worst relative gradient error \(worst)")
        // Every tensor receives a gradient.
        let layout = network.layout
        for offset in [layout.encoderInput, layout.encoderRecurrent, layout.encoderBias, layout.decoderInput,
                       layout.decoderRecurrent, layout.decoderBias, layout.outputWeights, layout.outputBias] {
            #expect(analytic[offset] != 0)
        }
    }

    @Test("the same seed gives identical scores; a saved model scores identically and keeps its threshold")
    func seededAndSaved() throws {
        let data = Self.series(count: 700, anomalies: false, seed: 3)
        let matrix = try LSTMAutoencoder.windows(of: data.values, length: 16, stride: 2)
        var first = LSTMAutoencoder(configuration: Self.smallConfiguration(epochs: 3))
        try first.fit(matrix)
        var second = LSTMAutoencoder(configuration: Self.smallConfiguration(epochs: 3))
        try second.fit(matrix)
        var other = LSTMAutoencoder(configuration: Self.smallConfiguration(epochs: 3, seed: 8))
        try other.fit(matrix)
        let scores = try first.score(matrix)
        #expect(scores == (try second.score(matrix)))
        #expect(first == second)
        #expect(scores != (try other.score(matrix)))
        #expect(scores.allSatisfy { $0 >= 0 && $0 <= 1 })
        // A row's score does not depend on the rows scored with it.
        for row in [0, 17, matrix.rows - 1] {
            let single = try Matrix(rows: 1, columns: matrix.columns, storage: matrix.row(row))
            #expect(try first.score(single) == [scores[row]])
        }

        first.featureNames = (0..<16).map { "step_\($0)" }
        let encoded = try JSONEncoder().encode(first)
        let loaded = try JSONDecoder().decode(LSTMAutoencoder.self, from: encoded)
        #expect(try loaded.score(matrix) == scores)
        #expect(loaded.threshold == first.threshold)
        #expect(loaded.errorThreshold == first.errorThreshold)
        #expect(loaded.featureNames == first.featureNames)
        #expect(loaded == first)
        // A corrupted artifact (parameters that do not fit the shape) is refused.
        let text = try #require(String(data: encoded, encoding: .utf8))
        let corrupted = text.replacingOccurrences(of: "\"parameters\":[", with: "\"parameters\":[0.5,")
        #expect(corrupted != text)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(LSTMAutoencoder.self, from: Data(corrupted.utf8)) }
    }

    @Test("training reduces the reconstruction loss by a large factor")
    func trainingReducesLoss() throws {
        let data = Self.series(count: 900, anomalies: false, seed: 5)
        let matrix = try LSTMAutoencoder.windows(of: data.values, length: 16, stride: 1)
        var model = LSTMAutoencoder(configuration: Self.smallConfiguration(epochs: 10))
        try model.fit(matrix)
        let summary = try #require(model.summary)
        #expect(summary.epochLosses.count == 10)
        #expect(summary.trainingRows + summary.validationRows == matrix.rows)
        #expect(summary.validationRows == matrix.rows / 10)

        // The loss of the untrained network (same seed, same standardisation) against the trained one.
        let scaled = try #require(model.standardizer).transform(matrix)
        var generator = SeededGenerator(seed: model.configuration.seed)
        let untrained = AutoencoderNetwork(shape: try #require(model.network).shape, generator: &generator)
        let initial = AutoencoderTrainer.lossAndGradient(untrained, windows: scaled, rows: summary.trainingRows).loss
        let final = AutoencoderTrainer.lossAndGradient(try #require(model.network), windows: scaled,
                                                       rows: summary.trainingRows).loss
        #expect(initial > 0.5)
        #expect(final < initial / 10, "loss \(initial) -> \(final)")
        #expect(summary.epochLosses.last! < summary.epochLosses.first!)
    }

    @Test("spikes, a level shift and a changed shape score high: ROC AUC > 0.85")
    func detectsAnomalies() throws {
        let length = 16
        let data = Self.series(count: 1_800, anomalies: true, seed: 9)
        let training = try LSTMAutoencoder.windows(of: Array(data.values[..<900]), length: length, stride: 1)
        let testing = try LSTMAutoencoder.windows(of: Array(data.values[900...]), length: length, stride: 1)
        let labels = (0..<testing.rows).map { row in data.labels[(900 + row)..<(900 + row + length)].contains(true) }
        var model = LSTMAutoencoder(configuration: Self.smallConfiguration(epochs: 10))
        try model.fit(training)
        let scores = try model.score(testing)
        let auc = Self.rocAUC(scores: scores, labels: labels)
        #expect(auc > 0.85, "ROC AUC \(auc)")

        // The score is e/(e + c) of the raw error and the threshold is on the same scale.
        let errors = try model.reconstructionErrors(testing)
        for (score, error) in zip(scores, errors) {
            #expect(abs(score - error / (error + model.errorScale)) < 1e-15)
            #expect((score >= model.threshold) == (error >= model.errorThreshold * (1 - 1e-12)))
        }
        #expect(model.threshold > 0.5 && model.threshold < 1)
        let summary = try #require(model.summary)
        #expect(abs(model.errorThreshold - (summary.validationErrorMean + 2 * summary.validationErrorStandardDeviation)) < 1e-12)
        let flagged = zip(scores, labels).filter { $0.0 >= model.threshold }
        #expect(flagged.filter(\.1).count > flagged.count / 2, "most flagged windows are anomalous")

        // Attribution: the contributions add up to the error; a spike's window blames the spike.
        let attributions = try model.attribution(testing)
        for (attribution, error) in zip(attributions, errors) {
            #expect(abs(attribution.contributions.reduce(0, +) - error) < 1e-9 * max(error, 1))
            #expect(abs(attribution.stepContributions.reduce(0, +) - error) < 1e-9 * max(error, 1))
        }
        let spikeRow = 40 - length / 2  // the spike at 940 sits at step 8 of this window
        let top = try #require(attributions[spikeRow].largest(1).first)
        #expect(top.step == 940 - 900 - spikeRow)
        #expect(top.dimension == 0)
        let reconstruction = try model.reconstruct(testing)
        #expect(reconstruction.row(spikeRow) == attributions[spikeRow].reconstruction)
    }

    @Test("multivariate windows: d values per step, step-major")
    func multivariate() throws {
        var generator = SeededGenerator(seed: 2)
        let steps = (0..<400).map { index -> [Double] in
            let phase = 2 * Double.pi * Double(index) / 20
            return [sin(phase) + 0.1 * generator.nextGaussian(), 100 + 10 * cos(phase) + generator.nextGaussian()]
        }
        let matrix = try LSTMAutoencoder.windows(of: steps, length: 10, stride: 2)
        #expect(matrix.columns == 20)
        #expect(matrix[1, 0] == steps[2][0] && matrix[1, 3] == steps[3][1])
        var configuration = Self.smallConfiguration(epochs: 4)
        configuration.dimensions = 2
        var model = LSTMAutoencoder(configuration: configuration)
        try model.fit(matrix)
        #expect(model.windowLength == 10)
        let standardizer = try #require(model.standardizer)
        #expect(abs(standardizer.means[1] - 100) < 1 && abs(standardizer.means[0]) < 0.2)
        // A corrupted second dimension is blamed on dimension 1.
        var cells = matrix.storage
        cells[5 * 20 + 2 * 4 + 1] += 60
        let corrupted = try Matrix(rows: matrix.rows, columns: 20, storage: cells)
        let attribution = try model.attribution(corrupted)[5]
        #expect(attribution.largest(1).first?.step == 4)
        #expect(attribution.largest(1).first?.dimension == 1)
        #expect(attribution.dimensionContributions[1] > attribution.dimensionContributions[0])
        #expect(try model.score(corrupted)[5] > model.threshold)
        // Rows must hold a multiple of `dimensions` values.
        let odd = try Matrix(rows: 4, columns: 9, storage: Array(repeating: 1, count: 36))
        var unfitted = LSTMAutoencoder(configuration: configuration)
        #expect(throws: DetectorError.self) { try unfitted.fit(odd) }
    }

    @Test("invalid configurations throw an error naming the parameter")
    func invalidConfigurations() throws {
        let matrix = try LSTMAutoencoder.windows(of: (0..<100).map { sin(Double($0)) }, length: 8)
        let cases: [(String, (inout LSTMAutoencoder.Configuration) -> Void)] = [
            ("hiddenSize", { $0.hiddenSize = 0 }),
            ("dimensions", { $0.dimensions = 0 }),
            ("epochs", { $0.epochs = 0 }),
            ("batchSize", { $0.batchSize = -1 }),
            ("learningRate", { $0.learningRate = 0 }),
            ("beta1", { $0.beta1 = 1 }),
            ("beta2", { $0.beta2 = -0.1 }),
            ("epsilon", { $0.epsilon = .nan }),
            ("clipNorm", { $0.clipNorm = -1 }),
            ("validationFraction", { $0.validationFraction = 0 }),
            ("validationFraction", { $0.validationFraction = 0.9 }),
            ("thresholdSigmas", { $0.thresholdSigmas = -2 }),
        ]
        for (name, change) in cases {
            var configuration = LSTMAutoencoder.Configuration()
            change(&configuration)
            var model = LSTMAutoencoder(configuration: configuration)
            do {
                try model.fit(matrix)
                Issue.record("\(name): no error")
            } catch {
                #expect(error.message.hasPrefix(name), "\(error.message)")
            }
        }
        #expect(throws: Never.self) { try LSTMAutoencoder.Configuration().validate() }
        // Unusable data and an unfitted model.
        let model = LSTMAutoencoder()
        #expect(throws: DetectorError.self) { try model.score(matrix) }
        var fitted = LSTMAutoencoder(configuration: Self.smallConfiguration(epochs: 1))
        #expect(throws: DetectorError.self) { try fitted.fit(try Matrix(rows: 1, columns: 8, storage: Array(repeating: 0, count: 8))) }
        try fitted.fit(matrix)
        #expect(throws: DetectorError.self) { try fitted.score(try Matrix(rows: 1, columns: 7, storage: Array(repeating: 0, count: 7))) }
        var bad = matrix.storage
        bad[3] = .infinity
        #expect(throws: DetectorError.self) { try fitted.score(try Matrix(rows: matrix.rows, columns: 8, storage: bad)) }
        #expect(LSTMAutoencoder.name == "lstm-autoencoder")
        #expect(LSTMAutoencoder.stateVersion == 1)
    }
}
