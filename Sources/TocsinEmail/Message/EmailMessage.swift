/// A plain-text e-mail, optionally with an HTML alternative, ready to be rendered and sent.
///
/// Addresses and extra header fields are validated when they are made; the subject, display names
/// and bodies are free text that the renderer encodes (RFC 2047 encoded words, quoted-printable),
/// so no field value can break out of its header.
public struct EmailMessage: Sendable, Hashable {
    /// The author, used both in the `From` header and as the envelope sender (`MAIL FROM`).
    public var from: EmailAddress
    /// The primary recipients (`To` header and envelope).
    public var to: [EmailAddress]
    /// The copied recipients (`Cc` header and envelope).
    public var cc: [EmailAddress]
    /// The blind-copied recipients: envelope only, never written into the message.
    public var bcc: [EmailAddress]
    /// The subject line. Line breaks and control characters become spaces; non-ASCII text is encoded.
    public var subject: String
    /// The plain-text body. Line breaks are sent as CRLF and the body always ends with a line break.
    public var textBody: String
    /// An optional HTML rendering of the same content, sent as a `multipart/alternative` part.
    public var htmlBody: String?
    /// Additional header fields, written after the standard ones in this order.
    public var extraHeaders: [EmailHeaderField]

    /// Makes a message; see the properties for the meaning of each part.
    public init(
        from: EmailAddress,
        to: [EmailAddress],
        cc: [EmailAddress] = [],
        bcc: [EmailAddress] = [],
        subject: String,
        textBody: String,
        htmlBody: String? = nil,
        extraHeaders: [EmailHeaderField] = []
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.extraHeaders = extraHeaders
    }

    /// Every recipient of the SMTP envelope (`To`, then `Cc`, then `Bcc`), each address once,
    /// compared without regard to case.
    public var envelopeRecipients: [EmailAddress] {
        var seen = Set<String>()
        return (to + cc + bcc).filter { seen.insert($0.address.lowercased()).inserted }
    }
}
