/// How an isolation forest sets its threshold, as scikit-learn's `contamination`.
///
/// `.auto` uses the paper's fixed threshold 0.5 (scikit-learn's `offset_ = -0.5`);
/// `.fraction(c)` puts the threshold just above the `1 - c` quantile of the training
/// scores, so that at most a fraction `c` of training rows would be flagged. Encoded as `"auto"` or a number.
public enum Contamination: Sendable, Hashable, Codable, CustomStringConvertible {
    case auto
    case fraction(Double)

    /// Parses `auto` or a number in (0, 0.5].
    public init(parsing text: String) throws(DetectorError) {
        if text == "auto" {
            self = .auto
        } else if let value = Double(text) {
            self = .fraction(value)
            try validate()
        } else {
            throw DetectorError("contamination must be \"auto\" or a number in (0, 0.5], got \"\(text)\"")
        }
    }

    /// Checks that a fraction is in (0, 0.5], as scikit-learn requires.
    public func validate() throws(DetectorError) {
        if case .fraction(let value) = self, !(value > 0 && value <= 0.5) {
            throw DetectorError("contamination must be in (0, 0.5], got \(value)")
        }
    }

    /// The threshold for a forest whose training rows scored `trainingScores`.
    public func threshold(trainingScores: [Double]) -> Double {
        switch self {
        case .auto:
            return 0.5
        case .fraction(let value):
            guard !trainingScores.isEmpty else { return 0.5 }
            // Scikit-learn flags scores strictly above the quantile; with Tocsin's
            // "at or above" rule that is the next representable value.
            return QuantileThreshold.quantile(of: trainingScores.sorted(), at: 1 - value).nextUp
        }
    }

    public var description: String {
        switch self {
        case .auto: "auto"
        case .fraction(let value): "\(value)"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self = .fraction(number)
        } else {
            let text = try container.decode(String.self)
            do { self = try Contamination(parsing: text) } catch {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
            }
        }
        do { try validate() } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .auto: try container.encode("auto")
        case .fraction(let value): try container.encode(value)
        }
    }
}
