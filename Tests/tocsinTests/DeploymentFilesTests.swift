import Foundation
import Testing
import TocsinTestServers

/// The deployment files, checked statically (there is no Docker engine or AWS account here):
/// `Support/check_deploy.py` parses and asserts them, and verifies the systemd unit.
@Suite("Deployment files")
struct DeploymentFilesTests {
    @Test("Dockerfile stages, user and healthcheck; Compose services and Grafana dashboard; CI jobs; systemd-analyze verify")
    func staticChecks() throws {
        let output = try PythonScript.output("check_deploy.py", [CLIProcess.packageRoot.path, "--binary", CLIProcess.executable.path])
        let report = try #require(try JSONSerialization.jsonObject(with: output) as? [String: [String: Any]])
        #expect(report["dockerfile"]?["stages"] as? [String] == ["build", "run"])
        #expect(report["dockerfile"]?["user"] as? String == "tocsin")
        #expect(report["compose"]?["services"] as? [String] == ["alertmanager", "grafana", "postgres", "prometheus", "tocsin"])
        #expect(report["workflow"]?["jobs"] as? [String] == ["container", "terraform", "test"])
        #expect(report["systemd"]?["verified"] as? Bool == true)
    }

    @Test("the Terraform parses, checkov fails no check, and the instance role allows exactly the AWS operations Tocsin's clients send")
    func terraform() throws {
        let checkov = try #require(ProcessInfo.processInfo.environment["TOCSIN_TEST_CHECKOV"],
                                   "TOCSIN_TEST_CHECKOV is not set: ./scripts/test installs checkov in its own virtual environment")
        let folder = CLIProcess.packageRoot.appendingPathComponent("deploy/terraform").path
        let output = try PythonScript.output("check_terraform.py", ["--dir", folder, "--checkov", checkov])
        let report = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        let actions = Set(report["actions"] as? [String] ?? [])
        #expect(actions == Self.clientOperations(), "the policy allows \(actions.sorted())")
        let scan = try #require(report["checkov"] as? [String: Any])
        #expect(scan["failed"] as? Int == 0)
        #expect((scan["passed"] as? Int ?? 0) > 30)
        #expect((report["parsed"] as? [String])?.count == 7, "every .tf file parses")
    }

    /// The AWS operations Tocsin's clients send, read from their sources: `send("Operation"`
    /// in each service's folder of TocsinAWS, prefixed with the service's IAM name.
    static func clientOperations() -> Set<String> {
        let sources = CLIProcess.packageRoot.appendingPathComponent("Sources/TocsinAWS")
        let services = ["CloudWatch": "cloudwatch", "Logs": "logs", "EC2": "ec2", "SNS": "sns"]
        var operations = Set<String>()
        for (folder, prefix) in services {
            let directory = sources.appendingPathComponent(folder)
            for file in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] where file.hasSuffix(".swift") {
                let text = (try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)) ?? ""
                for match in text.matches(of: /send\("([A-Za-z]+)"/) { operations.insert("\(prefix):\(match.1)") }
            }
        }
        return operations
    }
}
