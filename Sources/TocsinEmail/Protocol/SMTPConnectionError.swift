/// Failures of the connection itself, below the SMTP dialogue; ``SMTPError`` turns them into a stage-specific error.
enum SMTPConnectionError: Error, Sendable, Equatable {
    /// The server sent bytes that are not a well-formed reply.
    case malformedReply(String)
    /// No complete reply arrived within the command timeout.
    case timedOut
    /// The server closed the connection while a reply was awaited.
    case closedByServer
    /// The server sent more after its `220` to `STARTTLS`, which could be injected plaintext.
    case unexpectedDataAfterStartTLS
}
