import TocsinCore

/// The hyperparameters `tocsin tune` searches for each detector: a few values per
/// parameter, around the defaults, from which configurations are drawn.
public enum TuningSpace {
    /// Values to try per parameter, by detector name; empty for a detector without a space.
    public static func parameters(of detector: String) -> [String: [String]] {
        switch detector {
        case "default":
            ["threshold": ["0.5", "0.52", "0.55", "0.6"], "noveltyTolerance": ["0", "0.05", "0.1"], "distributionWindow": ["0", "52", "104"]]
        case "relative-entropy":
            ["windowSize": ["26", "52", "104"], "bins": ["3", "5", "8"], "significance": ["0.005", "0.01", "0.05"]]
        case "ewma":
            ["halfLife": ["30", "100", "300", "1000"], "zThreshold": ["3", "5", "8"]]
        case "robust-z":
            ["windowSize": ["300", "1000", "3000"], "spreadFloor": ["0", "0.5", "1"], "zThreshold": ["3", "5", "8"]]
        case "seasonal-baseline":
            ["halfLife": ["2", "4", "8"], "zThreshold": ["3", "4", "6"], "spreadFloor": ["0.25", "0.5", "1"]]
        case "isolation-forest":
            ["trainingWindow": ["1000", "2000", "4000", "8000"], "refitInterval": ["50", "100", "200"], "differences": ["0", "1"],
             "lags": ["0", "2"]]
        case "random-cut-forest":
            ["shingleSize": ["1", "2", "4"], "sampleSize": ["128", "256", "512"], "timeDecay": ["0.0001", "0.0004", "0.001"],
             "trees": ["50", "100"]]
        case "thresholded-random-cut-forest":
            ["shingleSize": ["1", "2"], "zFactor": ["2", "3", "4"], "minimumRaw": ["2", "3", "4"], "halfLife": ["200", "500", "2000"]]
        case "windowed-gaussian":
            ["windowSize": ["400", "1600", "6400"], "stepSize": ["10", "100"]]
        case "context-regression":
            ["halfLife": ["100", "300", "1000"], "zThreshold": ["3", "4", "6"], "direction": ["up", "both"], "warmUp": ["60", "240"]]
        default:
            [:]
        }
    }

    /// `budget` configurations: the defaults (no overrides) first, then distinct random
    /// draws from the space, reproducible from `seed`.
    public static func configurations(of detector: String, budget: Int, seed: UInt64) -> [[String: String]] {
        let space = parameters(of: detector)
        var result: [[String: String]] = [[:]]
        guard !space.isEmpty else { return result }
        let names = space.keys.sorted()
        let total = names.reduce(1) { $0 * space[$1]!.count }
        var random = SeededGenerator(seed: seed)
        var seen = Set<[String: String]>()
        while result.count < min(budget, total + 1), seen.count < total {
            var draw: [String: String] = [:]
            for name in names {
                let values = space[name]!
                draw[name] = values[Int(random.next() % UInt64(values.count))]
            }
            if seen.insert(draw).inserted { result.append(draw) }
        }
        return result
    }
}
