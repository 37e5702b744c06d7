import Foundation
import Testing
import TocsinAWS

extension AgainstMoto {
    @Suite("EC2Client")
    struct EC2ClientTests {
        /// Launches one t3.micro instance with `tags` through RunInstances and returns its id.
        static func runInstance(_ ec2: EC2Client, tags: [String: String]) async throws -> String {
            var parameters = QueryParameters()
            parameters.append("ImageId", "ami-12c6146b")
            parameters.append("InstanceType", "t3.micro")
            parameters.append("MinCount", "1")
            parameters.append("MaxCount", "1")
            if !tags.isEmpty { parameters.append("TagSpecification.1.ResourceType", "instance") }
            for (index, (key, value)) in tags.sorted(by: { $0.key < $1.key }).enumerated() {
                parameters.append("TagSpecification.1.Tag.\(index + 1).Key", key)
                parameters.append("TagSpecification.1.Tag.\(index + 1).Value", value)
            }
            let answer = try await ec2.query.send("RunInstances", parameters)
            return try #require(answer.child(path: "instancesSet", "item", "instanceId")?.text)
        }

        @Test("DescribeInstances with the tocsin:monitor tag filter finds exactly the two tagged instances, page by page")
        func describeTagged() async throws {
            let moto = try MotoServer.shared()
            let transport = RecordingHTTPTransport(forwardingTo: MotoServer.transport)
            let ec2 = try EC2Client(configuration: moto.configuration(region: "eu-west-1", transport: transport))
            let web = try await Self.runInstance(ec2, tags: ["tocsin:monitor": "true", "Name": "web"])
            let api = try await Self.runInstance(ec2, tags: ["tocsin:monitor": "true", "Name": "api"])
            let batch = try await Self.runInstance(ec2, tags: ["Name": "batch"])

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
            let first = try await Self.runInstance(ec2, tags: ["tocsin:monitor": "true"])
            let second = try await Self.runInstance(ec2, tags: [:])
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
