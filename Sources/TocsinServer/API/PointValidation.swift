import Foundation
import TocsinCore

/// Checks client points and logs before anything is stored; every failure names its field.
struct PointValidation {
    let limits: IngestLimits
    let now: Date

    /// The series keys and points of a batch, or the first problem found.
    func validate(_ payloads: [PointPayload], field: String = "points") throws(APIError) -> [(key: SeriesKey, point: Point)] {
        guard !payloads.isEmpty else { throw .unprocessable("empty_batch", "\(field) must hold at least one point", field: field) }
        // Each distinct series once: points share its key, and duplicates are found by
        // the key's number rather than by hashing the key's strings again.
        var keyNumbers: [SeriesKey: Int] = [:]
        var keys: [SeriesKey] = []
        var seen = Set<PointIdentity>()
        seen.reserveCapacity(payloads.count)
        var result: [(key: SeriesKey, point: Point)] = []
        result.reserveCapacity(payloads.count)
        for (index, payload) in payloads.enumerated() {
            // Built only when a check fails: most batches are valid.
            var here: String { "\(field)[\(index)]" }
            try Self.checkName(payload.series, field: { "\(here).series" }, metric: true)
            let labels = payload.labels ?? [:]
            guard labels.count <= limits.maxLabels else {
                throw .unprocessable("too_many_labels", "\(here).labels has \(labels.count) labels; the limit is \(limits.maxLabels)", field: "\(here).labels")
            }
            for (name, value) in labels {
                try Self.checkName(name, field: { "\(here).labels.\(name)" }, metric: false)
                guard value.utf8.count <= 1_024 else {
                    throw .unprocessable("invalid_label", "\(here).labels.\(name) is longer than 1024 bytes", field: "\(here).labels.\(name)")
                }
            }
            guard payload.value.isFinite else {
                throw .unprocessable("invalid_value", "\(here).value must be a finite number", field: "\(here).value")
            }
            try checkTime(payload.timestamp.date, field: { "\(here).timestamp" })
            let built = SeriesKey(name: payload.series, labels: labels)
            let number = keyNumbers[built, default: keyNumbers.count]
            let key: SeriesKey
            if number == keyNumbers.count {
                keyNumbers[built] = number
                keys.append(built)
                key = built
            } else {
                key = keys[number]
            }
            guard seen.insert(PointIdentity(key: number, time: payload.timestamp.date.timeIntervalSince1970)).inserted else {
                throw .unprocessable("duplicate_point", "\(here) repeats an earlier point of the same series and timestamp", field: "\(here).timestamp")
            }
            result.append((key, Point(timestamp: payload.timestamp.date, value: payload.value)))
        }
        return result
    }

    /// Log records, or the first problem found.
    func validate(_ payloads: [LogPayload]) throws(APIError) -> [LogRecord] {
        guard !payloads.isEmpty else { throw .unprocessable("empty_batch", "logs must hold at least one record", field: "logs") }
        return try payloads.enumerated().map { (index, payload) throws(APIError) in
            let here = "logs[\(index)]"
            try checkTime(payload.timestamp.date, field: { "\(here).timestamp" })
            for (name, text) in [("service", payload.service), ("instance", payload.instance)] where text.isEmpty || text.utf8.count > 256 {
                throw .unprocessable("invalid_value", "\(here).\(name) must be 1 to 256 bytes", field: "\(here).\(name)")
            }
            guard payload.message.utf8.count <= 64 * 1024 else {
                throw .unprocessable("invalid_value", "\(here).message is longer than 64 KiB", field: "\(here).message")
            }
            return LogRecord(timestamp: payload.timestamp.date, service: payload.service, instance: payload.instance,
                             level: payload.level ?? .info, message: payload.message, fields: payload.fields ?? [:])
        }
    }

    private func checkTime(_ date: Date, field: () -> String) throws(APIError) {
        if date.timeIntervalSince(now) > limits.maxFuture {
            throw .unprocessable("timestamp_in_future", "\(field()) is more than \(Int(limits.maxFuture)) s in the future", field: field())
        }
        if now.timeIntervalSince(date) > limits.maxPast {
            throw .unprocessable("timestamp_too_old", "\(field()) is more than \(Int(limits.maxPast)) s in the past", field: field())
        }
    }

    /// Metric names follow Prometheus (`[a-zA-Z_:][a-zA-Z0-9_:]*`), label names the same without `:`.
    static func checkName(_ name: String, field: () -> String, metric: Bool) throws(APIError) {
        let bytes = name.utf8
        func allowed(_ byte: UInt8, first: Bool) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): true
            case UInt8(ascii: "0")...UInt8(ascii: "9"): !first
            case UInt8(ascii: ":"): metric
            default: false
            }
        }
        guard !bytes.isEmpty, bytes.count <= 200, bytes.enumerated().allSatisfy({ allowed($0.element, first: $0.offset == 0) }) else {
            let rule = metric ? "[a-zA-Z_:][a-zA-Z0-9_:]*" : "[a-zA-Z_][a-zA-Z0-9_]*"
            throw .unprocessable("invalid_name", "\(field()) must match \(rule) and be at most 200 characters", field: field())
        }
    }
}

/// A series (by its number in the batch) and timestamp: what makes two points the same point.
private struct PointIdentity: Hashable {
    let key: Int
    let time: Double
}
