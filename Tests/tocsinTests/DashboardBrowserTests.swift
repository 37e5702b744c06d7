import Foundation
import Testing
import TocsinTestServers

/// The dashboard in a real browser: headless Chromium driven by selenium
/// (`Support/dashboard_browser.py`) against `tocsin demo` on the synthetic cloud, plus a
/// `tocsin serve` holding one series of 100,000 points. Screenshots of every page at
/// 1280x800 and 390x844 are written to `$TOCSIN_TEST_OUTPUT/dashboard` (default
/// `.build/test-output/dashboard`).
@Suite("dashboard in Chromium",
       .enabled(if: ProcessInfo.processInfo.environment["TOCSIN_QUIET_TESTS"] == "1",
                "times wall-clock bounds (an incident on the page within 10 s, a chart within 1 s): runs in the quiet phase of scripts/test"))
struct DashboardBrowserTests {
    struct Seen: Decodable {
        struct Marker: Decodable {
            let timestamp: String
            let cx: Double
            let expectedX: Double
            let markersOnChart: Int
            let tooltip: String
            let epoch: Double
            let tooltipEpoch: Double
            let thresholdLabel: String
        }

        struct Acknowledgement: Decodable {
            let fingerprint: String
            let message: String
            let acknowledgedInAPI: Bool
            let rowUpdated: Bool
        }

        struct Silenced: Decodable {
            struct Matcher: Decodable {
                let name: String
                let value: String
            }

            let asked: [Matcher]
            let matchers: [String]
            let state: String
            let listed: Bool
        }

        struct WithoutJavaScript: Decodable {
            let rows: [String: Int]
            let scriptRan: Bool
            let anomalyRows: Int
        }

        struct Timing: Decodable {
            let points: Int
            let renderMs: Double
            let fetchMs: Double
            let totalMs: Double
        }

        let incidentsAtStart: Int
        let incidentDelays: [String: Double]
        let incidentsMissingFromPage: [Int]
        let timelineBars: Int
        let timelineRows: Int
        let notReloaded: Bool
        let services: [String]
        let servicesListed: [String]
        let evaluationLink: Bool
        let marker: Marker
        let ack: Acknowledgement
        let silence: Silenced
        let withoutJavaScript: WithoutJavaScript
        let bigChart: [Timing]
        let screenshots: [String]
    }

    /// Where the screenshots go.
    static var outputFolder: URL {
        let base = ProcessInfo.processInfo.environment["TOCSIN_TEST_OUTPUT"].map { URL(fileURLWithPath: $0) }
            ?? CLIProcess.packageRoot.appendingPathComponent(".build/test-output")
        return base.appendingPathComponent("dashboard")
    }

