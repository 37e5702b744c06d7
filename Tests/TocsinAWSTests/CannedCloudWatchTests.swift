import Foundation
import Testing
import TocsinAWS
import TocsinTestServers

@Suite("CloudWatchClient with canned answers")
struct CannedCloudWatchTests {
    /// A client whose every request is answered by `answer(request, index)`.
    static func cloudWatch(_ answer: @escaping RecordingHTTPTransport.Answer) throws -> (CloudWatchClient, RecordingHTTPTransport) {
        let transport = RecordingHTTPTransport(answer: answer)
        let configuration = AWSClientConfiguration(
            region: "eu-central-1", credentials: AWSCredentials(accessKeyID: "AKIDCANNED", secretAccessKey: "canned-secret"),
            transport: transport, retry: AWSRetryPolicy(maxAttempts: 1)
        )
        return (try CloudWatchClient(configuration: configuration), transport)
    }

    static let putAnswer = AWSHTTPResponse(status: 200, body: Array("<PutMetricDataResponse><ResponseMetadata/></PutMetricDataResponse>".utf8))

    /// A GetMetricData answer with `results` (id, label, `(timestamp, value)` points, status) and `nextToken`.
    static func page(_ results: [(String, [(String, String)], String)], nextToken: String?) -> AWSHTTPResponse {
        let members = results.map { id, points, status in
            "<member><Id>\(id)</Id><Label>\(id) label</Label><Timestamps>"
                + points.map { "<member>\($0.0)</member>" }.joined() + "</Timestamps><Values>"
                + points.map { "<member>\($0.1)</member>" }.joined() + "</Values><StatusCode>\(status)</StatusCode></member>"
        }.joined()
        let token = nextToken.map { "<NextToken>\($0)</NextToken>" } ?? ""
        let xml = "<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><GetMetricDataResult>"
            + "<MetricDataResults>\(members)</MetricDataResults>\(token)</GetMetricDataResult></GetMetricDataResponse>"
        return AWSHTTPResponse(status: 200, body: Array(xml.utf8))
    }

