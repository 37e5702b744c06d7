/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`.
enum EnvironmentCredentials {
    /// The credentials `environment` holds, or `nil` when it sets neither key (empty counts
    /// as unset).
    ///
    /// Throws ``AWSError/Code/partialCredentials`` when only one of the two keys is set.
    static func credentials(in environment: [String: String]) throws(AWSError) -> AWSCredentials? {
        let value = { (name: String) in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        switch (value("AWS_ACCESS_KEY_ID"), value("AWS_SECRET_ACCESS_KEY")) {
        case (nil, nil):
            return nil
        case let (accessKeyID?, secret?):
            return AWSCredentials(accessKeyID: accessKeyID, secretAccessKey: secret, sessionToken: value("AWS_SESSION_TOKEN"))
        default:
            throw AWSError(.partialCredentials, "set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither")
        }
    }
}
