import Foundation
import Testing
import TocsinCore
@testable import TocsinResponse

@Suite("Template rate ranking")
struct TemplateRateRankerTests {
    static func rank(_ stream: SyntheticLogStream, scope: LogScope = LogScope(service: "checkout")) throws -> [TemplateHint] {
        let ranker = try TemplateRateRanker(miner: TemplateMiner())
        return ranker.rank(stream.records, baseline: SyntheticLogStream.baseline, window: SyntheticLogStream.window,
                           scope: scope)
    }

    @Test("the new error ranks first, the 10x surge second, steady templates score near zero")
    func ranksChanges() throws {
        let hints = try Self.rank(SyntheticLogStream(seed: 21))
        try #require(hints.count == SyntheticLogStream.expectedTemplates.count)
        let first = hints[0]
        #expect(first.template == SyntheticLogStream.newError)
        #expect(first.change == .new)
        #expect(first.maxLevel == .error)
        #expect(first.baselineCount == 0)
        #expect(first.windowCount > 30)
        #expect(first.examples.count == 3)
        #expect(first.examples.allSatisfy { $0.hasPrefix("connection pool exhausted for db-") })
        let second = hints[1]
        #expect(second.template == SyntheticLogStream.surge)
        #expect(second.change == .surge)
        #expect(second.maxLevel == .warning)
        #expect(second.rateRatio > 6 && second.rateRatio < 15)
        #expect(second.windowRate > 6 * second.baselineRate)
        #expect(first.score > second.score && second.score > 10)
        let changing: Set = [SyntheticLogStream.newError, SyntheticLogStream.surge, SyntheticLogStream.heartbeat]
        let steady = hints.filter { !changing.contains($0.template) }
        #expect(steady.count == SyntheticLogStream.steady.count)
        #expect(steady.allSatisfy { $0.score < 0.5 }, "steady: \(steady.map { ($0.template, $0.score) })")
        #expect(steady.filter { $0.score == 0 }.count >= steady.count - 2)
    }

    @Test("a heartbeat that stopped is a drop")
    func detectsDrop() throws {
        let hints = try Self.rank(SyntheticLogStream(seed: 22))
        let heartbeat = try #require(hints.first { $0.template == SyntheticLogStream.heartbeat })
        #expect(heartbeat.change == .drop)
        #expect(heartbeat.baselineCount == 120)
        #expect(heartbeat.windowCount == 0)
        #expect(heartbeat.score > 2)
        #expect(heartbeat.examples.first == "heartbeat sent seq=0")
        #expect(hints.firstIndex(of: heartbeat) == 2)
    }

    @Test("the scope keeps other services' templates out")
    func scope() throws {
        let stream = SyntheticLogStream(seed: 23)
        let scoped = try Self.rank(stream)
        #expect(!scoped.contains { $0.template == SyntheticLogStream.otherServiceTemplate })
        let everything = try Self.rank(stream, scope: .everything)
        let other = try #require(everything.first { $0.template == SyntheticLogStream.otherServiceTemplate })
        #expect(other.change == .new)
        #expect(other.maxLevel == .critical)
        #expect(everything.firstIndex(of: other) == 0)
        #expect(try Self.rank(stream, scope: LogScope(service: "checkout", instance: "i-9")).isEmpty)
    }

    @Test("the same records give the same hints; the starting miner is left unchanged")
    func deterministic() throws {
        let stream = SyntheticLogStream(seed: 24)
        let ranker = try TemplateRateRanker(miner: TemplateMiner())
        let first = ranker.rank(stream.records, baseline: SyntheticLogStream.baseline, window: SyntheticLogStream.window)
        let second = ranker.rank(stream.records, baseline: SyntheticLogStream.baseline, window: SyntheticLogStream.window)
        #expect(first == second)
        #expect(ranker.miner.templateCount == 0)
    }

    @Test("records outside both windows and windows of zero length are ignored")
    func windows() throws {
        let stream = SyntheticLogStream(seed: 25)
        let ranker = try TemplateRateRanker(miner: TemplateMiner())
        let empty = DateInterval(start: SyntheticLogStream.window.start, duration: 0)
        #expect(ranker.rank(stream.records, baseline: SyntheticLogStream.baseline, window: empty).isEmpty)
        let late = DateInterval(start: SyntheticLogStream.window.end, duration: 600)
        let hints = ranker.rank(stream.records, baseline: SyntheticLogStream.window, window: late)
        #expect(hints.allSatisfy { $0.windowCount == 0 && $0.change == .drop })
        #expect(hints.reduce(0) { $0 + $1.baselineCount } == stream.records.filter {
            SyntheticLogStream.window.start <= $0.timestamp && $0.timestamp < SyntheticLogStream.window.end
        }.count)
    }
}
