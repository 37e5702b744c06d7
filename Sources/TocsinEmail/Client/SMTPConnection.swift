import NIOCore
import NIOPosix
import NIOSSL

/// An open TCP (or TLS) connection to an SMTP server, exchanging raw requests and replies.
struct SMTPConnection: Sendable {
    private let channel: any Channel
    private let handler: NIOLoopBound<SMTPClientHandler>

    /// Connects to the configured host and port, starting TLS at once for `implicitTLS`.
    /// - Parameter tls: The TLS upgrade for `implicitTLS`; `nil` for plain TCP.
    static func open(
        _ configuration: SMTPConfiguration, implicitTLS tls: SMTPRequest.TLSUpgrade?, group: any EventLoopGroup
    ) async throws -> SMTPConnection {
        let commandTimeout = TimeAmount(configuration.commandTimeout)
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(configuration.connectTimeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        let handler = try NIOSSLClientHandler(context: tls.context, serverHostname: tls.serverHostname)
                        try channel.pipeline.syncOperations.addHandler(handler)
                    }
                    try channel.pipeline.syncOperations.addHandler(SMTPClientHandler(commandTimeout: commandTimeout))
                }
            }
        return try await bootstrap.connect(host: configuration.host, port: configuration.port).flatMapThrowing { channel in
            let handler = try channel.pipeline.syncOperations.handler(type: SMTPClientHandler.self)
            return SMTPConnection(channel: channel, handler: NIOLoopBound(handler, eventLoop: channel.eventLoop))
        }.get()
    }

    /// Sends `bytes` (or nothing) and returns the next reply.
    /// - Parameter tlsUpgrade: For `STARTTLS`: the TLS handshake to start if the reply is `220`.
    func exchange(_ bytes: [UInt8]?, tlsUpgrade: SMTPRequest.TLSUpgrade? = nil) async throws -> SMTPReply {
        let reply = channel.eventLoop.makePromise(of: SMTPReply.self)
        let request = SMTPRequest(bytes: bytes.map { channel.allocator.buffer(bytes: $0) }, tlsUpgrade: tlsUpgrade, reply: reply)
        let handler = handler
        channel.eventLoop.execute { handler.value.send(request) }
        return try await reply.futureResult.get()
    }

    /// Closes the connection, ignoring errors: whatever was delivered stays delivered.
    func close() async {
        try? await channel.close()
    }
}
