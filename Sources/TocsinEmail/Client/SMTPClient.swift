import Logging
import NIOCore
import NIOPosix

/// Sends e-mail through an SMTP submission server (Gmail, a company relay, a local MTA), one connection per call.
public enum SMTPClient {
    /// Sends one message; the form taking an array of messages describes the dialogue and the errors.
    /// - Returns: The `Message-ID` of the sent message.
    @discardableResult
    public static func send(
        _ message: EmailMessage,
        configuration: SMTPConfiguration,
        logger: Logger = Logger(label: "tocsin.email", factory: { _ in SwiftLogNoOpLogHandler() }),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws(SMTPError) -> String {
        let ids = try await send([message], configuration: configuration, logger: logger, eventLoopGroup: eventLoopGroup)
        return ids[0]
    }

    /// Sends messages in order over one connection: greeting, `EHLO` (or `HELO`), `STARTTLS` and `AUTH` as
    /// configured, then `MAIL FROM`, `RCPT TO` per recipient and `DATA` for each message, then `QUIT`.
    ///
    /// Stops at the first failure; the messages before it are delivered. The log receives the SMTP transcript
    /// at trace level and one line per accepted message at debug level, never the password or AUTH payloads.
    /// - Returns: The `Message-ID` of each message, in order.
    /// - Throws: ``SMTPError`` naming the stage that failed and whether a later retry can help.
    @discardableResult
    public static func send(
        _ messages: [EmailMessage],
        configuration: SMTPConfiguration,
        logger: Logger = Logger(label: "tocsin.email", factory: { _ in SwiftLogNoOpLogHandler() }),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws(SMTPError) -> [String] {
        guard !messages.isEmpty else { return [] }
        try check(configuration)
        if messages.contains(where: \.envelopeRecipients.isEmpty) {
            throw SMTPError(stage: .message, message: "a message has no recipients", isTransient: false)
        }
        let tls = configuration.security == .plain ? nil : try SMTPTLSUpgradeFactory.upgrade(for: configuration)
        let redactor = SecretRedactor(credentials: configuration.credentials)
        let connection: SMTPConnection
        do {
            connection = try await SMTPConnection.open(
                configuration, implicitTLS: configuration.security == .implicitTLS ? tls : nil, group: eventLoopGroup)
        } catch {
            throw SMTPError(stage: .connect, failure: error, redactor: redactor)
        }
        let session = SMTPSession(
            connection: connection, configuration: configuration,
            startTLS: configuration.security == .startTLS ? tls : nil, redactor: redactor, logger: logger)
        do {
            try await session.open()
            var ids: [String] = []
            for message in messages { ids.append(try await session.deliver(message)) }
            await session.quit()
            await connection.close()
            return ids
        } catch {
            await session.quit()
            await connection.close()
            throw error
        }
    }

    /// Refuses a HELO name that could not be sent as one word on the command line.
    private static func check(_ configuration: SMTPConfiguration) throws(SMTPError) {
        let name = configuration.heloName
        guard !name.isEmpty, name.utf8.count <= 255, name.utf8.allSatisfy({ (33...126).contains($0) }) else {
            throw SMTPError(
                stage: .configuration, message: "invalid HELO name \(name.debugDescription)", isTransient: false)
        }
    }
}
