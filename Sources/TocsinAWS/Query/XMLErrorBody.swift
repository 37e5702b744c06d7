extension ServiceErrorBody {
    /// The error of a query-protocol answer: the first `<Error>` holding a `<Code>`, with its
    /// `<Message>`, and the document's `<RequestId>` (EC2: `<RequestID>`); `nil` when `bytes`
    /// is not such a document.
    init?(xml bytes: [UInt8]) {
        guard let root = try? AWSXMLElement(parsing: bytes) else { return nil }
        let error = root.name == "Error" ? root : root.descendant("Error")
        guard let error, let code = error.text(of: "Code"), !code.isEmpty else { return nil }
        self.init(
            code: code,
            message: error.text(of: "Message").flatMap { $0.isEmpty ? nil : $0 },
            requestID: (root.descendant("RequestId") ?? root.descendant("RequestID"))?.text
        )
    }
}
