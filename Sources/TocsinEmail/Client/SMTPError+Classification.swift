import NIOCore
import NIOPosix
import NIOSSL

extension SMTPError {
    /// An error for an unexpected reply: transient for `4xx`, permanent otherwise.
    init(stage: SMTPStage, reply: SMTPReply, redactor: SecretRedactor, context: String? = nil) {
        let prefix = context.map { "\($0): " } ?? ""
        self.init(
            stage: stage, replyCode: reply.code, message: prefix + redactor.redact(reply.text),
            isTransient: reply.isTransientFailure)
    }

    /// An error for a failure below the SMTP dialogue at `stage`. TLS failures are reported at the `tls` stage
    /// whatever step noticed them; network failures and timeouts are transient.
    init(stage: SMTPStage, failure: any Error, redactor: SecretRedactor) {
        switch failure {
        case let error as SMTPError:
            self = error
        case let error as SMTPConnectionError:
            self = Self(stage: stage, connectionError: error)
        case is NIOSSLError, is NIOSSLExtraError, is BoringSSLError:
            let dropped = (failure as? NIOSSLError) == .uncleanShutdown
            self.init(stage: .tls, message: redactor.redact("TLS failed: \(failure)"), isTransient: dropped)
        case ChannelError.connectTimeout:
            self.init(stage: .connect, message: "timed out connecting", isTransient: true)
        case is IOError, is ChannelError, is NIOConnectionError:
            self.init(stage: stage, message: redactor.redact("\(failure)"), isTransient: true)
        default:
            self.init(stage: stage, message: redactor.redact("\(failure)"), isTransient: false)
        }
    }

    private init(stage: SMTPStage, connectionError: SMTPConnectionError) {
        switch connectionError {
        case .malformedReply(let detail):
            self.init(stage: stage, message: "malformed reply: \(detail)", isTransient: false)
        case .timedOut:
            self.init(stage: stage, message: "no reply within the command timeout", isTransient: true)
        case .closedByServer:
            self.init(stage: stage, message: "the server closed the connection", isTransient: true)
        case .unexpectedDataAfterStartTLS:
            self.init(stage: .tls, message: "the server sent data after accepting STARTTLS", isTransient: false)
        }
    }
}
