import Foundation

extension ServiceErrorBody {
    /// The error of a JSON-protocol answer: `__type` (else the `X-Amzn-ErrorType` header), cut
    /// to the part after `#` and before `:`, with `message` (or `Message`); `nil` when neither
    /// names a code.
    init?(json bytes: [UInt8], errorTypeHeader: String?) {
        let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
        let rawType = (object?["__type"] as? String) ?? errorTypeHeader
        guard let rawType else { return nil }
        let afterHash = rawType.split(separator: "#", omittingEmptySubsequences: false).last ?? ""
        let code = String(afterHash.split(separator: ":", omittingEmptySubsequences: false).first ?? "")
        guard !code.isEmpty else { return nil }
        let message = (object?["message"] as? String) ?? (object?["Message"] as? String)
        self.init(code: code, message: message.flatMap { $0.isEmpty ? nil : $0 }, requestID: nil)
    }
}
