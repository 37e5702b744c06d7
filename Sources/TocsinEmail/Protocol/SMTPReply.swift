/// One complete server reply: a three-digit code and its text lines (`250-…` continuation lines included).
struct SMTPReply: Sendable, Equatable {
    /// The reply code, 200 to 599.
    let code: Int
    /// The text after the code on each line, in order.
    let lines: [String]

    /// The text lines joined by single spaces, for messages and logs.
    var text: String { lines.joined(separator: " ") }

    /// `4xx`: the server may accept the same request later.
    var isTransientFailure: Bool { (400..<500).contains(code) }
}
