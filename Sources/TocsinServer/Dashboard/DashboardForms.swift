/// The filter forms of the dashboard's lists: plain GET forms, so filtering works without JavaScript.
enum DashboardForms {
    /// A filter parameter that must be one of `choices` (nil when absent or `all`).
    static func choice(_ query: QueryParameters, _ name: String, among choices: [String]) throws(APIError) -> String? {
        guard let value = query.text(name), value != "all" else { return nil }
        guard choices.contains(value) else {
            throw .badRequest("invalid_parameter", "\(name) must be one of all, \(choices.joined(separator: ", "))", field: name)
        }
        return value
    }

    /// A labelled `<select>` offering `all` and `options`.
    static func select(_ name: String, label: String, options: [String], selected: String?) -> String {
        var html = "<label>\(HTML.escape(label)) <select name=\"\(name)\"><option value=\"all\">all</option>"
        for option in options {
            html += "<option\(option == selected ? " selected" : "")>\(HTML.escape(option))</option>"
        }
        return html + "</select></label>"
    }
}
