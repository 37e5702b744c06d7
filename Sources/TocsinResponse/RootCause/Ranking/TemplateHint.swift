import TocsinCore

/// One log template whose rate changed around an anomaly, with the evidence for it.
public struct TemplateHint: Sendable, Hashable, Codable {
    /// The template's stable id (see ``TemplateFingerprint``).
    public var templateID: String
    /// The template text, `<*>` at the variable positions.
    public var template: String
    /// New, surge or drop: the direction of the change, significant or not (see ``score``).
    public var change: TemplateChange
    /// Occurrences in the baseline window.
    public var baselineCount: Int
    /// Occurrences in the anomaly window.
    public var windowCount: Int
    /// Occurrences per minute in the baseline window.
    public var baselineRate: Double
    /// Occurrences per minute in the anomaly window.
    public var windowRate: Double
    /// The window's rate over the baseline's, smoothed so that it is finite (see
    /// ``TemplateRankingConfiguration/pseudoCount``).
    public var rateRatio: Double
    /// The most severe level among the template's records in both windows.
    public var maxLevel: LogRecord.Level
    /// A few distinct messages of the template, from the anomaly window when it occurred there.
    public var examples: [String]
    /// `-log10` of the p-value that the rate changed by no more than the tolerated factor,
    /// Bonferroni-corrected for the number of templates compared (0 when not significant):
    /// 3 means a change this large would arise by chance once in a thousand analyses.
    public var surprise: Double
    /// The ranking score: the surprise times the weight of ``maxLevel``.
    public var score: Double

    /// Creates a hint.
    public init(templateID: String, template: String, change: TemplateChange, baselineCount: Int, windowCount: Int,
                baselineRate: Double, windowRate: Double, rateRatio: Double, maxLevel: LogRecord.Level,
                examples: [String], surprise: Double, score: Double) {
        self.templateID = templateID
        self.template = template
        self.change = change
        self.baselineCount = baselineCount
        self.windowCount = windowCount
        self.baselineRate = baselineRate
        self.windowRate = windowRate
        self.rateRatio = rateRatio
        self.maxLevel = maxLevel
        self.examples = examples
        self.surprise = surprise
        self.score = score
    }
}
