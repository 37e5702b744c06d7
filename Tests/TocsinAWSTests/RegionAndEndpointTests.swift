import Foundation
import Testing
import TocsinAWS

@Suite("Region and endpoints")
struct RegionAndEndpointTests {
    @Test("AWS_REGION, then AWS_DEFAULT_REGION, then the profile's region")
    func regionOrder() throws {
        let folder = try TemporaryDirectory()
        try folder.write(".aws/config", "[default]\nregion = eu-west-1\n[profile other]\nregion = ap-southeast-2\n")
        let home = ["HOME": folder.url.path]
        #expect(try AWSRegion.resolve(environment: home.merging(["AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "sa-east-1"]) { $1 }) == "us-east-1")
        #expect(try AWSRegion.resolve(environment: home.merging(["AWS_DEFAULT_REGION": "sa-east-1"]) { $1 }) == "sa-east-1")
        #expect(try AWSRegion.resolve(environment: home) == "eu-west-1")
        #expect(try AWSRegion.resolve(environment: home.merging(["AWS_PROFILE": "other"]) { $1 }) == "ap-southeast-2")
        let error = try #require(throws: AWSError.self) { try AWSRegion.resolve(environment: home.merging(["AWS_PROFILE": "none"]) { $1 }) }
        #expect(error.code == .missingRegion && error.message.contains("none"))
    }

    @Test("overrides per service, then for all, then the regional AWS endpoint")
    func endpoints() throws {
        let moto = URL(string: "http://127.0.0.1:5055")!
        let logs = URL(string: "http://127.0.0.1:4566/logs")!
        let endpoints = AWSEndpoints(services: ["logs": logs], all: moto)
        #expect(try endpoints.url(for: "logs", region: "eu-west-1") == logs)
        #expect(try endpoints.url(for: "monitoring", region: "eu-west-1") == moto)
        #expect(try AWSEndpoints().url(for: "monitoring", region: "eu-west-1").absoluteString == "https://monitoring.eu-west-1.amazonaws.com")
        #expect(try AWSEndpoints().url(for: "logs", region: "cn-north-1").absoluteString == "https://logs.cn-north-1.amazonaws.com.cn")
    }

    @Test("a request built on an endpoint override keeps its port and path prefix")
    func requestOnEndpoint() throws {
        let request = try SignableRequest(
            method: "GET", endpoint: URL(string: "http://LOCALHOST:4566/prefix/")!, path: "/a b",
            query: [.init("q", "x y+z")]
        )
        #expect(request.hostHeader == "localhost:4566")
        #expect(try request.url().absoluteString == "http://localhost:4566/prefix/a%20b?q=x%20y%2Bz")
        #expect(throws: AWSError.self) { try SignableRequest(method: "GET", endpoint: URL(string: "file:///tmp")!) }
    }
}
