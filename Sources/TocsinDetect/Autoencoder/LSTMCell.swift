/// One time step of an LSTM over a batch of rows, on flat row-major buffers. Gates are
/// in PyTorch's order: input `i`, forget `f`, cell `g`, output `o`:
///
///     i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o)
///     c_t = f · c_{t-1} + i · g,   h_t = o · tanh(c_t)
///
/// where `a = W_x x_t + W_h h_{t-1} + b` (the caller computes `a` with ``MatrixKernel``).
/// The forward step keeps the activated gates, `c_t` and `tanh(c_t)`, which is all the
/// backward step needs.
enum LSTMCell {
    /// Completes a forward step from the pre-activations.
    ///
    /// - Parameters:
    ///   - gates: rows x 4H; the pre-activations `a` on entry, the activated gates on return.
    ///   - previousCell: `c_{t-1}`, rows x H.
    ///   - cell, cellTanh, hiddenState: `c_t`, `tanh(c_t)` and `h_t`, rows x H, written.
    @inline(__always)
    static func forward(
        rows: Int, hidden: Int, gates: UnsafeMutablePointer<Double>, previousCell: UnsafePointer<Double>,
        cell: UnsafeMutablePointer<Double>, cellTanh: UnsafeMutablePointer<Double>,
        hiddenState: UnsafeMutablePointer<Double>
    ) {
        // Short loops over one or two buffers each, which the compiler vectorises.
        let width = 4 * hidden
        for row in 0..<rows {
            let i = gates + row * width
            let f = i + hidden, g = i + 2 * hidden, o = i + 3 * hidden
            for j in 0..<(2 * hidden) { i[j] = LSTMActivation.sigmoid(i[j]) }
            for j in 0..<hidden { g[j] = LSTMActivation.tanh(g[j]) }
            for j in 0..<hidden { o[j] = LSTMActivation.sigmoid(o[j]) }
            let cPrevious = previousCell + row * hidden
            let c = cell + row * hidden
            let t = cellTanh + row * hidden
            let h = hiddenState + row * hidden
            for j in 0..<hidden { c[j] = f[j] * cPrevious[j] + i[j] * g[j] }
            for j in 0..<hidden { t[j] = LSTMActivation.tanh(c[j]) }
            for j in 0..<hidden { h[j] = o[j] * t[j] }
        }
    }

    /// A backward step: from `dL/dh_t` and `dL/dc_t` (the part flowing back from step
    /// t+1) to the gradient of the gate pre-activations, written over the gates.
    ///
    /// - Parameters:
    ///   - gates: rows x 4H; the activated gates of step t on entry, `dL/da` on return.
    ///   - previousCell: `c_{t-1}`, rows x H.
    ///   - cellTanh: `tanh(c_t)`, rows x H.
    ///   - hiddenGradient: `dL/dh_t`, rows x H (from the layer above and from step t+1).
    ///   - cellGradient: rows x H; `dL/dc_t` from step t+1 on entry, `dL/dc_{t-1}` on return.
    @inline(__always)
    static func backward(
        rows: Int, hidden: Int, gates: UnsafeMutablePointer<Double>, previousCell: UnsafePointer<Double>,
        cellTanh: UnsafePointer<Double>, hiddenGradient: UnsafePointer<Double>,
        cellGradient: UnsafeMutablePointer<Double>
    ) {
        let width = 4 * hidden
        for row in 0..<rows {
            let i = gates + row * width
            let f = i + hidden, g = i + 2 * hidden, o = i + 3 * hidden
            let cPrevious = previousCell + row * hidden
            let t = cellTanh + row * hidden
            let dh = hiddenGradient + row * hidden
            let dc = cellGradient + row * hidden
            // dL/dc_t = dL/dc from t+1 + dL/dh_t · o · (1 - tanh²(c_t))
            for j in 0..<hidden { dc[j] += dh[j] * o[j] * (1 - t[j] * t[j]) }
            for j in 0..<hidden { o[j] = dh[j] * t[j] * o[j] * (1 - o[j]) }
            for j in 0..<hidden {
                let ij = i[j], gj = g[j], d = dc[j]
                i[j] = d * gj * ij * (1 - ij)
                g[j] = d * ij * (1 - gj * gj)
            }
            for j in 0..<hidden {
                let fj = f[j], d = dc[j]
                f[j] = d * cPrevious[j] * fj * (1 - fj)
                dc[j] = d * fj
            }
        }
    }
}
