import Foundation

/// The distributions a relative-entropy detector has accepted as normal: histograms of
/// past windows (all over the same bins and of the same size), each with the number of
/// windows that have agreed with it.
public struct WindowHypotheses: Sendable, Codable, Hashable {
    /// The histogram of each hypothesis, in the order they were formed.
    public private(set) var histograms: [[Int]] = []
    /// How many windows have agreed with each hypothesis, the one that formed it included.
    public private(set) var agreements: [Int] = []
    /// When each hypothesis last formed or agreed with a window, on ``clock``.
    private var lastUsed: [Int] = []
    /// Windows seen (added or agreeing).
    private var clock = 0

    /// No hypotheses.
    public init() {}

    private enum CodingKeys: String, CodingKey {
        case histograms, agreements, lastUsed, clock
    }

    /// Decodes saved hypotheses, refusing lists of different lengths or histograms of
    /// different bins or negative counts.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        histograms = try container.decode([[Int]].self, forKey: .histograms)
        agreements = try container.decode([Int].self, forKey: .agreements)
        lastUsed = try container.decode([Int].self, forKey: .lastUsed)
        clock = try container.decode(Int.self, forKey: .clock)
        guard agreements.count == histograms.count, lastUsed.count == histograms.count,
              histograms.allSatisfy({ $0.count == histograms.first?.count && $0.allSatisfy { $0 >= 0 } }),
              agreements.allSatisfy({ $0 >= 1 && $0 < Int.max / 2 }), clock >= 0, clock < Int.max / 2,
              lastUsed.allSatisfy({ (0...clock).contains($0) }) else {
            let sizes = [histograms.count, agreements.count, lastUsed.count]
            throw DecodingError.dataCorruptedError(forKey: .histograms, in: container, debugDescription: "hypotheses, counts, times: \(sizes)")
        }
    }

    /// Whether there is no hypothesis yet.
    public var isEmpty: Bool { histograms.isEmpty }
    /// The number of hypotheses.
    public var count: Int { histograms.count }

    /// The goodness-of-fit statistic of a window's histogram against a hypothesis:
    /// `2·W·D(p̂ ‖ p)`, twice the window size times the relative entropy (Kullback–Leibler
    /// divergence) of the window's frequencies from the hypothesis', which is
    /// asymptotically chi-square distributed with one degree of freedom fewer than there
    /// are bins when the window follows the hypothesis. Infinite when the window fills a
    /// bin the hypothesis never saw. Both histograms must hold the same number of values.
    public static func statistic(_ window: [Int], against hypothesis: [Int]) -> Double {
        var sum = 0.0
        for (observed, expected) in zip(window, hypothesis) where observed > 0 {
            guard expected > 0 else { return .infinity }
            sum += Double(observed) * log(Double(observed) / Double(expected))
        }
        return 2 * sum
    }

    /// The hypothesis the window agrees with best, if any has a statistic below `threshold`.
    public func bestAgreement(with window: [Int], threshold: Double) -> Int? {
        var best: Int?
        var lowest = threshold
        for (index, hypothesis) in histograms.enumerated() {
            let statistic = Self.statistic(window, against: hypothesis)
            if statistic < lowest {
                lowest = statistic
                best = index
            }
        }
        return best
    }

    /// Counts one more window agreeing with hypothesis `index`.
    public mutating func agree(with index: Int) {
        agreements[index] += 1
        clock += 1
        lastUsed[index] = clock
    }

    /// Adds `window` as a new hypothesis seen once; when `limit` hypotheses are held
    /// already, the one used least recently makes room.
    public mutating func add(_ window: [Int], limit: Int = .max) {
        if histograms.count >= max(1, limit), let stale = lastUsed.indices.min(by: { lastUsed[$0] < lastUsed[$1] }) {
            histograms.remove(at: stale)
            agreements.remove(at: stale)
            lastUsed.remove(at: stale)
        }
        clock += 1
        histograms.append(window)
        agreements.append(1)
        lastUsed.append(clock)
    }

    /// Forgets every hypothesis (when the bins change meaning).
    public mutating func removeAll() {
        histograms = []
        agreements = []
        lastUsed = []
    }
}
