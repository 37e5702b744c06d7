/// A user name and password for SMTP AUTH (for Gmail: the account address and an app password).
///
/// The password is never shown: `description`, `debugDescription` and reflection (`dump`, `Mirror`) redact it.
public struct SMTPCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The user name sent to the server.
    public var username: String
    /// The password sent to the server, base64-encoded inside the TLS session.
    public var password: String

    /// Makes credentials.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// `SMTPCredentials(username: …, password: <redacted>)`.
    public var description: String { "SMTPCredentials(username: \(username.debugDescription), password: <redacted>)" }
    /// Same as ``description``.
    public var debugDescription: String { description }
    /// A mirror with the password redacted.
    public var customMirror: Mirror { Mirror(self, children: ["username": username, "password": "<redacted>"]) }
}
