import Foundation
import Testing
import TocsinResponse

@Suite("Matchers and routes")
struct RouteTests {
    @Test("the four matcher operators, anchored, with missing labels as empty")
    func matchers() throws {
        let labels = ["severity": "warning", "service": "checkout"]
        #expect(LabelMatcher.equal("service", "checkout").matches(labels))
        #expect(!LabelMatcher.equal("service", "check").matches(labels))
        #expect(LabelMatcher.notEqual("service", "db").matches(labels))
        #expect(try LabelMatcher("severity", .matchesRegex, "warn.*|critical").matches(labels))
        #expect(try !LabelMatcher("severity", .matchesRegex, "warn").matches(labels))
        #expect(try !LabelMatcher("severity", .matchesRegex, "arn").matches(labels))
        #expect(try !LabelMatcher("severity", .matchesRegex, "warning").matches(["severity": "warning\n"]))
        #expect(try LabelMatcher("severity", .doesNotMatchRegex, "crit.*").matches(labels))
        #expect(try !LabelMatcher("severity", .doesNotMatchRegex, "w.*").matches(labels))
        #expect(LabelMatcher.equal("instance", "").matches(labels))
        #expect(!LabelMatcher.notEqual("instance", "").matches(labels))
        #expect(throws: AlertingError.self) { try LabelMatcher("a", .matchesRegex, "(") }
        #expect(try LabelMatcher("severity", .matchesRegex, "crit.*").description == "severity=~\"crit.*\"")
    }

    @Test("a decoded regular-expression matcher still matches")
    func matcherCoding() throws {
        let matcher = try LabelMatcher("service", .doesNotMatchRegex, "db|cache")
        let decoded = try JSONDecoder().decode(LabelMatcher.self, from: JSONEncoder().encode(matcher))
        #expect(decoded == matcher)
        #expect(decoded.matches(["service": "checkout"]))
        #expect(!decoded.matches(["service": "db"]))
    }

    static func tree() throws -> RoutingTree {
        try RoutingTree(Route(
            receiver: "chat", groupBy: .labels(["service"]), groupWait: 10,
            routes: [
                Route(receiver: "pager", matchers: [.equal("severity", "critical")], repeatInterval: 3_600, routes: [
                    Route(matchers: [.equal("service", "db")], groupBy: .allLabels, groupWait: 5),
                ]),
                Route(receiver: "audit", matchers: [.equal("team", "payments")], continueMatching: true),
                Route(receiver: "payments", matchers: [try LabelMatcher("service", .matchesRegex, "pay.*")]),
            ]))
    }

    @Test("children inherit what they leave unset, the root falls back to Alertmanager's defaults")
    func inheritance() throws {
        let routes = try Self.tree().routes(for: ["severity": "critical", "service": "db"])
        #expect(routes.count == 1)
        let route = try #require(routes.first)
        #expect(route.receiver == "pager")
        #expect(route.grouping == .allLabels)
        #expect(route.groupWait == 5)
        #expect(route.groupInterval == 300)
        #expect(route.repeatInterval == 3_600)
        let root = try #require(Self.tree().routes.first)
        #expect(root.id == "{}")
        #expect(root.groupWait == 10 && root.groupInterval == 300 && root.repeatInterval == 14_400)
        #expect(try RoutingTree(Route(receiver: "chat")).routes[0].grouping == .labels([]))
    }

    @Test("routing takes the deepest match, stops at the first match unless continue, falls back to the parent")
    func matching() throws {
        let tree = try Self.tree()
        func receivers(_ labels: [String: String]) -> [String] {
            tree.routes(for: labels).map(\.receiver)
        }
        #expect(receivers(["severity": "critical", "service": "web"]) == ["pager"])
        #expect(receivers(["severity": "warning", "service": "web"]) == ["chat"])
        #expect(receivers(["team": "payments", "service": "payroll"]) == ["audit", "payments"])
        #expect(receivers(["team": "payments", "service": "web"]) == ["audit"])
        #expect(receivers(["service": "payroll"]) == ["payments"])
        #expect(receivers(["severity": "critical", "team": "payments", "service": "payroll"]) == ["pager"])
        #expect(tree.routes(for: ["severity": "critical", "service": "db"])[0].id
            == "{}/{severity=\"critical\"}/0/{service=\"db\"}/0")
    }

    @Test("route ids stay unique for siblings with the same matchers")
    func uniqueIDs() throws {
        let twin = Route(matchers: [.equal("service", "db")], continueMatching: true)
        let tree = try RoutingTree(Route(receiver: "chat", routes: [twin, twin]))
        let ids = tree.routes(for: ["service": "db"]).map(\.id)
        #expect(ids.count == 2 && Set(ids).count == 2)
    }

    @Test("invalid trees and configurations are rejected")
    func validation() throws {
        #expect(throws: AlertingError.self) { try RoutingTree(Route(receiver: "chat", matchers: [.equal("a", "b")])) }
        #expect(throws: AlertingError.self) { try RoutingTree(Route()) }
        #expect(throws: AlertingError.self) { try RoutingTree(Route(receiver: "chat", groupInterval: 0)) }
        #expect(throws: AlertingError.self) {
            try AlertDispatcher.make(route: Route(receiver: "chat", routes: [Route(receiver: "nobody")]))
        }
        #expect(throws: AlertingError.self) { try AlertDispatcher.make(flapping: FlapPolicy(window: -1)) }
    }

    @Test("a configuration survives a JSON round trip")
    func configurationCoding() throws {
        let configuration = AlertingConfiguration(
            route: Route(receiver: "chat", groupBy: .allLabels, continueMatching: false, routes: [
                Route(receiver: "pager", matchers: [try LabelMatcher("severity", .matchesRegex, "crit.*")],
                      groupBy: .labels(["service", "instance"]), continueMatching: true),
            ]),
            receivers: [Receiver(name: "chat"), Receiver(name: "pager", sendResolved: false)])
        let data = try JSONEncoder().encode(configuration)
        #expect(try JSONDecoder().decode(AlertingConfiguration.self, from: data) == configuration)
        #expect(String(decoding: data, as: UTF8.self).contains("\"continue\":true"))
        #expect(String(decoding: data, as: UTF8.self).contains("[\"...\"]"))
    }
}
