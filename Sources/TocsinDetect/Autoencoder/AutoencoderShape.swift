/// The sizes of an LSTM autoencoder: values per time step, hidden units and time steps.
struct AutoencoderShape: Sendable, Hashable, Codable {
    /// Values per time step (d).
    var dimensions: Int
    /// Hidden units of each LSTM (H); the code has this many values.
    var hidden: Int
    /// Time steps per window (W).
    var steps: Int

    /// Gate pre-activations per step: input, forget, cell and output gates (4H).
    var gates: Int { 4 * hidden }
    /// Values per window (W·d).
    var windowWidth: Int { steps * dimensions }
}

/// Where each tensor lives in the flat parameter vector (offsets in `Double`s).
///
/// LSTM weights are stored input-major, `[input][4H]`, with the gates in PyTorch's
/// order (input, forget, cell, output), so that the forward pass adds one contiguous
/// row per input value. The output layer is `[d][H]` like PyTorch's `Linear.weight`.
struct ParameterLayout: Sendable, Hashable {
    /// Encoder input weights, d x 4H.
    let encoderInput: Int
    /// Encoder recurrent weights, H x 4H.
    let encoderRecurrent: Int
    /// Encoder bias, 4H.
    let encoderBias: Int
    /// Decoder input weights (the code), H x 4H.
    let decoderInput: Int
    /// Decoder recurrent weights, H x 4H.
    let decoderRecurrent: Int
    /// Decoder bias, 4H.
    let decoderBias: Int
    /// Output layer weights, d x H.
    let outputWeights: Int
    /// Output layer bias, d.
    let outputBias: Int
    /// The number of parameters.
    let count: Int

    init(_ shape: AutoencoderShape) {
        let gates = shape.gates
        let hidden = shape.hidden
        let dimensions = shape.dimensions
        encoderInput = 0
        encoderRecurrent = encoderInput + dimensions * gates
        encoderBias = encoderRecurrent + hidden * gates
        decoderInput = encoderBias + gates
        decoderRecurrent = decoderInput + hidden * gates
        decoderBias = decoderRecurrent + hidden * gates
        outputWeights = decoderBias + gates
        outputBias = outputWeights + dimensions * hidden
        count = outputBias + dimensions
    }
}
