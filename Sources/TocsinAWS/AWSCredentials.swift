import Foundation

/// An AWS access key pair, with the session token of temporary credentials.
///
/// `description` and `debugDescription` show the access key id only, so credentials can be
/// printed, logged or interpolated without leaking the secret or the token.
public struct AWSCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The access key id (`AKIA...` or `ASIA...`); not a secret.
    public let accessKeyID: String
    /// The secret access key.
    public let secretAccessKey: String
    /// The session token of temporary credentials.
    public let sessionToken: String?
    /// When temporary credentials stop working; `nil` for long-term keys.
    public let expiration: Date?

    /// Creates credentials.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    /// The access key id and whether a token is present; never the secret or the token.
    public var description: String {
        let token = sessionToken == nil ? "no session token" : "session token redacted"
        return "AWSCredentials(\(accessKeyID), secret redacted, \(token))"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }
}

extension AWSCredentials: CustomReflectable {
    /// Mirrors only the redacted description, so `dump` and test failure messages stay safe.
    public var customMirror: Mirror { Mirror(self, children: ["redacted": description]) }
}
