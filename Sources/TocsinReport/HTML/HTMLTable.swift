/// Builds an HTML table whose cells escape their text.
struct HTMLTable {
    /// One table cell.
    enum Cell {
        /// Text, left aligned.
        case text(String)
        /// A number already formatted as text, right aligned.
        case number(String)
        /// A link to `href` (a report-relative path) labelled `text`.
        case link(String, href: String)
    }

    private let headers: [String]
    private var rows: [(cells: [Cell], className: String?)] = []

    /// A table with these column headings.
    init(headers: [String]) {
        self.headers = headers
    }

    /// Adds a row, optionally with a class.
    mutating func append(_ cells: [Cell], className: String? = nil) {
        rows.append((cells, className))
    }

    /// The table as HTML.
    var markup: String {
        var html = "<table>\n<thead><tr>"
        html += headers.map { "<th>\(HTMLText.escape($0))</th>" }.joined()
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += row.className.map { "<tr class=\"\($0)\">" } ?? "<tr>"
            html += row.cells.map(Self.markup).joined()
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>"
    }

    private static func markup(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): "<td>\(HTMLText.escape(text))</td>"
        case .number(let text): "<td class=\"number\">\(HTMLText.escape(text))</td>"
        case .link(let text, let href): "<td><a href=\"\(HTMLText.escape(href))\">\(HTMLText.escape(text))</a></td>"
        }
    }
}
