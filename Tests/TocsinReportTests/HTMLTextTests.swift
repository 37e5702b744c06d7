import Testing
@testable import TocsinReport

@Suite struct HTMLTextTests {
    @Test func escapesMarkupCharacters() {
        #expect(HTMLText.escape(#"<a href="x">Tom & Jerry's</a>"#)
            == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTMLText.escape("plain café") == "plain café")
    }

    @Test func tableCellsAreEscaped() {
        var table = HTMLTable(headers: ["<h>"])
        table.append([.text("<b>"), .number("1<2"), .link("a&b", href: "files/x\"y.html")])
        let markup = table.markup
        #expect(markup.contains("<th>&lt;h&gt;</th>"))
        #expect(markup.contains("<td>&lt;b&gt;</td>"))
        #expect(markup.contains("<td class=\"number\">1&lt;2</td>"))
        #expect(markup.contains("<a href=\"files/x&quot;y.html\">a&amp;b</a>"))
    }

    @Test func filePageNamesAreSafeAndDistinct() {
        #expect(ReportPaths.filePage(index: 38, key: "realKnownCause/nyc_taxi.csv") == "files/038-realKnownCause-nyc_taxi.html")
        #expect(ReportPaths.filePage(index: 1, key: "s/b<x>&\"q\" é.csv") == "files/001-s-b_x___q___.html")
    }
}
