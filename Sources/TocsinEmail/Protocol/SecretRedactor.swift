import Foundation

/// Removes the password and the base64 authentication messages from any text bound for an error or a log line,
/// in case a server echoes them back.
struct SecretRedactor: Sendable {
    private let secrets: [String]

    /// A redactor for `credentials`; with no credentials it passes text through.
    init(credentials: SMTPCredentials?) {
        guard let credentials else {
            secrets = []
            return
        }
        let encoded = SMTPAuthMechanism.allCases.flatMap { $0.responses(for: credentials) }
        // Longest first, so that a secret containing another is removed whole.
        secrets = Set([credentials.password] + encoded).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// `text` with every secret replaced by `<redacted>`.
    func redact(_ text: String) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "<redacted>") }
    }
}
