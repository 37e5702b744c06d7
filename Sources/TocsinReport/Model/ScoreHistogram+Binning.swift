#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ScoreHistogram {
    /// How scores are laid along the histogram's axis, which runs from position 0 to 1.
    enum Binning: Sendable, Equatable {
        /// The score itself.
        case linear
        /// How many nines the score has: −log10(1 − score) over ``tailDecades`` decades, so
        /// that 0.9, 0.99, 0.999… are evenly spaced and scores close to 1 stay apart.
        case tail

        /// The decades of the tail axis; scores closer to 1 fall in the last bin.
        static let tailDecades = 16.0

        /// The position of `score` (clamped to [0, 1]) along the axis.
        func position(of score: Double) -> Double {
            let clamped = min(max(score, 0), 1)
            switch self {
            case .linear: return clamped
            case .tail: return min(-log10(max(1 - clamped, 0)) / Self.tailDecades, 1)
            }
        }

        /// The score at `position` along the axis.
        func score(at position: Double) -> Double {
            switch self {
            case .linear: return position
            case .tail: return 1 - pow(10, -position * Self.tailDecades)
            }
        }

        /// Where the axis is labelled, and the labels.
        var ticks: [(position: Double, label: String)] {
            switch self {
            case .linear:
                return [0, 0.25, 0.5, 0.75, 1].map { ($0, NumberText.axis($0)) }
            case .tail:
                let decades = stride(from: 0, to: Int(Self.tailDecades), by: 2).map { decades in
                    (Double(decades) / Self.tailDecades, decades == 0 ? "0" : (decades == 2 ? "0.99" : "1-1e-\(decades)"))
                }
                return decades + [(1, "1")]
            }
        }
    }
}
