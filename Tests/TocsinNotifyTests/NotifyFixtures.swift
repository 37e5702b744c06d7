import Foundation
import TocsinResponse
import TocsinStore

/// Stores and notifications for the sink tests.
enum NotifyFixtures {
    /// A migrated SQLite store in a new temporary folder, and the folder.
    static func store() async throws -> (any TocsinStore, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (try await StoreFactory.open(url: "sqlite:\(folder.path)/tocsin.sqlite"), folder)
    }

    /// `count` notifications to receiver `chat`, one per alert name `alert-0`, `alert-1`, ...
    static func notifications(_ count: Int, service: String = "checkout") throws -> [AlertNotification] {
        try lifecycle(count, service: service).firing
    }

    /// The notifications of `count` alerts firing (one group each), then of the same alerts resolved.
    static func lifecycle(_ count: Int, service: String = "checkout") throws -> (firing: [AlertNotification], resolved: [AlertNotification]) {
        var dispatcher = try AlertDispatcher(configuration: AlertingConfiguration(
            route: Route(receiver: "chat", groupBy: .labels(["alertname"]), groupWait: 0, groupInterval: 1), receivers: [Receiver(name: "chat")]))
        let start = Date().addingTimeInterval(-60)
        let alerts = (0..<count).map { index in
            Alert(labels: ["alertname": "alert-\(index)", "service": service, "instance": "i-0\(index)"],
                  annotations: ["summary": "cpu_utilization on i-0\(index) is anomalous"], severity: .warning, startsAt: start)
        }
        for alert in alerts { dispatcher.receive(alert, at: start) }
        let firing = dispatcher.advance(to: start.addingTimeInterval(1))
        for var alert in alerts {
            alert.status = .resolved
            alert.endsAt = start.addingTimeInterval(2)
            dispatcher.receive(alert, at: start.addingTimeInterval(2))
        }
        return (firing, dispatcher.advance(to: start.addingTimeInterval(10)))
    }
}
