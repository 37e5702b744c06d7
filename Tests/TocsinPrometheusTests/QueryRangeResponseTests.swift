import Foundation
import Testing
@testable import TocsinPrometheus

@Suite("Prometheus query_range answers")
struct QueryRangeResponseTests {
    @Test("a matrix becomes series with labels and samples, special values included")
    func matrix() throws {
        let body = #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up","job":"node"},"values":[[1700000000,"1"],[1700000001.5,"NaN"],[1700000003,"+Inf"]]}]}}"#
        let series = try QueryRangeResponse.decode(Data(body.utf8))
        #expect(series.count == 1)
        #expect(series[0].labels == ["__name__": "up", "job": "node"])
        #expect(series[0].samples.count == 3)
        #expect(series[0].samples[0].time == 1_700_000_000 && series[0].samples[0].value == 1)
        #expect(series[0].samples[1].value.isNaN)
        #expect(series[0].samples[2].value == .infinity)
    }

    @Test("Prometheus's own error is passed on; malformed answers are named")
    func errors() {
        let refused = #"{"status":"error","errorType":"bad_data","error":"parse error at char 4"}"#
        #expect(throws: PrometheusError.self) { try QueryRangeResponse.decode(Data(refused.utf8)) }
        do {
            _ = try QueryRangeResponse.decode(Data(refused.utf8))
        } catch {
            #expect(error.description.contains("bad_data: parse error at char 4"))
        }
        #expect(throws: PrometheusError.self) { try QueryRangeResponse.decode(Data("<html>".utf8)) }
        let vector = #"{"status":"success","data":{"resultType":"vector","result":[]}}"#
        #expect(throws: PrometheusError.self) { try QueryRangeResponse.decode(Data(vector.utf8)) }
        let word = #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"many"]]}]}}"#
        #expect(throws: PrometheusError.self) { try QueryRangeResponse.decode(Data(word.utf8)) }
    }
}
