import NIOCore
import NIOSSL

/// What the async side hands to ``SMTPClientHandler/send(_:)``: bytes to send (none for the greeting) and the promise
/// of the next reply, plus, for `STARTTLS`, the TLS context to switch to once the server says `220`.
struct SMTPRequest: Sendable {
    /// The TLS handshake to start right after a `220` reply to `STARTTLS`.
    struct TLSUpgrade: Sendable {
        /// The client context (trust roots, minimum version).
        let context: NIOSSLContext
        /// The SNI name and expected certificate name; `nil` checks the peer's IP address.
        let serverHostname: String?
    }

    /// The command or message bytes, or `nil` to wait for a reply without sending (the greeting).
    let bytes: ByteBuffer?
    /// The upgrade to perform when this request's reply is `220`.
    let tlsUpgrade: TLSUpgrade?
    /// Completed with the reply, or failed with the connection's failure.
    let reply: EventLoopPromise<SMTPReply>
}