    /// A PNG's width and height, from its IHDR chunk.
    static func pixelSize(of file: String) throws -> (width: Int, height: Int) {
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(file) is a PNG")
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24 else { return (0, 0) }
        let number = { (offset: Int) in bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }

    @Test("overview, live timeline, chart markers, acknowledgement, pages without JavaScript, screenshots and a 100,000-point chart")
    func dashboard() throws {
        for program in ["/usr/bin/chromium", "/usr/bin/chromedriver"] where !FileManager.default.isExecutableFile(atPath: program) {
            Issue.record("\(program) is missing: apt-get install -y chromium chromium-driver fonts-dejavu-core (scripts/test installs them)")
            return
        }
        let folder = try TemporaryFolder()
        let corpus = try TinyCorpus.make(in: folder)
        let report = folder.url.appendingPathComponent("report").path
        let written = try CLIProcess.run(["report", "--corpus", corpus.path, "--detector", "windowed-gaussian", "--out", report])
        #expect(written.status == 0, "\(written.standardError)")
        let token = "dashboard-test-token"
        let demo = try ServerProcess(arguments: ["--duration", "200", "--seed", "1", "--report", report], command: "demo",
                                     environment: ["TOCSIN_API_TOKEN": token])
        defer { if demo.process.isRunning { demo.stop() } }
        let big = try ServerProcess(arguments: ["--store", "sqlite:" + folder.url.appendingPathComponent("big.sqlite").path,
                                                "--detector", "windowed-gaussian"])
        defer { big.stop() }
        let output = Self.outputFolder
        try? FileManager.default.removeItem(at: output)
        let data = try PythonScript.output("dashboard_browser.py", ["http://127.0.0.1:\(demo.port)", "http://127.0.0.1:\(big.port)", token, output.path])
        let lastLine = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        let seen = try JSONDecoder().decode(Seen.self, from: Data(lastLine.utf8))

        // The overview lists every service of the synthetic cloud, and links the evaluation report.
        #expect(seen.services.count == 3, "\(seen.services)")
        #expect(seen.servicesListed == seen.services)
        #expect(seen.evaluationLink)

        // Incidents opened while the timeline was open appeared on it within 10 s, without a reload.
        let newIncidents = seen.incidentDelays.count - seen.incidentsAtStart
        #expect(newIncidents >= 1, "no incident opened while the timeline was watched: \(seen.incidentDelays)")
        #expect(seen.incidentsMissingFromPage.isEmpty)
        #expect(seen.incidentDelays.values.allSatisfy { $0 < 10 }, "seconds from the API to the page: \(seen.incidentDelays)")
        #expect(seen.timelineBars == seen.timelineRows && seen.timelineRows >= seen.incidentDelays.count, "one bar per incident")
        #expect(seen.notReloaded)

        // The chart marks the anomaly at its time: where the time scale puts it, and hovering it shows that point.
        #expect(abs(seen.marker.cx - seen.marker.expectedX) < 1, "marker at \(seen.marker.cx), expected \(seen.marker.expectedX)")
        #expect(seen.marker.markersOnChart >= 1)
        #expect(abs(seen.marker.tooltipEpoch - seen.marker.epoch) < 0.002, "anomaly at \(seen.marker.timestamp), tooltip: \(seen.marker.tooltip)")
        #expect(seen.marker.thresholdLabel.hasPrefix("threshold "))

        // Acknowledging on the page went through the API with the token.
        #expect(seen.ack.acknowledgedInAPI, "page said: \(seen.ack.message)")
        #expect(seen.ack.rowUpdated)
        // So did silencing: the alert's labels became the silence's matchers.
        #expect(seen.silence.matchers == seen.silence.asked.map { "\($0.name)=\"\($0.value)\"" })
        #expect(seen.silence.state == "active" && seen.silence.listed)

        // The lists are server-rendered: they are there with JavaScript off.
        #expect(!seen.withoutJavaScript.scriptRan)
        for path in ["/", "/series", "/incidents", "/alerts"] {
            #expect((seen.withoutJavaScript.rows[path] ?? 0) > 0, "\(path) without JavaScript: \(seen.withoutJavaScript.rows)")
        }
        #expect(seen.withoutJavaScript.anomalyRows > 0)

        // 100,000 points drawn in under a second, each of three loads.
        #expect(seen.bigChart.count == 3 && seen.bigChart.allSatisfy { $0.points == 100_000 })
        #expect(seen.bigChart.allSatisfy { $0.renderMs < 1_000 }, "render times: \(seen.bigChart.map(\.renderMs)) ms")
        print("dashboard: incidents on the open timeline \(seen.incidentDelays.sorted { $0.key < $1.key }.map { "#\($0.key) \($0.value) s" }.joined(separator: ", ")) after the API had them")
        print("dashboard: 100,000-point chart rendered in \(seen.bigChart.map { "\($0.renderMs) ms" }.joined(separator: ", ")) "
              + "(points fetched in \(seen.bigChart.map { "\($0.fetchMs) ms" }.joined(separator: ", "))); screenshots in \(output.path)")

        // Every page at both sizes, with the right pixel sizes.
        let pages = ["overview", "series", "explorer", "incidents", "incident", "alerts", "actions", "evaluation", "explorer-100k"]
        for page in pages {
            for (width, height) in [(1_280, 800), (390, 844)] {
                let file = output.appendingPathComponent("\(page)-\(width)x\(height).png").path
                #expect(seen.screenshots.contains(file))
                let size = try Self.pixelSize(of: file)
                #expect(size.width == width && size.height == height, "\(file): \(size)")
            }
        }
    }
}
