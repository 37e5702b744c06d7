import Testing
import TocsinCore
@testable import TocsinResponse

@Suite("Template miner")
struct TemplateMinerTests {
    @Test("the miner recovers every template of the synthetic stream, wildcards included")
    func recoversTemplates() throws {
        let stream = SyntheticLogStream(seed: 11)
        var miner = try TemplateMiner()
        for record in stream.records where record.service == "checkout" {
            miner.learn(record.message)
        }
        let texts = miner.templates.map(\.text)
        #expect(Set(texts) == Set(SyntheticLogStream.expectedTemplates))
        #expect(texts.count == SyntheticLogStream.expectedTemplates.count)
        #expect(texts.contains("connection pool exhausted for db-<*>"))
        #expect(texts.contains("slow query took <*> ms"))
        let total = miner.templates.reduce(0) { $0 + $1.count }
        #expect(total == stream.records.filter { $0.service == "checkout" }.count)
    }

    @Test("variable words merge into <*> and learned messages match their template")
    func mergesAndMatches() throws {
        var miner = try TemplateMiner()
        let first = miner.learn("scheduled task backup finished successfully")
        #expect(first.text == "scheduled task backup finished successfully")
        let merged = miner.learn("scheduled task cleanup finished successfully")
        #expect(merged.text == "scheduled task <*> finished successfully")
        #expect(merged.count == 2)
        #expect(merged.id != first.id)
        miner.learn("disk full on node-3")
        #expect(miner.match("scheduled task reindex finished successfully")?.text == "scheduled task <*> finished successfully")
        #expect(miner.match("scheduled task reindex failed badly") == nil)
        #expect(miner.match("disk full on node-9")?.text == "disk full on node-<*>")
        #expect(miner.templateCount == 2)
    }

    @Test("ids are the FNV-1a hash of the text, the same in every miner")
    func stableIDs() throws {
        #expect(TemplateFingerprint.id(of: "") == "cbf29ce484222325")
        #expect(TemplateFingerprint.id(of: "a") == "af63dc4c8601ec8c")
        var first = try TemplateMiner()
        var second = try TemplateMiner()
        first.learn("slow query took 12 ms")
        second.learn("other words here")
        second.learn("slow query took 900 ms")
        #expect(first.match("slow query took 5 ms")?.id == second.match("slow query took 7 ms")?.id)
        #expect(first.match("slow query took 5 ms")?.id == TemplateFingerprint.id(of: "slow query took <*> ms"))
    }

    @Test("the same messages in the same order give the same templates")
    func deterministic() throws {
        let stream = SyntheticLogStream(seed: 12)
        var first = try TemplateMiner()
        var second = try TemplateMiner()
        for record in stream.records {
            first.learn(record.message)
            second.learn(record.message)
        }
        #expect(first.templates == second.templates)
        #expect(SyntheticLogStream(seed: 12).records == stream.records)
    }

    @Test("memory stays bounded under 100,000 distinct random messages")
    func boundedMemory() throws {
        var configuration = TemplateMinerConfiguration()
        configuration.maxTemplates = 500
        configuration.maxChildren = 20
        configuration.maxTokens = 12
        var miner = try TemplateMiner(configuration: configuration)
        var generator = SeededGenerator(seed: 5)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let vocabulary = (0..<5_000).map { _ in
            String((0..<Int.random(in: 3...8, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
        }
        var seen = Set<String>()
        var largest = 0
        while seen.count < 100_000 {
            let length = Int.random(in: 1...16, using: &generator)
            let message = (0..<length).map { _ in vocabulary.randomElement(using: &generator)! }.joined(separator: " ")
            guard seen.insert(message).inserted else { continue }
            miner.learn(message)
            if seen.count % 1_000 == 0 { largest = max(largest, miner.nodeCount) }
        }
        #expect(miner.templateCount <= 500)
        #expect(miner.templateCount >= 450)
        // A template holds one token-count node and at most `prefixTokens` inner nodes.
        #expect(miner.nodeCount <= 500 * (1 + configuration.prefixTokens))
        #expect(largest <= 500 * (1 + configuration.prefixTokens))
        #expect(miner.templates.allSatisfy { $0.text.split(separator: " ").count <= 12 })
        // Still learning: a repeated message joins the template it started.
        miner.learn("steady message number 1")
        #expect(miner.learn("steady message number 2").count == 2)
    }

    @Test("bad configurations are refused")
    func validation() {
        var configuration = TemplateMinerConfiguration()
        configuration.similarityThreshold = 0
        #expect(throws: RootCauseError.self) { try TemplateMiner(configuration: configuration) }
        configuration = TemplateMinerConfiguration()
        configuration.maxChildren = 1
        #expect(throws: RootCauseError.self) { try TemplateMiner(configuration: configuration) }
    }
}
