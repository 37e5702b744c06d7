import Foundation
import Hummingbird
import TocsinCore

/// Building blocks of the dashboard's server-rendered HTML.
enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped, safe in element content and quoted attributes.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A `<time>` element showing `date` in UTC to the second.
    static func time(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        return "<time datetime=\"\(UTCTimestamp.iso8601(seconds))\">\(UTCTimestamp.format(seconds))</time>"
    }

    /// A number with at most `digits` decimals.
    static func number(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite else { return value.description }
        let text = String(format: "%.\(digits)f", value)
        guard text.contains(".") else { return text }
        let trimmed = text.replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
        return trimmed == "-0" ? "0" : trimmed
    }

    /// A query string from parameters, leaving out empty values (`""` when none is left).
    static func query(_ parameters: [(String, String?)]) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let items = parameters.compactMap { name, value -> String? in
            guard let value, !value.isEmpty, let encoded = value.addingPercentEncoding(withAllowedCharacters: allowed) else { return nil }
            return name + "=" + encoded
        }
        return items.isEmpty ? "" : "?" + items.joined(separator: "&")
    }

    /// A table with a caption, header cells and rows of ready HTML cells, or `empty` as a paragraph when there are no rows.
    static func table(caption: String, headers: [String], rows: [(attributes: String, cells: [String])], empty: String) -> String {
        guard !rows.isEmpty else { return "<p class=\"empty\">\(escape(empty))</p>" }
        var html = "<div class=\"table-wrap\"><table><caption>\(escape(caption))</caption><thead><tr>"
        for header in headers { html += "<th scope=\"col\">\(escape(header))</th>" }
        html += "</tr></thead><tbody>"
        for row in rows {
            html += "<tr\(row.attributes.isEmpty ? "" : " " + row.attributes)>"
            for cell in row.cells { html += "<td>\(cell)</td>" }
            html += "</tr>"
        }
        return html + "</tbody></table></div>"
    }

    /// A badge naming a state, styled by its class.
    static func badge(_ text: String, kind: String) -> String {
        "<span class=\"badge \(escape(kind))\">\(escape(text))</span>"
    }

    /// An HTML response with the right content type.
    static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
