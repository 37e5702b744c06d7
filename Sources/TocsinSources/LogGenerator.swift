import Foundation
import TocsinCore

/// The log records an instance writes during one tick, consistent with its metrics:
///
/// - a few sampled request logs (`info`, `event=request`), about 3 per tick at average traffic;
/// - error logs (`error`, `event=error`), sampled at a fixed rate so that their number
///   follows `error_rate` (about 150 × error_rate per tick);
/// - sampled login successes (`info`, `event=auth_success`) and every login failure
///   (`warning`, `event=auth_failure`), each with `user` and `source_ip`: the failures
///   number exactly the tick's `auth_failures` value.
///
/// Each record's time lies within the tick, on a whole millisecond.
struct LogGenerator: Sendable {
    /// The configuration's seed.
    let seed: UInt64
    /// Simulated seconds per tick.
    let tickSeconds: Double

    /// Request logs per tick at average traffic.
    static let requestLogs = 3.0
    /// Error logs per tick per unit of error fraction.
    static let errorLogScale = 150.0

    /// The records of `profile` during `tick`, which begins at `time`.
    func logs(_ profile: InstanceProfile, at tick: Int, time: Date, sample: InstanceSample,
              incident: Schedule.Entry?) -> [LogRecord] {
        var random = StreamSeed.generator(seed, .logs, profile.index, tick)
        let milliseconds = max(1, Int(tickSeconds * 1_000))
        func record(_ level: LogRecord.Level, _ message: String, _ fields: [String: String]) -> LogRecord {
            let offset = Double(random.nextInt(in: 0...(milliseconds - 1))) / 1_000
            return LogRecord(timestamp: time.addingTimeInterval(offset), service: profile.service,
                             instance: profile.instance, level: level, message: message, fields: fields)
        }

        var records: [LogRecord] = []
        for _ in 0..<random.nextPoisson(mean: Self.requestLogs * sample.traffic) {
            let request = Self.request(profile, sample: sample, &random)
            records.append(record(.info, request.message, request.fields))
        }
        for _ in 0..<random.nextPoisson(mean: Self.errorLogScale * sample.errorRate) {
            let path = random.pick(profile.paths)
            let status = random.pick(["500", "502", "503", "504"])
            records.append(record(.error, random.pick(profile.errors),
                                  ["event": "error", "path": path, "status": status]))
        }
        for _ in 0..<random.nextPoisson(mean: profile.authSuccesses * sample.traffic) {
            let login = Identities.randomUser(&random)
            records.append(record(.info, "login succeeded for \(login.user)",
                                  ["event": "auth_success", "user": login.user, "source_ip": login.address]))
        }
        for _ in 0..<sample.userAuthFailures {
            let login = Identities.randomUser(&random)
            records.append(Self.failure(record, user: login.user, address: login.address))
        }
        let attack = incident?.incident.attributes ?? [:]
        for _ in 0..<sample.attackAuthFailures {
            let user = attack["user"] ?? Identities.attemptedUser(&random)
            let address = attack["source_ip"] ?? Identities.attackerAddress(&random)
            records.append(Self.failure(record, user: user, address: address))
        }
        return records
    }

    private static func failure(_ record: (LogRecord.Level, String, [String: String]) -> LogRecord,
                                user: String, address: String) -> LogRecord {
        record(.warning, "login failed for \(user): invalid credentials",
               ["event": "auth_failure", "user": user, "source_ip": address])
    }

    private static func request(_ profile: InstanceProfile, sample: InstanceSample,
                                _ random: inout SeededGenerator) -> (message: String, fields: [String: String]) {
        let path = random.pick(profile.paths)
        let method = random.nextUnit() < 0.75 ? "GET" : "POST"
        let status = random.nextUnit() < 0.92 ? (method == "GET" ? "200" : "201") : random.pick(["204", "304", "404"])
        let duration = Int((sample.latency * random.nextDouble(in: 0.25...1.05)).rounded())
        return ("\(method) \(path) \(status) \(duration)ms",
                ["event": "request", "method": method, "path": path, "status": status, "duration_ms": String(duration)])
    }
}
