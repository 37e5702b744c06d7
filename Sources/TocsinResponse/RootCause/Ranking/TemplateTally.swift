import TocsinCore

/// What the ranking collects for one template while reading the records of both windows.
struct TemplateTally: Sendable {
    /// The template text.
    let text: String
    /// Records in the baseline window.
    private(set) var baselineCount = 0
    /// Records in the anomaly window.
    private(set) var windowCount = 0
    /// The most severe level seen.
    private(set) var maxLevel = LogRecord.Level.debug
    /// Distinct baseline messages, in arrival order.
    private(set) var baselineExamples: [String] = []
    /// Distinct anomaly-window messages, in arrival order.
    private(set) var windowExamples: [String] = []

    /// Creates an empty tally.
    init(text: String) {
        self.text = text
    }

    /// Counts one record, keeping up to `examples` distinct messages per window.
    mutating func add(_ record: LogRecord, inWindow: Bool, examples: Int) {
        maxLevel = max(maxLevel, record.level)
        if inWindow {
            windowCount += 1
            Self.keep(record.message, in: &windowExamples, limit: examples)
        } else {
            baselineCount += 1
            Self.keep(record.message, in: &baselineExamples, limit: examples)
        }
    }

    private static func keep(_ message: String, in examples: inout [String], limit: Int) {
        if examples.count < limit, !examples.contains(message) {
            examples.append(message)
        }
    }
}
