import Foundation

/// Decodes Prometheus's HTTP API answer to `/api/v1/query_range`: a `matrix` of series
/// whose samples are `[time, "value"]` pairs (values are strings, and may be `NaN` or
/// `+Inf`), or `{"status": "error", "errorType", "error"}`.
enum QueryRangeResponse {
    static func decode(_ body: Data) throws(PrometheusError) -> [PrometheusSeries] {
        let envelope: Envelope
        do { envelope = try JSONDecoder().decode(Envelope.self, from: body) } catch {
            throw PrometheusError("malformed query_range answer: \(String(decoding: body.prefix(200), as: UTF8.self))")
        }
        guard envelope.status == "success" else {
            throw PrometheusError("Prometheus refused the query: \(envelope.errorType ?? "error"): \(envelope.error ?? "no reason given")")
        }
        guard let data = envelope.data, data.resultType == "matrix" else {
            throw PrometheusError("query_range answered with a \(envelope.data?.resultType ?? "missing") result, not a matrix")
        }
        var series: [PrometheusSeries] = []
        for result in data.result {
            var samples: [(time: Double, value: Double)] = []
            for pair in result.values {
                guard let value = Double(pair.value) ?? Self.special(pair.value) else {
                    throw PrometheusError("sample value \"\(pair.value)\" is not a number")
                }
                samples.append((pair.time, value))
            }
            series.append(PrometheusSeries(labels: result.metric, samples: samples))
        }
        return series
    }

    private static func special(_ text: String) -> Double? {
        switch text {
        case "NaN": .nan
        case "+Inf": .infinity
        case "-Inf": -.infinity
        default: nil
        }
    }

    private struct Envelope: Decodable {
        let status: String
        let data: Matrix?
        let errorType: String?
        let error: String?
    }

    private struct Matrix: Decodable {
        let resultType: String
        let result: [Result]
    }

    private struct Result: Decodable {
        let metric: [String: String]
        let values: [Sample]
    }

    /// `[1435781430.781, "1"]`.
    private struct Sample: Decodable {
        let time: Double
        let value: String

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            time = try container.decode(Double.self)
            value = try container.decode(String.self)
        }
    }
}
