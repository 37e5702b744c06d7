import Foundation
import Hummingbird

/// `/report/`: the NAB evaluation report written by `tocsin report --out DIR`, served from
/// that folder when the server was started with `--report DIR` (a JSON 404 otherwise). Only
/// files inside the folder are served; hidden names and `..` are refused.
struct ReportController<Context: RequestContext>: Sendable {
    /// The report folder, if one is configured.
    let folder: URL?

    func addRoutes(to router: Router<Context>) {
        router.get("/report", use: file)
        router.get("/report/**", use: file)
    }

    /// The content type of a report file, by its extension.
    private static func contentType(_ pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }

    @Sendable func file(_ request: Request, context: Context) async throws -> Response {
        guard let folder else {
            throw APIError.notFound("no evaluation report: write one with `tocsin report --out DIR`, then start the server with --report DIR")
        }
        var components: [String] = []
        for part in context.parameters.getCatchAll() {
            guard let name = String(part).removingPercentEncoding, !name.isEmpty, !name.hasPrefix("."), !name.contains("/"),
                  !name.contains("\0") else {
                throw APIError.badRequest("invalid_path", "the report path may not contain hidden names, `..` or encoded slashes", field: "file")
            }
            components.append(name)
        }
        if components.isEmpty {
            guard request.uri.path.hasSuffix("/") else {
                return Response(status: .movedPermanently, headers: [.location: "/report/"])
            }
            components = ["index.html"]
        }
        let file = components.reduce(folder) { $0.appendingPathComponent($1) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue,
              let data = FileManager.default.contents(atPath: file.path) else {
            throw APIError.notFound("no file \(components.joined(separator: "/")) in the report")
        }
        return Response(status: .ok, headers: [.contentType: Self.contentType(file.pathExtension), .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
