import Testing
@testable import TocsinReport

@Suite struct SeriesDownsamplerTests {
    @Test func spikesSurviveInALongSeries() {
        var values = [Double](repeating: 1, count: 100_000)
        values[777] = -50
        values[51_234] = 100
        let lines = SeriesDownsampler.polylines(of: values, columns: 800)
        #expect(lines.count == 1)
        let points = lines.flatMap { $0 }
        #expect(points.count <= 1_600)
        #expect(points.contains(SeriesDownsampler.Point(row: 777, value: -50)))
        #expect(points.contains(SeriesDownsampler.Point(row: 51_234, value: 100)))
        #expect(points.map(\.row) == points.map(\.row).sorted())
    }

    @Test func shortSeriesAreKeptWhole() {
        let values = (0..<50).map(Double.init)
        let lines = SeriesDownsampler.polylines(of: values, columns: 800)
        #expect(lines.map { $0.map(\.row) } == [Array(0..<50)])
    }

    @Test func nonFiniteValuesSplitTheLine() {
        let lines = SeriesDownsampler.polylines(of: [1, 2, .nan, 3, .infinity, .nan, 4], columns: 800)
        #expect(lines.map { $0.map(\.value) } == [[1, 2], [3], [4]])
        let grouped = SeriesDownsampler.polylines(
            of: [Double](repeating: 0, count: 40) + [Double](repeating: .nan, count: 20) + [Double](repeating: 5, count: 40),
            columns: 10)
        #expect(grouped.count == 2)
        #expect(grouped.flatMap { $0 }.allSatisfy { $0.value.isFinite })
    }
}
