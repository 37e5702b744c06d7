import Testing
import TocsinCore
@testable import TocsinDetect

@Suite("Features")
struct FeatureTests {
    @Test("lags, differences and rolling statistics are computed from the history")
    func seriesFeatures() {
        let features = SeriesFeatures(lags: 2, differences: 2, rollingWindow: 4)
        #expect(features.names == ["value", "lag_1", "lag_2", "diff_1", "diff_2", "rolling_mean_4", "rolling_std_4"])
        #expect(features.history == 4)
        var history = RingBuffer<Double>(capacity: 3)
        #expect(features.vector(newest: 1, recent: history) == nil)
        for value in [1.0, 2, 4] { history.append(value) }
        let vector = features.vector(newest: 7, recent: history)
        #expect(vector == [7, 4, 2, 3, 2, 3.5, 5.25.squareRoot()])
    }

    @Test("the ring buffer keeps the newest values in order")
    func ringBuffer() {
        var buffer = RingBuffer<Int>(capacity: 3)
        for value in 1...5 { buffer.append(value) }
        #expect(buffer.elements == [3, 4, 5])
        #expect(buffer.recent(0) == 5)
        #expect(buffer.recent(2) == 3)
        #expect(buffer.isFull)
    }

    @Test("the scaler standardises and leaves constant features at 0")
    func scaler() throws {
        let data = try Matrix(rowArrays: [[1, 5], [3, 5], [5, 5]])
        let scaler = StandardScaler(fitting: data)
        let scaled = scaler.transform(data)
        #expect(scaled.row(0)[0] == -(1.5.squareRoot()))
        #expect(scaled.row(2)[0] == 1.5.squareRoot())
        #expect(scaled.storage.enumerated().filter { $0.offset % 2 == 1 }.allSatisfy { $0.element == 0 })
    }
}
