extension LSTMAutoencoder {
    /// Hyperparameters. The defaults follow the usual Keras LSTM autoencoder
    /// (`LSTM(32)`, `RepeatVector`, `LSTM(32, return_sequences=True)`,
    /// `TimeDistributed(Dense(d))`) trained with Adam's defaults.
    ///
    /// The window length is not a parameter: it is the number of matrix columns
    /// divided by ``dimensions``.
    public struct Configuration: DetectorConfiguration {
        /// Hidden units of the encoder and of the decoder (H); the code has this many values.
        public var hiddenSize = 32
        /// Values per time step (d); each row holds W·d values, step-major.
        public var dimensions = 1
        /// Passes over the training rows.
        public var epochs = 20
        /// Rows per mini-batch.
        public var batchSize = 32
        /// Adam's step size.
        public var learningRate = 1e-3
        /// Adam's decay rate of the first moment.
        public var beta1 = 0.9
        /// Adam's decay rate of the second moment.
        public var beta2 = 0.999
        /// Adam's ε.
        public var epsilon = 1e-8
        /// The largest Euclidean norm of a mini-batch gradient; larger ones are scaled down (0 turns clipping off).
        public var clipNorm = 5.0
        /// The fraction of rows, taken from the end of the training matrix, held out to set the threshold.
        public var validationFraction = 0.1
        /// k in the threshold `mean + k·std` of the held-out rows' reconstruction errors.
        public var thresholdSigmas = 2.0
        /// The random seed (initial weights and the order of the mini-batches).
        public var seed: UInt64 = 42

        /// Creates the default configuration.
        public init() {}

        /// Checks every value; the error names the offending parameter.
        public func validate() throws(DetectorError) {
            guard hiddenSize >= 1, hiddenSize <= 1_024 else {
                throw DetectorError("hiddenSize must be between 1 and 1024, got \(hiddenSize)")
            }
            guard dimensions >= 1 else { throw DetectorError("dimensions must be at least 1, got \(dimensions)") }
            guard epochs >= 1 else { throw DetectorError("epochs must be at least 1, got \(epochs)") }
            guard batchSize >= 1 else { throw DetectorError("batchSize must be at least 1, got \(batchSize)") }
            guard learningRate > 0, learningRate.isFinite else {
                throw DetectorError("learningRate must be a positive number, got \(learningRate)")
            }
            guard beta1 >= 0, beta1 < 1 else { throw DetectorError("beta1 must be in [0, 1), got \(beta1)") }
            guard beta2 >= 0, beta2 < 1 else { throw DetectorError("beta2 must be in [0, 1), got \(beta2)") }
            guard epsilon > 0, epsilon.isFinite else { throw DetectorError("epsilon must be a positive number, got \(epsilon)") }
            guard clipNorm >= 0, clipNorm.isFinite else {
                throw DetectorError("clipNorm must be 0 (off) or a positive number, got \(clipNorm)")
            }
            guard validationFraction > 0, validationFraction <= 0.5 else {
                throw DetectorError("validationFraction must be in (0, 0.5], got \(validationFraction)")
            }
            guard thresholdSigmas >= 0, thresholdSigmas.isFinite else {
                throw DetectorError("thresholdSigmas must be a non-negative number, got \(thresholdSigmas)")
            }
        }
    }
}
