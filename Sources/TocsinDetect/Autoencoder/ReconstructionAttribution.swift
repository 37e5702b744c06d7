/// Which values of a window the autoencoder failed to reconstruct: the window's error
/// split over its steps and dimensions.
public struct ReconstructionAttribution: Sendable, Hashable, Codable {
    /// One value of the window and its share of the error.
    public struct Cell: Sendable, Hashable, Codable {
        /// The time step, 0 being the oldest value of the window.
        public let step: Int
        /// The dimension (0 for a univariate series).
        public let dimension: Int
        /// The value's contribution to ``ReconstructionAttribution/error``.
        public let contribution: Double
    }

    /// The window's reconstruction error: the mean squared difference between the
    /// standardised values and their reconstruction (in squared training standard deviations).
    public let error: Double
    /// Time steps per window (W).
    public let steps: Int
    /// Values per step (d).
    public let dimensions: Int
    /// Each value's contribution, step-major like the row: its squared standardised
    /// error divided by W·d, so that they add up to ``error``.
    public let contributions: [Double]
    /// The reconstruction of the window in the original units, step-major like the row.
    public let reconstruction: [Double]

    /// The contribution of the value at `step` in `dimension`.
    public func contribution(step: Int, dimension: Int) -> Double {
        contributions[step * dimensions + dimension]
    }

    /// The error contributed by each time step (all dimensions together), oldest first.
    public var stepContributions: [Double] {
        (0..<steps).map { step in
            (0..<dimensions).reduce(0) { $0 + contributions[step * dimensions + $1] }
        }
    }

    /// The error contributed by each dimension (all steps together).
    public var dimensionContributions: [Double] {
        (0..<dimensions).map { dimension in
            (0..<steps).reduce(0) { $0 + contributions[$1 * dimensions + dimension] }
        }
    }

    /// The `count` values contributing most, largest first (ties by position).
    public func largest(_ count: Int) -> [Cell] {
        let order = contributions.indices.sorted { contributions[$0] > contributions[$1] || (contributions[$0] == contributions[$1] && $0 < $1) }
        return order.prefix(max(count, 0)).map {
            Cell(step: $0 / dimensions, dimension: $0 % dimensions, contribution: contributions[$0])
        }
    }
}
