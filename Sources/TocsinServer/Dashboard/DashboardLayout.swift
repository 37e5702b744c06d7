/// The frame around every dashboard page: navigation, the API token field, the live status
/// and the page's own content. Pages work without JavaScript; the script adds live updates,
/// charts and the buttons that change things through the API.
struct DashboardLayout: Sendable {
    /// Whether an evaluation report is served under `/report/`.
    let hasReport: Bool

    /// The sections of the dashboard, in navigation order.
    enum Section: String, CaseIterable, Sendable {
        case overview, series, incidents, alerts, actions

        var path: String { self == .overview ? "/" : "/\(rawValue)" }
        var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    }

    /// A whole page: `title` in the head and as its heading, `body` as its main content.
    func page(_ section: Section, title: String, body: String) -> String {
        var nav = ""
        for item in Section.allCases {
            let current = item == section ? " aria-current=\"page\"" : ""
            nav += "<li><a href=\"\(item.path)\"\(current)>\(item.title)</a></li>"
        }
        if hasReport { nav += "<li><a href=\"/report/\">Evaluation</a></li>" }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) · Tocsin</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/assets/dashboard.css">
        <script src="/assets/dashboard.js" defer></script>
        </head>
        <body data-section="\(section.rawValue)">
        <a class="skip" href="#main">Skip to content</a>
        <header class="top">
        <a class="brand" href="/">Tocsin</a>
        <nav aria-label="Sections"><ul>\(nav)</ul></nav>
        <form class="token needs-js" id="token-form">
        <label for="token">API token</label>
        <input id="token" type="password" autocomplete="off" placeholder="for acknowledging and approving">
        <button type="submit">Save</button>
        </form>
        <span id="live" class="live" role="status" aria-live="polite">static page</span>
        </header>
        <main id="main" tabindex="-1">
        <h1>\(HTML.escape(title))</h1>
        <p id="message" class="message" role="alert" hidden></p>
        \(body)
        </main>
        </body>
        </html>
        """
    }
}
