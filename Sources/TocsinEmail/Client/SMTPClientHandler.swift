import NIOCore
import NIOSSL

/// The channel handler of an SMTP connection: parses replies, pairs them in order with requests,
/// enforces the command timeout and performs the STARTTLS switch without leaving the event loop.
///
/// A reply that arrives before its request (the greeting, or a `421` shutdown notice) waits for the next request.
/// The first failure (a TLS error, a timeout, a closed connection) is kept, and every later request fails with it,
/// even after the channel has closed, so callers always learn the root cause.
final class SMTPClientHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let commandTimeout: TimeAmount
    private var context: ChannelHandlerContext?
    private var parser = SMTPReplyParser()
    private var replies: [SMTPReply] = []
    private var requests: [SMTPRequest] = []
    private var timeout: Scheduled<Void>?
    private var failure: (any Error)?

    /// A handler that fails a request whose reply takes longer than `commandTimeout`.
    init(commandTimeout: TimeAmount) {
        self.commandTimeout = commandTimeout
    }

    /// Sends the request's bytes, if any, and completes its promise with the next reply. Call on the event loop.
    func send(_ request: SMTPRequest) {
        guard let context, failure == nil else {
            request.reply.fail(failure ?? SMTPConnectionError.closedByServer)
            return
        }
        requests.append(request)
        if let bytes = request.bytes {
            context.writeAndFlush(wrapOutboundOut(bytes), promise: nil)
        }
        deliverReplies()
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        fail(SMTPConnectionError.closedByServer)
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        do {
            replies += try parser.consume(buffer.readableBytesView)
        } catch {
            fail(error)
            return
        }
        deliverReplies()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(SMTPConnectionError.closedByServer)
        context.fireChannelInactive()
    }

    /// Pairs waiting replies with waiting requests, switches to TLS after an accepted `STARTTLS`,
    /// then restarts the timeout for the next awaited reply, if any.
    private func deliverReplies() {
        guard let context else { return }
        while !replies.isEmpty, !requests.isEmpty {
            let reply = replies.removeFirst()
            let request = requests.removeFirst()
            if let upgrade = request.tlsUpgrade, reply.code == 220 {
                guard replies.isEmpty, !parser.hasBufferedData else {
                    requests.insert(request, at: 0)
                    fail(SMTPConnectionError.unexpectedDataAfterStartTLS)
                    return
                }
                do {
                    let tls = try NIOSSLClientHandler(context: upgrade.context, serverHostname: upgrade.serverHostname)
                    try context.pipeline.syncOperations.addHandler(tls, position: .first)
                } catch {
                    requests.insert(request, at: 0)
                    fail(error)
                    return
                }
            }
            request.reply.succeed(reply)
        }
        restartTimeout(context: context)
    }

    private func restartTimeout(context: ChannelHandlerContext) {
        timeout?.cancel()
        timeout = nil
        guard !requests.isEmpty else { return }
        timeout = context.eventLoop.assumeIsolated().scheduleTask(in: commandTimeout) {
            self.fail(SMTPConnectionError.timedOut)
        }
    }

    /// Records the first failure, fails every waiting request with it and closes the connection.
    private func fail(_ error: any Error) {
        timeout?.cancel()
        timeout = nil
        let firstFailure = failure ?? error
        let isNew = failure == nil
        failure = firstFailure
        let pending = requests
        requests = []
        for request in pending { request.reply.fail(firstFailure) }
        if isNew { context?.close(promise: nil) }
    }
}