    @Test("GetMetricData follows NextToken and joins each query's pages, keeping the last status code")
    func nextToken() async throws {
        let (cloudWatch, transport) = try Self.cloudWatch { _, index in
            index == 0
                ? Self.page([("m1", [("2026-01-01T00:00:00Z", "1.5"), ("2026-01-01T00:01:00.000Z", "2")], "PartialData"),
                             ("m2", [("2026-01-01T00:00:00Z", "7")], "Complete")], nextToken: "token-1")
                : Self.page([("m1", [("2026-01-01T00:02:00Z", "1.0E-5")], "Complete")], nextToken: nil)
        }
        let metric = CloudWatchMetric(namespace: "AWS/EC2", name: "CPUUtilization", dimensions: [CloudWatchDimension("InstanceId", "i-1")])
        let start = Date(timeIntervalSince1970: 1_767_225_600)
        let results = try await cloudWatch.getMetricData(
            [MetricDataQuery(id: "m1", metric: metric, period: 60, stat: "Average", unit: .percent),
             MetricDataQuery(id: "m2", metric: metric, period: 60, stat: "Maximum")],
            from: start, to: start.addingTimeInterval(180), maxDatapoints: 2
        )
        #expect(results == [
            MetricDataResult(
                id: "m1", label: "m1 label", timestamps: [0, 60, 120].map { start.addingTimeInterval($0) },
                values: [1.5, 2, 0.00001], statusCode: "Complete"
            ),
            MetricDataResult(id: "m2", label: "m2 label", timestamps: [start], values: [7], statusCode: "Complete"),
        ])
        let forms = await transport.sent.map(RecordingHTTPTransport.form)
        #expect(forms.count == 2)
        #expect(forms[0]["NextToken"] == nil && forms[1]["NextToken"] == "token-1")
        #expect(forms[0]["StartTime"] == "2026-01-01T00:00:00Z" && forms[0]["EndTime"] == "2026-01-01T00:03:00Z")
        #expect(forms[0]["MaxDatapoints"] == "2" && forms[0]["ScanBy"] == "TimestampAscending")
        #expect(forms[0]["MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value"] == "i-1")
        #expect(forms[0]["MetricDataQueries.member.1.MetricStat.Unit"] == "Percent" && forms[0]["MetricDataQueries.member.2.MetricStat.Unit"] == nil)
    }

    @Test("GetMetricData refuses duplicate query ids before sending anything")
    func duplicateIDs() async throws {
        let (cloudWatch, transport) = try Self.cloudWatch { _, _ in Self.page([], nextToken: nil) }
        let query = MetricDataQuery(id: "m1", metric: CloudWatchMetric(namespace: "N", name: "M"), period: 60, stat: "Sum")
        let error = try await #require(throws: AWSError.self) { try await cloudWatch.getMetricData([query, query], from: Date(), to: Date()) }
        #expect(error.code == .invalidRequest)
        #expect(await transport.sent.isEmpty)
    }

    @Test("PutMetricData sends 2,500 points as 1,000 + 1,000 + 500, in order, with timestamps and units")
    func chunksByCount() async throws {
        let (cloudWatch, transport) = try Self.cloudWatch { _, _ in Self.putAnswer }
        let start = Date(timeIntervalSince1970: 1_767_225_600)
        let data = (0..<2500).map { index in
            MetricDatum(
                metricName: "AnomalyScore", dimensions: [CloudWatchDimension("Series", "cpu")],
                timestamp: start.addingTimeInterval(Double(index)), value: Double(index) / 4, unit: .unitless
            )
        }
        try await cloudWatch.putMetricData(namespace: "Tocsin", data)
        let forms = await transport.sent.map(RecordingHTTPTransport.form)
        #expect(forms.map { form in form.keys.filter { $0.hasSuffix(".MetricName") }.count } == [1000, 1000, 500])
        #expect(forms.allSatisfy { $0["Action"] == "PutMetricData" && $0["Namespace"] == "Tocsin" })
        #expect(forms[1]["MetricData.member.1.Value"] == "250.0" && forms[1]["MetricData.member.1.Timestamp"] == "2026-01-01T00:16:40Z")
        #expect(forms[2]["MetricData.member.500.Value"] == "624.75" && forms[2]["MetricData.member.500.Unit"] == "None")
        #expect(forms[0]["MetricData.member.1.Dimensions.member.1.Name"] == "Series")
    }

    @Test("PutMetricData keeps every body within 1 MB when data points are large")
    func chunksBySize() async throws {
        let (cloudWatch, transport) = try Self.cloudWatch { _, _ in Self.putAnswer }
        let dimensions = (0..<30).map { CloudWatchDimension("Dimension\($0)", String(repeating: "v", count: 250)) }
        let data = (0..<150).map { MetricDatum(metricName: "Score", dimensions: dimensions, timestamp: Date(), value: Double($0)) }
        try await cloudWatch.putMetricData(namespace: "Tocsin", data)
        let sent = await transport.sent
        #expect(sent.count > 1)
        #expect(sent.allSatisfy { $0.body.count <= CloudWatchClient.maxPutMetricDataBytes })
        let values = sent.flatMap { request in
            let form = RecordingHTTPTransport.form(request)
            return (1...).lazy.map { form["MetricData.member.\($0).Value"] }.prefix { $0 != nil }.compactMap { $0 }
        }
        #expect(values == (0..<150).map { String(Double($0)) })
    }

    @Test("PutMetricData refuses a value that is not finite before sending anything")
    func notFinite() async throws {
        let (cloudWatch, transport) = try Self.cloudWatch { _, _ in Self.putAnswer }
        let error = try await #require(throws: AWSError.self) {
            try await cloudWatch.putMetricData(namespace: "Tocsin", [MetricDatum(metricName: "A", value: 1), MetricDatum(metricName: "B", value: .nan)])
        }
        #expect(error.code == .invalidRequest && error.message.contains("data point 1 (B)"))
        #expect(await transport.sent.isEmpty)
    }
}
