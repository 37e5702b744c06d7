extension AWSSharedConfig {
    /// The selected profile's static keys: from the credentials file, else from the config
    /// file; `nil` when neither file has keys for it.
    ///
    /// Throws ``AWSError/Code/profileNotFound`` when `AWS_PROFILE` names a profile that is in
    /// neither file, and ``AWSError/Code/partialCredentials`` when a profile has only one of
    /// `aws_access_key_id` and `aws_secret_access_key`.
    public func credentials() throws(AWSError) -> AWSCredentials? {
        let credentialsSection = credentialsProfiles[profile]
        let configSection = configProfiles[profile]
        if profileIsExplicit, credentialsSection == nil, configSection == nil {
            throw AWSError(.profileNotFound, "profile \(profile) is in neither \(credentialsPath) nor \(configPath)")
        }
        if let section = credentialsSection, let keys = try Self.keys(in: section, source: credentialsPath, profile: profile) {
            return keys
        }
        if let section = configSection, let keys = try Self.keys(in: section, source: configPath, profile: profile) {
            return keys
        }
        return nil
    }

    /// The keys of one profile section; `nil` when it has neither key.
    private static func keys(in section: [String: String], source: String, profile: String) throws(AWSError) -> AWSCredentials? {
        let value = { (key: String) in section[key].flatMap { $0.isEmpty ? nil : $0 } }
        switch (value("aws_access_key_id"), value("aws_secret_access_key")) {
        case (nil, nil):
            return nil
        case let (accessKeyID?, secret?):
            return AWSCredentials(
                accessKeyID: accessKeyID, secretAccessKey: secret,
                sessionToken: value("aws_session_token") ?? value("aws_security_token")
            )
        default:
            throw AWSError(
                .partialCredentials,
                "profile \(profile) in \(source) needs both aws_access_key_id and aws_secret_access_key"
            )
        }
    }
}
