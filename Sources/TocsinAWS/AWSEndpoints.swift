import Foundation

/// Where each service is reached: AWS's regional endpoint, unless overridden (for an
/// emulator such as moto or LocalStack, or a VPC endpoint).
public struct AWSEndpoints: Sendable, Hashable {
    /// Base URLs by signing name (`monitoring`, `logs`, ...), checked first.
    public var services: [String: URL]
    /// A base URL for every service without its own override.
    public var all: URL?

    /// Endpoints with the given overrides; none by default.
    public init(services: [String: URL] = [:], all: URL? = nil) {
        self.services = services
        self.all = all
    }

    /// The base URL of `service` in `region`: its override, else the shared override, else
    /// `https://SERVICE.REGION.amazonaws.com` (`.amazonaws.com.cn` in the China regions).
    public func url(for service: String, region: String) throws(AWSError) -> URL {
        if let url = services[service] ?? all { return url }
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        guard let url = URL(string: "https://\(service).\(region).\(suffix)") else {
            throw AWSError(.invalidRequest, "service \(service) and region \(region) do not form a host name")
        }
        return url
    }
}
