/// A message rendered to RFC 5322 text: ASCII only, CRLF line endings, no line over 998 characters,
/// ending with CRLF. It is not yet dot-stuffed for SMTP's `DATA`.
public struct RenderedEmail: Sendable, Hashable {
    /// The `Message-ID` written into the message, angle brackets included.
    public let messageID: String
    /// The complete message: header fields, an empty line, then the MIME body.
    public let text: String
}
