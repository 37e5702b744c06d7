import Foundation

/// The answer to one ``MetricDataQuery``: its data points in time order as CloudWatch gave
/// them (oldest first, as ``CloudWatchClient/getMetricData(_:from:to:maxDatapoints:)`` asks).
public struct MetricDataResult: Sendable, Hashable {
    /// The query's id.
    public var id: String
    /// The label, the query's or CloudWatch's.
    public var label: String
    /// The start of each period that has a value.
    public var timestamps: [Date]
    /// The statistic of each period, matching ``timestamps``.
    public var values: [Double]
    /// `Complete`, or `PartialData`, `InternalError` or `Forbidden` when CloudWatch could not
    /// give everything.
    public var statusCode: String

    /// Creates a result.
    public init(id: String, label: String, timestamps: [Date], values: [Double], statusCode: String) {
        self.id = id
        self.label = label
        self.timestamps = timestamps
        self.values = values
        self.statusCode = statusCode
    }

    /// The result in a `<member>` of `<MetricDataResults>`.
    init(member: AWSXMLElement) throws(AWSError) {
        let id = try member.requiredText(of: "Id")
        var timestamps: [Date] = []
        for element in member.child("Timestamps")?.children("member") ?? [] {
            timestamps.append(try QueryTimestamp.parse(element.text))
        }
        var values: [Double] = []
        for element in member.child("Values")?.children("member") ?? [] {
            guard let value = Double(element.text) else {
                throw AWSError(.invalidResponse, "result \(id) has the value \(element.text.prefix(40)), which is not a number")
            }
            values.append(value)
        }
        guard timestamps.count == values.count else {
            throw AWSError(.invalidResponse, "result \(id) has \(timestamps.count) timestamps but \(values.count) values")
        }
        self.init(
            id: id, label: member.text(of: "Label") ?? id, timestamps: timestamps, values: values,
            statusCode: try member.requiredText(of: "StatusCode")
        )
    }
}
