import Foundation
import TocsinCore

/// Ranks log templates by how much their rate changed between a baseline window (e.g. the
/// hour before an anomaly) and the anomaly window (e.g. five minutes either side of it).
///
/// The records of both windows (optionally only those of one service or instance) are mined
/// into templates, every record is then counted under the template it is an instance of, and
/// each template's counts go through ``RateChangeTest``: new templates and surges are tested
/// for a rise beyond the tolerated factor, drops (a heartbeat that stopped) for a fall. The
/// p-values are Bonferroni-corrected for the number of templates, so templates whose rate
/// merely fluctuated score 0, and the surprise is weighted by the template's most severe level.
public struct TemplateRateRanker: Sendable {
    /// The settings.
    public let configuration: TemplateRankingConfiguration
    /// The miner each ranking starts from: empty, or one that has learned the service's logs
    /// for longer, whose templates then give stabler ids. Rankings never change it.
    public let miner: TemplateMiner

    /// Creates a ranker.
    public init(configuration: TemplateRankingConfiguration = TemplateRankingConfiguration(),
                miner: TemplateMiner) throws(RootCauseError) {
        try configuration.validate()
        self.configuration = configuration
        self.miner = miner
    }

    /// Every template that occurs in either window among the in-scope `records`, most
    /// significant change first (ties by surprise, then by text).
    ///
    /// A record belongs to a window when `start <= timestamp < end`; one in both belongs to
    /// the anomaly window. Records are mined in the order given, so the same records in the
    /// same order always give the same hints. Windows of zero duration give no hints.
    public func rank(_ records: [LogRecord], baseline: DateInterval, window: DateInterval,
                     scope: LogScope = .everything) -> [TemplateHint] {
        guard baseline.duration > 0, window.duration > 0 else { return [] }
        let selected: [(record: LogRecord, inWindow: Bool)] = records.compactMap { record in
            guard scope.contains(record) else { return nil }
            if Self.interval(window, contains: record.timestamp) { return (record, true) }
            if Self.interval(baseline, contains: record.timestamp) { return (record, false) }
            return nil
        }
        var miner = self.miner
        let tokenized = selected.map { miner.tokens(of: $0.record.message) }
        for tokens in tokenized {
            miner.learn(tokens: tokens)
        }
        var tallies: [String: TemplateTally] = [:]
        for (entry, tokens) in zip(selected, tokenized) {
            let template = miner.match(tokens: tokens) ?? LogTemplate(text: tokens.joined(separator: " "), count: 1)
            tallies[template.id, default: TemplateTally(text: template.text)]
                .add(entry.record, inWindow: entry.inWindow, examples: configuration.examplesPerHint)
        }
        let correction = log10(Double(tallies.count))
        return tallies.map { id, tally in
            hint(id: id, tally: tally, baseline: baseline.duration, window: window.duration, correction: correction)
        }
        .sorted { ($1.score, $1.surprise, $0.template) < ($0.score, $0.surprise, $1.template) }
    }

    private func hint(id: String, tally: TemplateTally, baseline: Double, window: Double,
                      correction: Double) -> TemplateHint {
        let test = RateChangeTest(baselineCount: tally.baselineCount, windowCount: tally.windowCount,
                                  baselineDuration: baseline, windowDuration: window,
                                  tolerance: configuration.tolerance, pseudoCount: configuration.pseudoCount)
        let surprise = max(0, test.surprise - correction)
        return TemplateHint(
            templateID: id, template: tally.text, change: test.change,
            baselineCount: tally.baselineCount, windowCount: tally.windowCount,
            baselineRate: Double(tally.baselineCount) / baseline * 60, windowRate: Double(tally.windowCount) / window * 60,
            rateRatio: test.rateRatio, maxLevel: tally.maxLevel,
            examples: tally.windowCount > 0 ? tally.windowExamples : tally.baselineExamples,
            surprise: surprise, score: surprise * configuration.severityWeights.weight(of: tally.maxLevel))
    }

    /// Whether `start <= date < end`.
    private static func interval(_ interval: DateInterval, contains date: Date) -> Bool {
        date >= interval.start && date < interval.end
    }
}
