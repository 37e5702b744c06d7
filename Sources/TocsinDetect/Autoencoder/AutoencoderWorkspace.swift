/// Scratch buffers for the forward and backward passes of up to `capacity` windows,
/// allocated once and reused for every batch, and the gradient the backward pass
/// accumulates into.
///
/// Time-indexed buffers are laid out `[step][row][unit]`, so each step's rows are
/// contiguous; the hidden and cell states keep an extra leading step of zeros (the
/// initial state). A workspace is used by one thread at a time: the trainer gives each
/// shard of a mini-batch its own.
final class AutoencoderWorkspace: @unchecked Sendable {
    let shape: AutoencoderShape
    let capacity: Int
    /// Input windows, rows x W x d (row-major, as in the matrix).
    let inputs: UnsafeMutablePointer<Double>
    /// Encoder gates, W x rows x 4H: activated after the forward pass, dL/da after the backward pass.
    let encoderGates: UnsafeMutablePointer<Double>
    /// Encoder cell states c_{-1} (zero) … c_{W-1}, (W+1) x rows x H.
    let encoderCells: UnsafeMutablePointer<Double>
    /// tanh of the encoder cell states, W x rows x H.
    let encoderTanh: UnsafeMutablePointer<Double>
    /// Encoder hidden states h_{-1} (zero) … h_{W-1}, (W+1) x rows x H; the last is the code.
    let encoderHidden: UnsafeMutablePointer<Double>
    /// The code's part of the decoder's pre-activations, `W_x z + b`, rows x 4H (the same at every step).
    let decoderInput: UnsafeMutablePointer<Double>
    /// Decoder gates, laid out like ``encoderGates``.
    let decoderGates: UnsafeMutablePointer<Double>
    /// Decoder cell states, laid out like ``encoderCells``.
    let decoderCells: UnsafeMutablePointer<Double>
    /// tanh of the decoder cell states, W x rows x H.
    let decoderTanh: UnsafeMutablePointer<Double>
    /// Decoder hidden states, laid out like ``encoderHidden``.
    let decoderHidden: UnsafeMutablePointer<Double>
    /// Reconstructions, W x rows x d.
    let outputs: UnsafeMutablePointer<Double>
    /// dL/dh of the current step and of the one before (swapped as the recurrence runs back), rows x H.
    let hiddenGradient: UnsafeMutablePointer<Double>
    let previousHiddenGradient: UnsafeMutablePointer<Double>
    /// dL/dc flowing back through the recurrence, rows x H.
    let cellGradient: UnsafeMutablePointer<Double>
    /// dL/dy of every step, W x rows x d.
    let outputGradient: UnsafeMutablePointer<Double>
    /// The decoder's dL/da summed over the steps (the gradient reaching the repeated code), rows x 4H.
    let decoderGateSum: UnsafeMutablePointer<Double>
    /// The gradient of the loss, laid out like the parameters; accumulated by ``backward``.
    let gradient: UnsafeMutablePointer<Double>
    /// The number of parameters (the length of ``gradient``).
    let parameterCount: Int
    private let allocations: [(UnsafeMutablePointer<Double>, Int)]

    init(shape: AutoencoderShape, capacity: Int) {
        self.shape = shape
        self.capacity = capacity
        let steps = shape.steps, hidden = shape.hidden, gates = shape.gates, dimensions = shape.dimensions
        var made: [(UnsafeMutablePointer<Double>, Int)] = []
        func buffer(_ count: Int) -> UnsafeMutablePointer<Double> {
            let pointer = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
            pointer.initialize(repeating: 0, count: max(count, 1))
            made.append((pointer, max(count, 1)))
            return pointer
        }
        inputs = buffer(capacity * steps * dimensions)
        encoderGates = buffer(steps * capacity * gates)
        encoderCells = buffer((steps + 1) * capacity * hidden)
        encoderTanh = buffer(steps * capacity * hidden)
        encoderHidden = buffer((steps + 1) * capacity * hidden)
        decoderInput = buffer(capacity * gates)
        decoderGates = buffer(steps * capacity * gates)
        decoderCells = buffer((steps + 1) * capacity * hidden)
        decoderTanh = buffer(steps * capacity * hidden)
        decoderHidden = buffer((steps + 1) * capacity * hidden)
        outputs = buffer(steps * capacity * dimensions)
        hiddenGradient = buffer(capacity * hidden)
        previousHiddenGradient = buffer(capacity * hidden)
        cellGradient = buffer(capacity * hidden)
        outputGradient = buffer(steps * capacity * dimensions)
        decoderGateSum = buffer(capacity * gates)
        parameterCount = ParameterLayout(shape).count
        gradient = buffer(parameterCount)
        allocations = made
    }

