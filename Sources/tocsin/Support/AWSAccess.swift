import Foundation
import TocsinAWS

/// How the CLI reaches AWS: region, profile and endpoint from options or the configuration
/// file, credentials from the standard chain (environment, shared files, instance role).
enum AWSAccess {
    /// A client configuration for `what` (named in errors): `region` else the one the
    /// environment or `profile` selects; every request to `endpoint` when given.
    static func configuration(region: String?, profile: String?, endpoint: String?, what: String) throws(CLIFailure) -> AWSClientConfiguration {
        var environment = ProcessInfo.processInfo.environment
        if let profile { environment["AWS_PROFILE"] = profile }
        let resolvedRegion: String
        if let region {
            resolvedRegion = region
        } else {
            do { resolvedRegion = try AWSRegion.resolve(environment: environment) } catch {
                throw .usage("\(what): no region: \(error.message) (or set region)")
            }
        }
        var endpoints = AWSEndpoints()
        if let endpoint {
            guard let url = URL(string: endpoint), url.host != nil, ["http", "https"].contains(url.scheme ?? "") else {
                throw .usage("\(what): endpoint \(endpoint) is not an http(s) URL")
            }
            endpoints.all = url
        }
        return AWSClientConfiguration(region: resolvedRegion, credentials: AWSCredentialChain(environment: environment), endpoints: endpoints)
    }

    /// The CloudWatch and EC2 clients of `configuration`.
    static func clients(_ configuration: AWSClientConfiguration, what: String) throws(CLIFailure) -> (CloudWatchClient, EC2Client) {
        do { return (try CloudWatchClient(configuration: configuration), try EC2Client(configuration: configuration)) } catch {
            throw .usage("\(what): \(error.message)")
        }
    }
}
