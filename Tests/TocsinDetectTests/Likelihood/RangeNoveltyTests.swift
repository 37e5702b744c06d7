import Testing
import TocsinDetect

@Suite("Range novelty")
struct RangeNoveltyTests {
    @Test("only values beyond the range by more than the tolerance are novel")
    func tolerance() {
        var novelty = RangeNovelty(tolerance: 0.05)
        #expect(!novelty.isNovel(10))
        [10, 20, 15].forEach { novelty.learn($0) }
        #expect(!novelty.isNovel(20.4))
        #expect(novelty.isNovel(20.6))
        #expect(novelty.isNovel(9.4))
        #expect(!novelty.isNovel(.nan))
    }

    @Test("a one-sided tracker ignores new extremes on the other side")
    func oneSided() {
        var up = RangeNovelty(tolerance: 0.05, side: .up)
        var down = RangeNovelty(tolerance: 0.05, side: .down)
        for value in [10.0, 20] {
            up.learn(value)
            down.learn(value)
        }
        #expect(up.isNovel(25) && !up.isNovel(5))
        #expect(down.isNovel(5) && !down.isNovel(25))
    }

    @Test("a constant series has no range to leave yet")
    func constant() {
        var novelty = RangeNovelty()
        (0..<10).forEach { _ in novelty.learn(3) }
        #expect(!novelty.isNovel(300))
    }
}

@Suite("Rest period")
struct RestPeriodTests {
    @Test("after an alarm the next scores stay below the threshold for the rest length, then alarms again")
    func rest() {
        var rest = RestPeriod(threshold: 0.5, length: 3)
        var reported: [Double] = []
        for score in [0.2, 0.9, 0.9, 0.8, 0.7, 0.9, 0.1] {
            let value = rest.apply(score)
            rest.advance(reported: value)
            reported.append(value)
        }
        #expect(reported[0] == 0.2)
        #expect(reported[1] == 0.9)
        #expect(reported[2..<5].allSatisfy { $0 < 0.5 && $0 > 0.49 })
        #expect(reported[5] == 0.9)
        #expect(reported[6] == 0.1)
    }
}