    deinit {
        for (pointer, count) in allocations {
            pointer.deinitialize(count: count)
            pointer.deallocate()
        }
    }

    /// Copies `rows` windows into ``inputs``: row `r` is row `indices[r]` of `source`
    /// (W·d values per row).
    func load(_ source: UnsafePointer<Double>, indices: ArraySlice<Int>) {
        let width = shape.windowWidth
        for (row, index) in indices.enumerated() {
            (inputs + row * width).update(from: source + index * width, count: width)
        }
    }

    /// Copies `rows` consecutive windows starting at row `first` of `source`.
    func load(_ source: UnsafePointer<Double>, first: Int, rows: Int) {
        let width = shape.windowWidth
        inputs.update(from: source + first * width, count: rows * width)
    }

    /// Runs the network on the first `rows` loaded windows, keeping every intermediate
    /// value the backward pass needs; the reconstructions end in ``outputs``.
    func forward(rows: Int, parameters p: UnsafePointer<Double>) {
        let steps = shape.steps, hidden = shape.hidden, gates = shape.gates, dimensions = shape.dimensions
        let layout = ParameterLayout(shape)
        let width = shape.windowWidth
        let state = rows * hidden
        encoderHidden.update(repeating: 0, count: state)
        encoderCells.update(repeating: 0, count: state)
        decoderHidden.update(repeating: 0, count: state)
        decoderCells.update(repeating: 0, count: state)

        // Encoder over the window.
        for step in 0..<steps {
            let a = encoderGates + step * rows * gates
            for row in 0..<rows {
                let ar = a + row * gates
                ar.update(from: p + layout.encoderBias, count: gates)
                let x = inputs + row * width + step * dimensions
                for k in 0..<dimensions { MatrixKernel.axpy(gates, x[k], p + layout.encoderInput + k * gates, ar) }
            }
            if step > 0 {
                MatrixKernel.multiply(
                    rows: rows, columns: gates, depth: hidden, a: encoderHidden + step * state, aRowStride: hidden,
                    aDepthStride: 1, b: p + layout.encoderRecurrent, bRowStride: gates, c: a, cRowStride: gates,
                    accumulate: true)
            }
            LSTMCell.forward(
                rows: rows, hidden: hidden, gates: a, previousCell: encoderCells + step * state,
                cell: encoderCells + (step + 1) * state, cellTanh: encoderTanh + step * state,
                hiddenState: encoderHidden + (step + 1) * state)
        }

        // The code's contribution to the decoder's gates is the same at every step.
        let code = encoderHidden + steps * state
        for row in 0..<rows { (decoderInput + row * gates).update(from: p + layout.decoderBias, count: gates) }
        MatrixKernel.multiply(
            rows: rows, columns: gates, depth: hidden, a: code, aRowStride: hidden, aDepthStride: 1,
            b: p + layout.decoderInput, bRowStride: gates, c: decoderInput, cRowStride: gates, accumulate: true)

        // Decoder and output layer.
        for step in 0..<steps {
            let a = decoderGates + step * rows * gates
            a.update(from: decoderInput, count: rows * gates)
            if step > 0 {
                MatrixKernel.multiply(
                    rows: rows, columns: gates, depth: hidden, a: decoderHidden + step * state, aRowStride: hidden,
                    aDepthStride: 1, b: p + layout.decoderRecurrent, bRowStride: gates, c: a, cRowStride: gates,
                    accumulate: true)
            }
            let h = decoderHidden + (step + 1) * state
            LSTMCell.forward(
                rows: rows, hidden: hidden, gates: a, previousCell: decoderCells + step * state,
                cell: decoderCells + (step + 1) * state, cellTanh: decoderTanh + step * state, hiddenState: h)
            let y = outputs + step * rows * dimensions
            for row in 0..<rows {
                let hr = h + row * hidden
                for j in 0..<dimensions {
                    y[row * dimensions + j] = p[layout.outputBias + j] + MatrixKernel.dot(hidden, p + layout.outputWeights + j * hidden, hr)
                }
            }
        }
    }

