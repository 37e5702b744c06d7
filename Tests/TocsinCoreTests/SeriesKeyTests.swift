import Testing
import TocsinCore

@Suite("SeriesKey")
struct SeriesKeyTests {
    @Test("labels are sorted, so label order does not matter")
    func sortedLabels() {
        let first = SeriesKey(name: "cpu", labels: ["service": "api", "instance": "i-1"])
        let second = SeriesKey(name: "cpu", labels: ["instance": "i-1", "service": "api"])
        #expect(first == second)
        #expect(first.description == "cpu{instance=\"i-1\",service=\"api\"}")
        #expect(first["service"] == "api")
        #expect(first["zone"] == nil)
    }

    @Test("renders like Prometheus, escaping quotes, backslashes and newlines")
    func rendering() {
        #expect(SeriesKey(name: "up").description == "up")
        let tricky = SeriesKey(name: "m", labels: ["path": "C:\\x \"q\"\n"])
        #expect(tricky.description == #"m{path="C:\\x \"q\"\n"}"#)
    }
}
