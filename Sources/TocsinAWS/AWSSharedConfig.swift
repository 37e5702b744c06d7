import Foundation

/// The shared AWS files, `~/.aws/credentials` and `~/.aws/config`, and the profile to read.
///
/// The profile is `AWS_PROFILE`, else `default`. `AWS_SHARED_CREDENTIALS_FILE` and
/// `AWS_CONFIG_FILE` move the files; `~` in them, and in the default paths, is `HOME`.
/// A missing file counts as empty. Sections are `[NAME]` in the credentials file, and
/// `[profile NAME]` in the config file, where `[default]` is also accepted.
public struct AWSSharedConfig: Sendable, Equatable {
    /// The selected profile.
    public let profile: String
    /// Whether the profile was chosen by `AWS_PROFILE` rather than defaulted.
    public let profileIsExplicit: Bool
    /// The path the credentials file was read from.
    public let credentialsPath: String
    /// The path the config file was read from.
    public let configPath: String
    /// The profiles of the credentials file, by name.
    public let credentialsProfiles: [String: [String: String]]
    /// The profiles of the config file, by name (without the `profile ` prefix).
    public let configProfiles: [String: [String: String]]

    /// Reads both files as `environment` places them.
    ///
    /// Throws ``AWSError/Code/invalidConfiguration`` when a file exists but cannot be read or parsed.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws(AWSError) -> AWSSharedConfig {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let credentialsPath = expand(environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials", home: home)
        let configPath = expand(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config", home: home)
        let explicit = environment["AWS_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
        return AWSSharedConfig(
            profile: explicit ?? "default",
            profileIsExplicit: explicit != nil,
            credentialsPath: credentialsPath,
            configPath: configPath,
            credentialsProfiles: try read(credentialsPath),
            configProfiles: configProfiles(try read(configPath))
        )
    }

    /// The selected profile's `region` in the config file.
    public var region: String? {
        configProfiles[profile]?["region"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `path` with a leading `~` replaced by `home`.
    static func expand(_ path: String, home: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return home + path.dropFirst()
    }

    /// The sections of the file at `path`, or none when there is no such file.
    private static func read(_ path: String) throws(AWSError) -> [String: [String: String]] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw AWSError(.invalidConfiguration, "\(path) cannot be read as UTF-8 text")
        }
        return try INIFile(parsing: text, path: path).sections
    }

    /// Config sections keyed by profile name: `[profile NAME]` gives `NAME`, `[default]` gives
    /// `default` (`[profile default]` wins over it); other sections are not profiles.
    private static func configProfiles(_ sections: [String: [String: String]]) -> [String: [String: String]] {
        var profiles: [String: [String: String]] = [:]
        if let plain = sections["default"] { profiles["default"] = plain }
        for (name, settings) in sections {
            let words = name.split(whereSeparator: \.isWhitespace)
            if words.count == 2, words[0] == "profile" { profiles[String(words[1])] = settings }
        }
        return profiles
    }
}
