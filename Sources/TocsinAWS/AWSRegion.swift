import Foundation

/// Where the region comes from: `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's
/// `region` in the shared config file.
public enum AWSRegion {
    /// The region `environment` selects.
    ///
    /// Throws ``AWSError/Code/missingRegion`` when none is set, and
    /// ``AWSError/Code/invalidConfiguration`` when the shared files cannot be read.
    public static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws(AWSError) -> String {
        for name in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
            if let region = environment[name], !region.isEmpty { return region }
        }
        let shared = try AWSSharedConfig.load(environment: environment)
        guard let region = shared.region else {
            throw AWSError(
                .missingRegion,
                "set AWS_REGION, AWS_DEFAULT_REGION or region in profile \(shared.profile) of \(shared.configPath)"
            )
        }
        return region
    }
}
