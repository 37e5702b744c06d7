/// One command line for the server, with the form it may be logged in: secrets are never part of that form.
struct SMTPCommand: Sendable, CustomStringConvertible {
    /// The exact line sent, without the trailing CRLF.
    let line: String
    /// The line as logs show it.
    let description: String

    private init(_ line: String, loggedAs description: String? = nil) {
        self.line = line
        self.description = description ?? line
    }

    /// `EHLO name`.
    static func ehlo(_ name: String) -> Self { Self("EHLO \(name)") }
    /// `HELO name`, for servers that do not know `EHLO`.
    static func helo(_ name: String) -> Self { Self("HELO \(name)") }
    /// `STARTTLS`.
    static let startTLS = Self("STARTTLS")
    /// `AUTH mechanism` with an optional initial response, which is never logged.
    static func auth(_ mechanism: String, initialResponse: String? = nil) -> Self {
        guard let initialResponse else { return Self("AUTH \(mechanism)") }
        return Self("AUTH \(mechanism) \(initialResponse)", loggedAs: "AUTH \(mechanism) <redacted>")
    }
    /// A base64 answer to an authentication challenge, never logged.
    static func authResponse(_ response: String) -> Self { Self(response, loggedAs: "<redacted>") }
    /// `MAIL FROM:<address>`.
    static func mailFrom(_ sender: EmailAddress) -> Self { Self("MAIL FROM:<\(sender.address)>") }
    /// `RCPT TO:<address>`.
    static func rcptTo(_ recipient: EmailAddress) -> Self { Self("RCPT TO:<\(recipient.address)>") }
    /// `DATA`.
    static let data = Self("DATA")
    /// `QUIT`.
    static let quit = Self("QUIT")

    /// The bytes on the wire: the line and CRLF.
    var bytes: [UInt8] { Array((line + "\r\n").utf8) }
}
