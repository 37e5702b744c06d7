extension KeyedDecodingContainer {
    /// The error for saved state that decodes but does not hold together (a damaged or
    /// edited model): `what` was read, `reason` is what is wrong with it.
    func unsound(_ what: String, _ reason: String) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "\(what): \(reason)"))
    }
}
