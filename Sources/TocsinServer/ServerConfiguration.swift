import Foundation
import TocsinPipeline

/// How `tocsin serve` runs.
public struct ServerConfiguration: Sendable {
    /// The address to bind.
    public var host = "127.0.0.1"
    /// The port to bind (0 picks a free one).
    public var port = 8080
    /// Bearer tokens accepted on write endpoints; empty means no authentication.
    public var tokens: Set<String> = []
    /// Bind a non-loopback address without tokens anyway.
    public var insecure = false
    /// What ingest accepts.
    public var limits = IngestLimits()
    /// Points waiting for detection before ingest answers 429.
    public var queueCapacity = 1_000_000
    /// Detection actors.
    public var shards = 8
    /// A folder written by `tocsin report --out DIR`, served under `/report/` and linked from the dashboard.
    public var reportFolder: String?

    /// The defaults.
    public init() {}

    /// Whether `host` only accepts connections from this machine.
    public var isLoopback: Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
    }

    /// Refuses to expose write endpoints to the network without a token.
    public func validate() throws(ConfigurationError) {
        if !isLoopback, tokens.isEmpty, !insecure {
            throw ConfigurationError("refusing to bind \(host) without an API token: set a token, bind 127.0.0.1, or pass --insecure")
        }
        guard (0...65_535).contains(port) else { throw ConfigurationError("port must be 0 to 65535, got \(port)") }
    }
}

/// A configuration that cannot be used, described in one line.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
