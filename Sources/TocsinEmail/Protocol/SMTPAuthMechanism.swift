import Foundation

/// The SASL mechanisms this client speaks, with the base64 messages each sends.
enum SMTPAuthMechanism: String, Sendable, CaseIterable {
    /// RFC 4616: one message, `\0user\0password`, sent as the initial response.
    case plain = "PLAIN"
    /// The widespread non-standard mechanism: user name and password each answer a `334` challenge.
    case login = "LOGIN"

    /// The preferred mechanism among those a server offers (PLAIN, then LOGIN), if any.
    static func preferred(among offered: Set<String>) -> Self? {
        allCases.first { offered.contains($0.rawValue) }
    }

    /// The base64 messages sent, in order: PLAIN's initial response, or LOGIN's user name then password.
    func responses(for credentials: SMTPCredentials) -> [String] {
        switch self {
        case .plain: [Self.base64("\0\(credentials.username)\0\(credentials.password)")]
        case .login: [Self.base64(credentials.username), Self.base64(credentials.password)]
        }
    }

    private static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
}
