import Logging

/// The SMTP dialogue on one connection: greeting, `EHLO`, `STARTTLS`, `AUTH`, then one transaction per message.
struct SMTPSession {
    let connection: SMTPConnection
    let configuration: SMTPConfiguration
    /// The TLS switch for `STARTTLS`; `nil` unless the security is `startTLS`.
    let startTLS: SMTPRequest.TLSUpgrade?
    let redactor: SecretRedactor
    let logger: Logger

    /// Reads the greeting, introduces the client, upgrades to TLS and authenticates as configured.
    func open() async throws(SMTPError) {
        let greeting = try await exchange(nil, stage: .greeting)
        guard greeting.code == 220 else { throw SMTPError(stage: .greeting, reply: greeting, redactor: redactor) }
        var capabilities = try await hello()
        if let startTLS {
            guard capabilities.startTLS else {
                throw SMTPError(stage: .tls, message: "the server does not offer STARTTLS", isTransient: false)
            }
            try await expect(220, from: .startTLS, stage: .tls, tlsUpgrade: startTLS)
            capabilities = try await hello()
        }
        if let credentials = configuration.credentials {
            try await authenticate(credentials, offered: capabilities.authMechanisms)
        }
    }

    /// Sends one message: `MAIL FROM`, `RCPT TO` for every envelope recipient, `DATA`.
    /// Any refused recipient fails the whole message before its content is sent, so a retry cannot duplicate it.
    /// - Returns: The message's `Message-ID`.
    func deliver(_ message: EmailMessage) async throws(SMTPError) -> String {
        try await expect(250, from: .mailFrom(message.from), stage: .mailFrom)
        for recipient in message.envelopeRecipients {
            let reply = try await send(.rcptTo(recipient), stage: .rcptTo)
            guard reply.code == 250 || reply.code == 251 else {
                throw SMTPError(stage: .rcptTo, reply: reply, redactor: redactor, context: "recipient <\(recipient.address)> refused")
            }
        }
        try await expect(354, from: .data, stage: .data)
        let rendered = message.rendered()
        let payload = SMTPDataPayload.bytes(for: rendered.text)
        logger.trace("SMTP >>> message \(rendered.messageID) (\(payload.count) bytes)")
        let accepted = try await exchange(payload, stage: .data)
        guard accepted.code == 250 else { throw SMTPError(stage: .data, reply: accepted, redactor: redactor) }
        logger.debug("SMTP message \(rendered.messageID) accepted for \(message.envelopeRecipients.count) recipient(s)")
        return rendered.messageID
    }

    /// Says `QUIT`, ignoring the outcome: the messages are already accepted or already failed.
    func quit() async {
        _ = try? await send(.quit, stage: .data)
    }

    /// `EHLO`, or `HELO` when the server refuses `EHLO` with a `5xx` reply.
    private func hello() async throws(SMTPError) -> SMTPCapabilities {
        let reply = try await send(.ehlo(configuration.heloName), stage: .ehlo)
        if reply.code == 250 { return SMTPCapabilities(ehloReply: reply) }
        guard (500..<600).contains(reply.code) else { throw SMTPError(stage: .ehlo, reply: reply, redactor: redactor) }
        try await expect(250, from: .helo(configuration.heloName), stage: .ehlo)
        return .none
    }

    /// `AUTH` with the preferred offered mechanism, answering each `334` challenge in turn.
    private func authenticate(_ credentials: SMTPCredentials, offered: Set<String>) async throws(SMTPError) {
        guard let mechanism = SMTPAuthMechanism.preferred(among: offered) else {
            let detail = offered.isEmpty ? "the server does not offer AUTH" : "the server offers neither PLAIN nor LOGIN"
            throw SMTPError(stage: .auth, message: detail, isTransient: false)
        }
        var responses = mechanism.responses(for: credentials)[...]
        var reply: SMTPReply
        switch mechanism {
        case .plain: reply = try await send(.auth(mechanism.rawValue, initialResponse: responses.popFirst()), stage: .auth)
        case .login: reply = try await send(.auth(mechanism.rawValue), stage: .auth)
        }
        while reply.code == 334, let response = responses.popFirst() {
            reply = try await send(.authResponse(response), stage: .auth)
        }
        guard reply.code == 235 else { throw SMTPError(stage: .auth, reply: reply, redactor: redactor) }
    }

    /// Sends `command` and fails unless the reply has the `expected` code.
    private func expect(
        _ expected: Int, from command: SMTPCommand, stage: SMTPStage, tlsUpgrade: SMTPRequest.TLSUpgrade? = nil
    ) async throws(SMTPError) {
        let reply = try await send(command, stage: stage, tlsUpgrade: tlsUpgrade)
        guard reply.code == expected else { throw SMTPError(stage: stage, reply: reply, redactor: redactor) }
    }

    private func send(
        _ command: SMTPCommand, stage: SMTPStage, tlsUpgrade: SMTPRequest.TLSUpgrade? = nil
    ) async throws(SMTPError) -> SMTPReply {
        logger.trace("SMTP >>> \(command)")
        return try await exchange(command.bytes, stage: stage, tlsUpgrade: tlsUpgrade)
    }

    private func exchange(
        _ bytes: [UInt8]?, stage: SMTPStage, tlsUpgrade: SMTPRequest.TLSUpgrade? = nil
    ) async throws(SMTPError) -> SMTPReply {
        let reply: SMTPReply
        do {
            reply = try await connection.exchange(bytes, tlsUpgrade: tlsUpgrade)
        } catch {
            throw SMTPError(stage: stage, failure: error, redactor: redactor)
        }
        logger.trace("SMTP <<< \(reply.code) \(redactor.redact(reply.text))")
        return reply
    }
}
