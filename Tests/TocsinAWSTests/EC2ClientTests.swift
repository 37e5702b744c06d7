import Foundation
import Testing
import TocsinAWS
import TocsinTestServers

extension AgainstMoto {
    @Suite("EC2Client")
    struct EC2ClientTests {
        @Test("DescribeInstances with the tocsin:monitor tag filter finds exactly the two tagged instances, page by page")
        func describeTagged() async throws {
            let moto = try MotoServer.shared()
            let transport = RecordingHTTPTransport(forwardingTo: MotoServer.transport)
            let ec2 = try EC2Client(configuration: moto.configuration(region: "eu-west-1", transport: transport))
            let web = try await MotoFixtures.runInstance(ec2, tags: ["tocsin:monitor": "true", "Name": "web"])
            let api = try await MotoFixtures.runInstance(ec2, tags: ["tocsin:monitor": "true", "Name": "api"])
            let batch = try await MotoFixtures.runInstance(ec2, tags: ["Name": "batch"])

            let found = try await ec2.describeInstances(filters: [.tag("tocsin:monitor", "true"), .state("pending", "running")], pageSize: 1)
            #expect(Set(found.map(\.id)) == [web, api])
            #expect(found.count == 2)
            for instance in found {
                #expect(instance.type == "t3.micro")
                #expect(instance.state == "running")
                #expect(instance.tags["tocsin:monitor"] == "true")
                #expect(instance.tags["Name"] == (instance.id == web ? "web" : "api"))
                let launched = try #require(instance.launchTime)
                #expect(abs(launched.timeIntervalSinceNow) < 3600)
            }
            #expect(await transport.operations.filter { $0 == "DescribeInstances" }.count == 2, "one page per reservation")
            let sentFilter = RecordingHTTPTransport.form(try #require(await transport.sent.last))
            #expect(sentFilter["Filter.1.Name"] == "tag:tocsin:monitor" && sentFilter["Filter.1.Value.1"] == "true")
            #expect(sentFilter["Filter.2.Name"] == "instance-state-name" && sentFilter["Filter.2.Value.2"] == "running")

            let byID = try await ec2.describeInstances(instanceIDs: [batch])
            #expect(byID.map(\.id) == [batch])
            #expect(byID.first?.tags == ["Name": "batch"])
            #expect(try await ec2.describeInstances().count == 3)
        }

        @Test("RebootInstances succeeds for existing instances and names EC2's error code for an unknown one")
        func reboot() async throws {
            let moto = try MotoServer.shared()
            let ec2 = try EC2Client(configuration: moto.configuration(region: "eu-west-2"))
            let first = try await MotoFixtures.runInstance(ec2, tags: ["tocsin:monitor": "true"])
            let second = try await MotoFixtures.runInstance(ec2, tags: [:])
            try await ec2.rebootInstances([first, second])

            let error = try await #require(throws: AWSError.self) { try await ec2.rebootInstances(["i-0000000000000dead"]) }
            #expect(error.code == .serviceError)
            #expect(error.serviceCode == "InvalidInstanceID.NotFound")
            #expect(error.httpStatus == 400)
            #expect(error.message.hasPrefix("EC2 RebootInstances: InvalidInstanceID.NotFound (HTTP 400): "))
            #expect(error.message.contains("i-0000000000000dead"))
        }
    }
}
