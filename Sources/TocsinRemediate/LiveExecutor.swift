import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TocsinAWS
import TocsinResponse

/// Executes actions for real: EC2 RebootInstances, an HTTP POST, or a local command (with
/// the target as its last argument, a time limit, and its exit status checked).
public struct LiveExecutor: RemediationExecutor {
    private let ec2: EC2Client?
    private let commandTimeout: Duration

    /// An executor rebooting instances through `ec2` (reboots fail when it is nil).
    public init(ec2: EC2Client?, commandTimeout: Duration = .seconds(60)) {
        self.ec2 = ec2
        self.commandTimeout = commandTimeout
    }

    public func execute(_ action: RemediationPolicy.Action, target: String, context: String) async throws(ExecutionFailure) -> String {
        switch action {
        case .rebootInstance:
            guard let ec2 else { throw ExecutionFailure("no AWS access is configured for reboot_instance") }
            guard target.hasPrefix("i-") else { throw ExecutionFailure("\(target) is not an EC2 instance id") }
            do { try await ec2.rebootInstances([target]) } catch { throw ExecutionFailure("EC2 RebootInstances \(target): \(error)") }
            return "EC2 RebootInstances \(target) accepted"
        case .webhook(let url):
            return try await post(context, to: url, target: target)
        case .command(let arguments):
            return try await run(arguments + [target])
        }
    }

    private func post(_ body: String, to address: String, target: String) async throws(ExecutionFailure) -> String {
        guard let url = URL(string: address), let host = url.host else { throw ExecutionFailure("the webhook URL is invalid") }
        var request = URLRequest(url: url, timeoutInterval: 15)
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let status: Int
        do {
            let (_, response) = try await URLSession.shared.data(for: request)
            status = (response as? HTTPURLResponse)?.statusCode ?? 0
        } catch {
            throw ExecutionFailure("webhook at \(host) could not be reached")
        }
        guard (200..<300).contains(status) else { throw ExecutionFailure("webhook at \(host) answered HTTP \(status)") }
        return "webhook at \(host) answered HTTP \(status) for \(target)"
    }

    private func run(_ arguments: [String]) async throws(ExecutionFailure) -> String {
        guard let program = arguments.first else { throw ExecutionFailure("the command is empty") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
        process.arguments = program.hasPrefix("/") ? Array(arguments.dropFirst()) : arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw ExecutionFailure("cannot start \(program): \(error.localizedDescription)") }
        let deadline = ContinuousClock.now + commandTimeout
        while process.isRunning {
            if ContinuousClock.now >= deadline {
                process.terminate()
                throw ExecutionFailure("\(program) did not finish within \(commandTimeout)")
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        guard process.terminationStatus == 0 else { throw ExecutionFailure("\(program) exited with status \(process.terminationStatus)") }
        return "\(program) exited with status 0"
    }
}
