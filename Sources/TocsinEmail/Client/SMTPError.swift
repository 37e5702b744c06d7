/// The step of a send at which an ``SMTPError`` happened.
public enum SMTPStage: String, Sendable, Hashable, CaseIterable {
    /// Checking the configuration before connecting (HELO name, trusted certificate files).
    case configuration
    /// Checking the message before connecting (no recipients).
    case message
    /// Resolving the host and opening the TCP connection.
    case connect
    /// Negotiating TLS: `STARTTLS`, the handshake, certificate verification.
    case tls
    /// Waiting for the server's `220` greeting.
    case greeting
    /// `EHLO` (or `HELO`).
    case ehlo
    /// SMTP AUTH.
    case auth
    /// `MAIL FROM`.
    case mailFrom
    /// `RCPT TO`.
    case rcptTo
    /// `DATA`, the message content and the server's acceptance of it.
    case data
}

/// Why a send failed: the stage, the server's reply when there was one, and whether retrying later can help.
///
/// The text never contains the password or the base64 authentication messages.
public struct SMTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the send failed.
    public let stage: SMTPStage
    /// The server's reply code, when the failure is a reply (e.g. 535, 550, 421).
    public let replyCode: Int?
    /// The server's reply text or a description of the failure.
    public let message: String
    /// Whether the same send may succeed later: `4xx` replies, refused or reset connections, timeouts.
    /// `5xx` replies, certificate failures and invalid configurations or messages are permanent.
    public let isTransient: Bool

    /// Makes an error; ``SMTPClient`` is the one that throws them.
    public init(stage: SMTPStage, replyCode: Int? = nil, message: String, isTransient: Bool) {
        self.stage = stage
        self.replyCode = replyCode
        self.message = message
        self.isTransient = isTransient
    }

    /// `SMTP auth failed (535, permanent): 5.7.8 Username and Password not accepted`.
    public var description: String {
        let code = replyCode.map { "\($0), " } ?? ""
        return "SMTP \(stage.rawValue) failed (\(code)\(isTransient ? "transient" : "permanent")): \(message)"
    }
}
