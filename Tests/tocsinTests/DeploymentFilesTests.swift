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
}
