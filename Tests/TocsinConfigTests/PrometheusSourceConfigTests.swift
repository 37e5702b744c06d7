import Testing
import TocsinConfig

@Suite("Prometheus source settings")
struct PrometheusSourceConfigTests {
    @Test("queries, step, lookback and interval are read")
    func reads() throws {
        let configuration = try ConfigurationLoader.parse("""
        sources:
          - type: prometheus
            url: http://127.0.0.1:9090
            step: 15s
            lookback: 2h
            interval: 1m
            queries:
              - {query: 'sum by (instance) (rate(node_cpu_seconds_total{mode!="idle"}[1m]))', name: cpu_busy}
              - {query: up}
        """, environment: [:])
        guard case .prometheus(let source) = configuration.sources.first else {
            Issue.record("no prometheus source in \(configuration.sources)")
            return
        }
        #expect(source.url == "http://127.0.0.1:9090")
        #expect(source.step == 15 && source.lookback == 7_200 && source.interval == 60)
        #expect(source.queries.map(\.name) == ["cpu_busy", nil])
        #expect(source.queries[1].expression == "up")
    }

    @Test("a missing url or query and a non-HTTP url are reported where they are")
    func problems() {
        let text = """
        sources:
          - {type: prometheus, queries: [{query: up}]}
          - {type: prometheus, url: "ftp://x", queries: [{name: cpu}]}
        """
        do {
            _ = try ConfigurationLoader.parse(text, environment: [:])
            Issue.record("accepted \(text)")
        } catch {
            let lines = error.diagnostics.map { "\($0.line) \($0.message)" }
            #expect(lines.contains { $0.hasPrefix("2 ") && $0.contains("needs url and queries") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("3 ") && $0.contains("http://") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("3 ") && $0.contains("needs query") }, "\(lines)")
        }
    }
}
