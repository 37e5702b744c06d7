import Foundation

extension RootCauseReport {
    /// The report in a few lines for alerts: the log templates whose rate changed most, then
    /// the series that went anomalous around the same time.
    public var text: String {
        var lines: [String] = []
        for hint in logHints.prefix(3) {
            let change = switch hint.change {
            case .new: "new"
            case .surge: "surge x\(String(format: "%.1f", hint.rateRatio))"
            case .drop: "drop x\(String(format: "%.2f", hint.rateRatio))"
            }
            lines.append("log \(change) [\(hint.maxLevel.rawValue)] \(hint.template) (\(hint.windowCount) in the window, \(hint.baselineCount) before)")
        }
        for related in relatedSeries.prefix(3) {
            lines.append("also anomalous: \(related.explanation)")
        }
        return lines.joined(separator: "\n")
    }
}
