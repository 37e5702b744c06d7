import Foundation
import TocsinCore

/// A seeded synthetic log stream of one service instance (`checkout`/`i-1`) over a baseline
/// hour and a ten-minute anomaly window: 30 steady templates with variable fields, plus
/// - `connection pool exhausted for db-<n>` (error), only in the anomaly window, 5 a minute;
/// - `slow query took <n> ms` (warning), 1 a minute in the baseline and 10 a minute in the window;
/// - `heartbeat sent seq=<n>` (info), every 30 s in the baseline, stopped in the window;
/// and records of another service (`billing`) with a template new in the window, which
/// scoping to `checkout` must leave out.
struct SyntheticLogStream {
    /// The start of the baseline hour.
    static let start = Date(timeIntervalSince1970: 1_700_000_000)
    /// The baseline hour.
    static let baseline = DateInterval(start: start, duration: 3_600)
    /// The anomaly window, five minutes either side of ``anomalyTime``.
    static let window = DateInterval(start: start.addingTimeInterval(3_600), duration: 600)
    /// When the anomaly was observed.
    static let anomalyTime = start.addingTimeInterval(3_900)

    static let newError = "connection pool exhausted for db-<*>"
    static let surge = "slow query took <*> ms"
    static let heartbeat = "heartbeat sent seq=<*>"
    static let otherServiceTemplate = "ledger lock held by <*> for <*> ms"

    /// A template of the stream: its expected text, level, rates per minute and message maker.
    struct Spec: Sendable {
        let expected: String
        let level: LogRecord.Level
        let baselineRate: Double
        let windowRate: Double
        let make: @Sendable (inout SeededGenerator) -> String
    }

    /// The records, in time order.
    let records: [LogRecord]

