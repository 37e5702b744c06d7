/// The frame of every report page: a complete HTML document with the report's stylesheet
/// inline, so the page needs no other file.
enum HTMLPage {
    /// The document titled `title` (escaped) around `body` (HTML).
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(stylesheet)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// A legend line: a colour swatch before each label.
    static func legend(_ items: [(color: RGBColor, label: String)]) -> String {
        let keys = items.map { item in
            "<span class=\"key\" style=\"background:\(item.color.css)\"></span>\(HTMLText.escape(item.label))"
        }
        return "<p class=\"legend\">" + keys.joined(separator: " ") + "</p>"
    }

    private static let stylesheet = """
        body { font-family: sans-serif; color: \(ReportPalette.ink.css); margin: 24px auto; max-width: 1100px; padding: 0 16px; }
        h1 { font-size: 1.5em; margin-bottom: 4px; }
        h2 { font-size: 1.2em; margin-top: 32px; border-bottom: 1px solid \(ReportPalette.grid.css); }
        .meta, .note, dd { color: \(ReportPalette.mutedInk.css); }
        table { border-collapse: collapse; margin: 8px 0; font-size: 0.9em; }
        th, td { padding: 3px 8px; border-bottom: 1px solid \(ReportPalette.grid.css); text-align: left; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        tr.this-run td { background: \(ReportPalette.highlight.css); font-weight: bold; }
        .legend .key { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 12px; vertical-align: middle; }
        svg { display: block; max-width: 100%; height: auto; }
        .charts { display: flex; flex-wrap: wrap; gap: 16px; }
        .wide { overflow-x: auto; }
        nav a { margin-right: 16px; }
        """
}
