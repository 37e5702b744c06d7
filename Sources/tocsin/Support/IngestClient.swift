import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Posts NDJSON to a Tocsin server's ingest endpoints, waiting and retrying when the
/// server answers 429 or 503 (after its `Retry-After`), and failing with the server's
/// own error message on any other refusal.
struct IngestClient {
    let base: URL
    let token: String?
    let session = URLSession(configuration: .ephemeral)

    /// Posts `body` (NDJSON) to `path`, e.g. `/v1/points`.
    func post(_ path: String, ndjson body: String) async throws(CLIFailure) {
        var request = URLRequest(url: base.appendingPathComponent(path))
        request.httpMethod = "POST"
        request.setValue("application/x-ndjson", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        request.httpBody = Data(body.utf8)
        for attempt in 1...30 {
            let data: Data
            let response: URLResponse
            do {
                (data, response) = try await session.data(for: request)
            } catch {
                throw .data("cannot reach \(request.url?.absoluteString ?? path): \(error.localizedDescription)")
            }
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            if (200..<300).contains(status) { return }
            if status == 429 || status == 503, attempt < 30 {
                let wait = (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Retry-After").flatMap(Double.init) ?? 1
                try? await Task.sleep(for: .seconds(min(max(wait, 0.05), 30)))
                continue
            }
            let detail = String(decoding: data, as: UTF8.self)
            throw .data("\(path) answered \(status): \(detail.isEmpty ? "no body" : detail)")
        }
        throw .data("\(path) kept answering 429/503; gave up after 30 attempts")
    }
}