    /// The steady templates (same rate in both windows).
    static let steady: [Spec] = [
        Spec(expected: "request completed in <*> ms status <*>", level: .info, baselineRate: 6, windowRate: 6) { g in
            "request completed in \(int(&g, 3...900)) ms status \(pick(&g, ["200", "201", "204"]))"
        },
        Spec(expected: "login succeeded for user <*> from <*>", level: .info, baselineRate: 3, windowRate: 3) { g in
            "login succeeded for user \(pick(&g, names)) from \(ip(&g))"
        },
        Spec(expected: "cache hit ratio <*>", level: .debug, baselineRate: 2, windowRate: 2) { g in
            "cache hit ratio \(String(format: "%.3f", g.nextUnit()))"
        },
        Spec(expected: "cache miss for key <*>", level: .debug, baselineRate: 4, windowRate: 4) { g in
            "cache miss for key session:\(pick(&g, names))"
        },
        Spec(expected: "GET /api/users/<*>/orders returned <*> in <*>ms", level: .info, baselineRate: 5, windowRate: 5) { g in
            "GET /api/users/\(int(&g, 1...99_999))/orders returned \(pick(&g, ["200", "404"])) in \(int(&g, 1...300))ms"
        },
        Spec(expected: "POST /api/orders created order <*>", level: .info, baselineRate: 2, windowRate: 2) { g in
            "POST /api/orders created order \(uuid(&g))"
        },
        Spec(expected: "worker <*> picked job <*>", level: .info, baselineRate: 3, windowRate: 3) { g in
            "worker \(int(&g, 1...16)) picked job \(hex(&g, 12))"
        },
        Spec(expected: "scheduled task <*> finished successfully", level: .info, baselineRate: 0.5, windowRate: 0.5) { g in
            "scheduled task \(pick(&g, ["backup", "cleanup", "reindex", "rollup"])) finished successfully"
        },
        Spec(expected: "sending email to <*> template <*>", level: .info, baselineRate: 1, windowRate: 1) { g in
            "sending email to \(pick(&g, names))@example.com template \(pick(&g, ["welcome", "receipt", "reset"]))"
        },
        Spec(expected: "payment authorized amount=<*> currency=<*>", level: .info, baselineRate: 2, windowRate: 2) { g in
            "payment authorized amount=\(int(&g, 1...5_000)).\(int(&g, 10...99)) currency=\(pick(&g, ["EUR", "USD"]))"
        },
        Spec(expected: "inventory sync completed items=<*> duration=<*>", level: .info, baselineRate: 0.5, windowRate: 0.5) { g in
            "inventory sync completed items=\(int(&g, 1...9_000)) duration=\(int(&g, 1...60))s"
        },
        Spec(expected: "gc pause <*>ms heap <*>MB", level: .debug, baselineRate: 2, windowRate: 2) { g in
            "gc pause \(int(&g, 1...200))ms heap \(int(&g, 100...900))MB"
        },
        Spec(expected: "kafka consumer lag partition <*> offset <*>", level: .info, baselineRate: 1.5, windowRate: 1.5) { g in
            "kafka consumer lag partition \(int(&g, 0...11)) offset \(int(&g, 1_000...999_999))"
        },
        Spec(expected: "tls handshake with <*> completed", level: .debug, baselineRate: 2, windowRate: 2) { g in
            "tls handshake with \(ip(&g)):\(int(&g, 1_024...65_535)) completed"
        },
        Spec(expected: "feature flag <*> evaluated to <*>", level: .debug, baselineRate: 3, windowRate: 3) { g in
            "feature flag \(pick(&g, ["new-cart", "fast-pay", "dark-mode"])) evaluated to \(pick(&g, ["true", "false"]))"
        },
        Spec(expected: "session <*> expired after <*> seconds", level: .info, baselineRate: 1, windowRate: 1) { g in
            "session \(uuid(&g)) expired after \(int(&g, 60...7_200)) seconds"
        },
        Spec(expected: "retrying request to <*> attempt <*> of <*>", level: .warning, baselineRate: 0.5, windowRate: 0.5) { g in
            "retrying request to \(pick(&g, ["inventory-svc", "pricing-svc", "auth-svc"])) attempt \(int(&g, 1...3)) of 3"
        },
        Spec(expected: "loaded configuration from /etc/app/<*>", level: .info, baselineRate: 0.5, windowRate: 0.5) { g in
            "loaded configuration from /etc/app/config-\(int(&g, 1...40)).yaml"
        },
        Spec(expected: "rate limiter rejected client <*>", level: .warning, baselineRate: 1, windowRate: 1) { g in
            "rate limiter rejected client \(ip(&g))"
        },
        Spec(expected: "health check passed for dependency <*>", level: .debug, baselineRate: 2, windowRate: 2) { g in
            "health check passed for dependency \(pick(&g, ["postgres", "redis", "kafka", "s3"]))"
        },
        Spec(expected: "search query '<*>' returned <*> results", level: .info, baselineRate: 2, windowRate: 2) { g in
            "search query '\(pick(&g, names)) \(pick(&g, ["smith", "jones", "lee"]))' returned \(int(&g, 2...500)) results"
        },
        Spec(expected: "upstream response time <*>s for route <*>", level: .info, baselineRate: 2, windowRate: 2) { g in
            "upstream response time \(String(format: "%.2f", 3 * g.nextUnit()))s for route \(pick(&g, ["cart", "checkout", "catalog"]))"
        },
        Spec(expected: "metrics flushed <*> series to backend", level: .debug, baselineRate: 1, windowRate: 1) { g in
            "metrics flushed \(int(&g, 100...20_000)) series to backend"
        },
        Spec(expected: "db connection opened to db-<*> pool size <*>", level: .info, baselineRate: 1, windowRate: 1) { g in
            "db connection opened to db-\(int(&g, 1...8)) pool size \(int(&g, 5...50))"
        },
        Spec(expected: "auth token refreshed for client <*>", level: .info, baselineRate: 1.5, windowRate: 1.5) { g in
            "auth token refreshed for client \(hex(&g, 32))"
        },
        Spec(expected: "queue depth is <*> for queue <*>", level: .info, baselineRate: 2, windowRate: 2) { g in
            "queue depth is \(int(&g, 0...500)) for queue \(pick(&g, ["emails", "invoices", "exports"]))"
        },
        Spec(expected: "thread pool stats active=<*> idle=<*>", level: .debug, baselineRate: 1, windowRate: 1) { g in
            "thread pool stats active=\(int(&g, 0...64)) idle=\(int(&g, 0...64))"
        },
        Spec(expected: "trace span <*> parent <*>", level: .debug, baselineRate: 4, windowRate: 4) { g in
            "trace span \(hex(&g, 16)) parent \(hex(&g, 16))"
        },
        Spec(expected: "order <*> shipped to warehouse <*>", level: .info, baselineRate: 1, windowRate: 1) { g in
            "order \(int(&g, 10_000...99_999)) shipped to warehouse \(pick(&g, ["north", "south", "east"]))"
        },
        Spec(expected: "disk usage at <*>% on /dev/<*>", level: .warning, baselineRate: 0.5, windowRate: 0.5) { g in
            "disk usage at \(int(&g, 40...95))% on /dev/sda\(int(&g, 1...3))"
        },
    ]

