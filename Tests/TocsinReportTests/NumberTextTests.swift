import Testing
@testable import TocsinReport

@Suite struct NumberTextTests {
    @Test func fixedRoundsHalfAwayFromZeroAndPads() {
        #expect(NumberText.fixed(39.6495, 2) == "39.65")
        #expect(NumberText.fixed(-3.14159, 2) == "-3.14")
        #expect(NumberText.fixed(2, 3) == "2.000")
        #expect(NumberText.fixed(0.05, 1) == "0.1")
        #expect(NumberText.fixed(1.004, 2) == "1.00")
        #expect(NumberText.fixed(-0.001, 2) == "0.00")
        #expect(NumberText.fixed(7.6, 0) == "8")
        #expect(NumberText.fixed(.nan, 2) == "n/a")
        #expect(NumberText.fixed(-.infinity, 2) == "-inf")
    }

    @Test func countsHaveThousandsSeparators() {
        #expect(NumberText.count(0) == "0")
        #expect(NumberText.count(999) == "999")
        #expect(NumberText.count(1_000) == "1,000")
        #expect(NumberText.count(365_558) == "365,558")
        #expect(NumberText.count(-1_234_567) == "-1,234,567")
    }

    @Test func namedFormats() {
        #expect(NumberText.ratio(2.0 / 3) == "0.667")
        #expect(NumberText.ratio(nil) == "n/a")
        #expect(NumberText.normalizedScore(39.6495) == "39.65")
        #expect(NumberText.publishedScore(74.9) == "74.9")
        #expect(NumberText.threshold(0.9999999999997738) == "0.9999999999997738")
        #expect(NumberText.seconds(12.345) == "12.3 s")
    }

    @Test func axisLabelsKeepThreeSignificantDigitsAndWholeNumbers() {
        #expect(NumberText.axis(0) == "0")
        #expect(NumberText.axis(0.25) == "0.25")
        #expect(NumberText.axis(1) == "1")
        #expect(NumberText.axis(1234.5) == "1235")
        #expect(NumberText.axis(-12.345) == "-12.3")
        #expect(NumberText.axis(0.00012) == "1.2e-4")
        #expect(NumberText.axis(15_000_000) == "1.5e7")
    }
}
