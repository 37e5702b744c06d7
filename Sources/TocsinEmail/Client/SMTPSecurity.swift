/// How the connection to the SMTP server is protected.
public enum SMTPSecurity: String, Sendable, Hashable, CaseIterable {
    /// Plain TCP upgraded with `STARTTLS` before anything else is sent (submission, port 587).
    /// The send fails if the server does not offer `STARTTLS`; there is no fallback to plain text.
    case startTLS
    /// TLS from the first byte (submissions, port 465).
    case implicitTLS
    /// No encryption at all: only for test servers and trusted local relays (port 25).
    case plain

    /// The usual port for this kind of connection: 587, 465 or 25.
    public var defaultPort: Int {
        switch self {
        case .startTLS: 587
        case .implicitTLS: 465
        case .plain: 25
        }
    }
}
