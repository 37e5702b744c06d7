import TocsinCore

/// The weights of an encoder-decoder LSTM autoencoder, as one flat vector laid out
/// by ``ParameterLayout``.
///
/// The encoder reads the window step by step; its last hidden state is the code. The
/// decoder receives the code at every step (Keras' `RepeatVector`), starts from a zero
/// state, and a linear layer maps each of its hidden states to the d values of that step.
struct AutoencoderNetwork: Sendable, Hashable, Codable {
    /// The sizes.
    let shape: AutoencoderShape
    /// Every weight and bias, laid out by ``layout``.
    var parameters: [Double]

    /// The offsets of the tensors in ``parameters``.
    var layout: ParameterLayout { ParameterLayout(shape) }

    /// A network with every parameter drawn from uniform(-1/√H, 1/√H), PyTorch's
    /// initialisation of `nn.LSTM` and of `nn.Linear(H, d)`.
    init(shape: AutoencoderShape, generator: inout SeededGenerator) {
        self.shape = shape
        let bound = 1 / Double(shape.hidden).squareRoot()
        let count = ParameterLayout(shape).count
        var values = [Double](repeating: 0, count: count)
        for index in 0..<count { values[index] = (2 * generator.nextUnit() - 1) * bound }
        parameters = values
    }

    private enum CodingKeys: String, CodingKey {
        case shape, parameters
    }

    /// Decodes a network, refusing a shape that is not positive or a parameter count that
    /// does not match it (the passes index the parameters without bounds checks).
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let shape = try container.decode(AutoencoderShape.self, forKey: .shape)
        let parameters = try container.decode([Double].self, forKey: .parameters)
        guard shape.dimensions >= 1, shape.hidden >= 1, shape.steps >= 1,
              shape.dimensions <= 1 << 20, shape.hidden <= 1 << 12, shape.steps <= 1 << 20
        else {
            throw DecodingError.dataCorruptedError(forKey: .shape, in: container, debugDescription: "invalid network shape")
        }
        guard parameters.count == ParameterLayout(shape).count else {
            throw DecodingError.dataCorruptedError(
                forKey: .parameters, in: container,
                debugDescription: "expected \(ParameterLayout(shape).count) parameters, found \(parameters.count)")
        }
        self.shape = shape
        self.parameters = parameters
    }

    /// A network with the given parameters (`parameters.count` must match the layout).
    init(shape: AutoencoderShape, parameters: [Double]) {
        precondition(parameters.count == ParameterLayout(shape).count, "parameter count does not match the shape")
        self.shape = shape
        self.parameters = parameters
    }
}

/// Transposed copies of the weights the backward pass multiplies by from the other
/// side, `[4H][H]`, so that every inner loop of the pass runs over contiguous memory.
struct TransposedWeights: Sendable {
    /// Encoder recurrent weights, 4H x H.
    let encoderRecurrent: [Double]
    /// Decoder recurrent weights, 4H x H.
    let decoderRecurrent: [Double]
    /// Decoder input weights, 4H x H.
    let decoderInput: [Double]

    init(_ network: AutoencoderNetwork) {
        let layout = network.layout
        let hidden = network.shape.hidden
        let gates = network.shape.gates
        func transpose(at offset: Int) -> [Double] {
            var result = [Double](repeating: 0, count: hidden * gates)
            for row in 0..<hidden {
                for gate in 0..<gates { result[gate * hidden + row] = network.parameters[offset + row * gates + gate] }
            }
            return result
        }
        encoderRecurrent = transpose(at: layout.encoderRecurrent)
        decoderRecurrent = transpose(at: layout.decoderRecurrent)
        decoderInput = transpose(at: layout.decoderInput)
    }
}
