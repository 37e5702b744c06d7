import Foundation

/// Adam (Kingma and Ba 2015) with PyTorch's bias correction, over a flat parameter vector.
struct AdamOptimizer: Sendable {
    let learningRate: Double
    let beta1: Double
    let beta2: Double
    let epsilon: Double
    private(set) var step = 0
    private var firstMoment: [Double]
    private var secondMoment: [Double]

    init(count: Int, learningRate: Double, beta1: Double, beta2: Double, epsilon: Double) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        firstMoment = [Double](repeating: 0, count: count)
        secondMoment = [Double](repeating: 0, count: count)
    }

    /// One update: `p -= lr / (1 - β1^t) · m / (√v / √(1 - β2^t) + ε)`.
    mutating func update(_ parameters: inout [Double], gradient: UnsafePointer<Double>) {
        step += 1
        let correction1 = 1 - pow(beta1, Double(step))
        let correction2 = (1 - pow(beta2, Double(step))).squareRoot()
        let stepSize = learningRate / correction1
        let beta1 = beta1, beta2 = beta2, epsilon = epsilon
        let count = parameters.count
        parameters.withUnsafeMutableBufferPointer { p in
            firstMoment.withUnsafeMutableBufferPointer { m in
                secondMoment.withUnsafeMutableBufferPointer { v in
                    for index in 0..<count {
                        let g = gradient[index]
                        m[index] = beta1 * m[index] + (1 - beta1) * g
                        v[index] = beta2 * v[index] + (1 - beta2) * g * g
                        p[index] -= stepSize * m[index] / (v[index].squareRoot() / correction2 + epsilon)
                    }
                }
            }
        }
    }

    /// Scales `gradient` so that its Euclidean norm is at most `maximumNorm` (PyTorch's
    /// `clip_grad_norm_`); returns the norm before clipping. A non-positive maximum turns clipping off.
    @discardableResult
    static func clip(_ gradient: UnsafeMutablePointer<Double>, count: Int, maximumNorm: Double) -> Double {
        var squares = 0.0
        for index in 0..<count { squares += gradient[index] * gradient[index] }
        let norm = squares.squareRoot()
        guard maximumNorm > 0, norm > maximumNorm else { return norm }
        let factor = maximumNorm / (norm + 1e-6)
        for index in 0..<count { gradient[index] *= factor }
        return norm
    }
}
