import Testing
import TocsinCore

@Suite("ConcurrentMap")
struct ConcurrentMapTests {
    @Test("results come back in index order whatever the scheduling")
    func ordered() {
        let results = ConcurrentMap.map(count: 1_000) { index in index * index }
        #expect(results == (0..<1_000).map { $0 * $0 })
        #expect(ConcurrentMap.map(count: 0) { $0 }.isEmpty)
        #expect(ConcurrentMap.map(count: 1) { $0 + 5 } == [5])
    }
}