    /// Backpropagation through time after ``forward(rows:parameters:)``: adds the
    /// gradient of `scale · Σ (reconstruction - input)²` to ``gradient`` and returns the
    /// unscaled sum of squared errors. The gate buffers are overwritten with the gradients
    /// of the pre-activations, so that the weight gradients, summed over every step and
    /// row, are each one matrix product after the recurrence.
    func backward(rows: Int, parameters p: UnsafePointer<Double>, transposed: TransposedWeights, scale: Double) -> Double {
        let steps = shape.steps, hidden = shape.hidden, gates = shape.gates, dimensions = shape.dimensions
        let layout = ParameterLayout(shape)
        let width = shape.windowWidth
        let state = rows * hidden
        let g = gradient
        var squaredErrors = 0.0
        var dh = hiddenGradient
        var dhPrevious = previousHiddenGradient
        dh.update(repeating: 0, count: state)
        cellGradient.update(repeating: 0, count: state)

        transposed.decoderRecurrent.withUnsafeBufferPointer { decoderRecurrentT in
            for step in (0..<steps).reversed() {
                // Output layer: y = V h + c; dL/dy is kept for V's gradient.
                let y = outputs + step * rows * dimensions
                let dy = outputGradient + step * rows * dimensions
                for row in 0..<rows {
                    let dhr = dh + row * hidden
                    let x = inputs + row * width + step * dimensions
                    for j in 0..<dimensions {
                        let error = y[row * dimensions + j] - x[j]
                        squaredErrors += error * error
                        let gradientOfOutput = scale * 2 * error
                        dy[row * dimensions + j] = gradientOfOutput
                        MatrixKernel.axpy(hidden, gradientOfOutput, p + layout.outputWeights + j * hidden, dhr)
                    }
                }
                let a = decoderGates + step * rows * gates
                LSTMCell.backward(
                    rows: rows, hidden: hidden, gates: a, previousCell: decoderCells + step * state,
                    cellTanh: decoderTanh + step * state, hiddenGradient: dh, cellGradient: cellGradient)
                guard step > 0 else { continue }
                MatrixKernel.multiply(
                    rows: rows, columns: hidden, depth: gates, a: a, aRowStride: gates, aDepthStride: 1,
                    b: decoderRecurrentT.baseAddress!, bRowStride: hidden, c: dhPrevious, cRowStride: hidden,
                    accumulate: false)
                swap(&dh, &dhPrevious)
            }
        }

        // Output layer: dV = Σ dy ⊗ h_t, dc = Σ dy over every step and row.
        let pairs = steps * rows
        MatrixKernel.multiply(
            rows: dimensions, columns: hidden, depth: pairs, a: outputGradient, aRowStride: 1, aDepthStride: dimensions,
            b: decoderHidden + state, bRowStride: hidden, c: g + layout.outputWeights, cRowStride: hidden, accumulate: true)
        for pair in 0..<pairs {
            for j in 0..<dimensions { g[layout.outputBias + j] += outputGradient[pair * dimensions + j] }
        }
        // Decoder recurrent weights: Σ over steps t ≥ 1 of h_{t-1} ⊗ dL/da_t.
        MatrixKernel.multiply(
            rows: hidden, columns: gates, depth: (steps - 1) * rows, a: decoderHidden + state, aRowStride: 1,
            aDepthStride: hidden, b: decoderGates + rows * gates, bRowStride: gates, c: g + layout.decoderRecurrent,
            cRowStride: gates, accumulate: true)
        // The repeated code: its gate gradients summed over the steps give the decoder's
        // input weights and bias, and dL/dz.
        decoderGateSum.update(from: decoderGates, count: rows * gates)
        for step in 1..<max(steps, 1) { MatrixKernel.axpy(rows * gates, 1, decoderGates + step * rows * gates, decoderGateSum) }
        for row in 0..<rows { MatrixKernel.axpy(gates, 1, decoderGateSum + row * gates, g + layout.decoderBias) }
        let code = encoderHidden + steps * state
        MatrixKernel.multiply(
            rows: hidden, columns: gates, depth: rows, a: code, aRowStride: 1, aDepthStride: hidden,
            b: decoderGateSum, bRowStride: gates, c: g + layout.decoderInput, cRowStride: gates, accumulate: true)
        transposed.decoderInput.withUnsafeBufferPointer { decoderInputT in
            MatrixKernel.multiply(
                rows: rows, columns: hidden, depth: gates, a: decoderGateSum, aRowStride: gates, aDepthStride: 1,
                b: decoderInputT.baseAddress!, bRowStride: hidden, c: dh, cRowStride: hidden, accumulate: false)
        }
        cellGradient.update(repeating: 0, count: state)

        // Encoder: dL/dz flows into its last hidden state.
        transposed.encoderRecurrent.withUnsafeBufferPointer { encoderRecurrentT in
            for step in (0..<steps).reversed() {
                let a = encoderGates + step * rows * gates
                LSTMCell.backward(
                    rows: rows, hidden: hidden, gates: a, previousCell: encoderCells + step * state,
                    cellTanh: encoderTanh + step * state, hiddenGradient: dh, cellGradient: cellGradient)
                guard step > 0 else { continue }
                MatrixKernel.multiply(
                    rows: rows, columns: hidden, depth: gates, a: a, aRowStride: gates, aDepthStride: 1,
                    b: encoderRecurrentT.baseAddress!, bRowStride: hidden, c: dhPrevious, cRowStride: hidden,
                    accumulate: false)
                swap(&dh, &dhPrevious)
            }
        }
        MatrixKernel.multiply(
            rows: hidden, columns: gates, depth: (steps - 1) * rows, a: encoderHidden + state, aRowStride: 1,
            aDepthStride: hidden, b: encoderGates + rows * gates, bRowStride: gates, c: g + layout.encoderRecurrent,
            cRowStride: gates, accumulate: true)
        for pair in 0..<pairs { MatrixKernel.axpy(gates, 1, encoderGates + pair * gates, g + layout.encoderBias) }
        for step in 0..<steps {
            MatrixKernel.multiply(
                rows: dimensions, columns: gates, depth: rows, a: inputs + step * dimensions, aRowStride: 1,
                aDepthStride: width, b: encoderGates + step * rows * gates, bRowStride: gates,
                c: g + layout.encoderInput, cRowStride: gates, accumulate: true)
        }
        return squaredErrors
    }

    /// The squared error of every value of the first `rows` windows after a forward
    /// pass, written row-major (rows x W x d) into `target`.
    func squaredErrors(rows: Int, into target: UnsafeMutablePointer<Double>) {
        let steps = shape.steps, dimensions = shape.dimensions, width = shape.windowWidth
        for row in 0..<rows {
            for step in 0..<steps {
                for j in 0..<dimensions {
                    let error = outputs[(step * rows + row) * dimensions + j] - inputs[row * width + step * dimensions + j]
                    target[row * width + step * dimensions + j] = error * error
                }
            }
        }
    }

    /// The reconstructions of the first `rows` windows after a forward pass, written
    /// row-major (rows x W x d) into `target`.
    func reconstructions(rows: Int, into target: UnsafeMutablePointer<Double>) {
        let steps = shape.steps, dimensions = shape.dimensions, width = shape.windowWidth
        for row in 0..<rows {
            for step in 0..<steps {
                for j in 0..<dimensions {
                    target[row * width + step * dimensions + j] = outputs[(step * rows + row) * dimensions + j]
                }
            }
        }
    }
}
