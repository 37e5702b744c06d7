import Foundation

extension CloudWatchLogsClient {
    /// The events of `group` that match `pattern` from `start` to `end` (both inclusive, to
    /// the millisecond), in time order within each stream, following `nextToken` through all pages.
    ///
    /// `streams` limits the search to those streams; `pattern` uses CloudWatch Logs' filter
    /// syntax (`?ERROR ?Exception` matches either term); `pageSize` bounds the events of
    /// one answer (CloudWatch Logs allows 1 to 10,000).
    public func filterLogEvents(
        group: String, streams: [String] = [], from start: Date? = nil, to end: Date? = nil,
        pattern: String? = nil, pageSize: Int? = nil
    ) async throws(AWSError) -> [FilteredLogEvent] {
        var request = FilterLogEventsRequest(
            logGroupName: group, logStreamNames: streams.isEmpty ? nil : streams,
            startTime: start.map(Self.milliseconds), endTime: end.map(Self.milliseconds),
            filterPattern: pattern, limit: pageSize, nextToken: nil
        )
        var events: [FilteredLogEvent] = []
        repeat {
            let page = try await json.send("FilterLogEvents", request, as: FilterLogEventsPage.self)
            events += page.events ?? []
            request.nextToken = page.nextToken.flatMap { $0.isEmpty || $0 == request.nextToken ? nil : $0 }
        } while request.nextToken != nil
        return events
    }

    /// `date` in whole milliseconds since 1970, as CloudWatch Logs counts time.
    private static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }
}

/// The body of a FilterLogEvents request.
private struct FilterLogEventsRequest: Encodable {
    let logGroupName: String
    let logStreamNames: [String]?
    let startTime: Int64?
    let endTime: Int64?
    let filterPattern: String?
    let limit: Int?
    var nextToken: String?
}

/// The body of a FilterLogEvents answer.
private struct FilterLogEventsPage: Decodable {
    let events: [FilteredLogEvent]?
    let nextToken: String?
}