    /// The templates whose rate changes, with the heartbeat left to its own schedule.
    static let changing: [Spec] = [
        Spec(expected: newError, level: .error, baselineRate: 0, windowRate: 5) { g in
            "connection pool exhausted for db-\(int(&g, 1...8))"
        },
        Spec(expected: surge, level: .warning, baselineRate: 1, windowRate: 10) { g in
            "slow query took \(int(&g, 1_000...30_000)) ms"
        },
    ]

    /// Every template of the `checkout` service, heartbeat included.
    static var expectedTemplates: [String] { steady.map(\.expected) + changing.map(\.expected) + [heartbeat] }

    /// Generates the stream from a seed.
    init(seed: UInt64, includeNewError: Bool = true) {
        var generator = SeededGenerator(seed: seed)
        var records: [LogRecord] = []
        let specs = Self.steady + Self.changing.filter { includeNewError || $0.expected != Self.newError }
        for spec in specs {
            for (interval, rate) in [(Self.baseline, spec.baselineRate), (Self.window, spec.windowRate)] {
                for time in Self.arrivals(in: interval, perMinute: rate, &generator) {
                    records.append(LogRecord(timestamp: time, service: "checkout", instance: "i-1", level: spec.level,
                                             message: spec.make(&generator)))
                }
            }
        }
        for beat in 0..<120 {
            records.append(LogRecord(timestamp: Self.start.addingTimeInterval(Double(beat) * 30 + 7), service: "checkout",
                                     instance: "i-1", level: .info, message: "heartbeat sent seq=\(beat)"))
        }
        for time in Self.arrivals(in: Self.window, perMinute: 8, &generator) {
            records.append(LogRecord(timestamp: time, service: "billing", instance: "i-7", level: .critical,
                                     message: "ledger lock held by \(Self.hex(&generator, 8)) for \(Self.int(&generator, 500...9_000)) ms"))
        }
        self.records = records.enumerated()
            .sorted { ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset) }
            .map(\.element)
    }

    /// Poisson arrival times in an interval.
    static func arrivals(in interval: DateInterval, perMinute rate: Double, _ generator: inout SeededGenerator) -> [Date] {
        guard rate > 0 else { return [] }
        var times: [Date] = []
        var time = interval.start.timeIntervalSince1970
        while true {
            time += -log(1 - generator.nextUnit()) * 60 / rate
            guard time < interval.end.timeIntervalSince1970 else { return times }
            times.append(Date(timeIntervalSince1970: time))
        }
    }

    static let names = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]

    static func int(_ generator: inout SeededGenerator, _ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &generator)
    }

    static func pick(_ generator: inout SeededGenerator, _ values: [String]) -> String {
        values[Int.random(in: 0..<values.count, using: &generator)]
    }

    static func ip(_ generator: inout SeededGenerator) -> String {
        "10.\(int(&generator, 0...255)).\(int(&generator, 0...255)).\(int(&generator, 1...254))"
    }

    static func hex(_ generator: inout SeededGenerator, _ length: Int) -> String {
        // Always starts with a digit, so that every id has one.
        String(int(&generator, 0...9)) + String((1..<length).map { _ in "0123456789abcdef".randomElement(using: &generator)! })
    }

    static func uuid(_ generator: inout SeededGenerator) -> String {
        [8, 4, 4, 4, 12].map { hex(&generator, $0) }.joined(separator: "-")
    }
}
