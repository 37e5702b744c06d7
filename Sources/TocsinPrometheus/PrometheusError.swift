/// Why a Prometheus query failed, in words: the server's own `errorType` and `error`
/// when it answered with one, otherwise what went wrong on the way.
public struct PrometheusError: Error, CustomStringConvertible, Sendable {
    /// The explanation.
    public let description: String

    /// An error explained by `description`.
    public init(_ description: String) {
        self.description = description
    }
}
