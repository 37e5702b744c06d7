/// The extensions a server announced in its `EHLO` reply that this client uses.
struct SMTPCapabilities: Sendable, Equatable {
    /// Whether `STARTTLS` is offered.
    var startTLS: Bool
    /// The offered SASL mechanisms, upper-cased (`PLAIN`, `LOGIN`, …).
    var authMechanisms: Set<String>

    /// What a server greeted with `HELO` offers: nothing.
    static let none = SMTPCapabilities(startTLS: false, authMechanisms: [])

    private init(startTLS: Bool, authMechanisms: Set<String>) {
        self.startTLS = startTLS
        self.authMechanisms = authMechanisms
    }

    /// Reads the keyword lines of an `EHLO` reply (every line after the first). Both `AUTH PLAIN LOGIN`
    /// and the older `AUTH=PLAIN LOGIN` forms are understood.
    init(ehloReply: SMTPReply) {
        var startTLS = false
        var mechanisms = Set<String>()
        for line in ehloReply.lines.dropFirst() {
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            switch words.first {
            case "STARTTLS": startTLS = true
            case "AUTH": mechanisms.formUnion(words.dropFirst())
            default: break
            }
        }
        self.init(startTLS: startTLS, authMechanisms: mechanisms)
    }
}
