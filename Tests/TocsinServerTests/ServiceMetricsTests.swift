import Testing
import TocsinServer

@Suite("ServiceMetrics")
struct ServiceMetricsTests {
    @Test("notifications and remediation steps are counted by sink and outcome, policy and status")
    func responseCounters() {
        let metrics = ServiceMetrics()
        metrics.notification(sink: "ops/webhook", outcome: "retried")
        metrics.notification(sink: "ops/webhook", outcome: "delivered")
        metrics.notification(sink: "ops/webhook", outcome: "delivered")
        metrics.remediation(policy: "reboot", status: "executed")
        let text = String(decoding: metrics.render(), as: UTF8.self)
        #expect(text.contains(#"tocsin_notifications_total{sink="ops/webhook",outcome="delivered"} 2"#), "\(text)")
        #expect(text.contains(#"tocsin_notifications_total{sink="ops/webhook",outcome="retried"} 1"#))
        #expect(text.contains(#"tocsin_remediation_actions_total{policy="reboot",status="executed"} 1"#))
    }
}
