import TocsinResponse

/// Carries out remediation actions for real.
public protocol RemediationExecutor: Sendable {
    /// Runs `action` on `target` (an instance id or a service) for `context` (a JSON
    /// description of the alert, for webhooks); returns what happened in one line, or
    /// throws ``ExecutionFailure``.
    func execute(_ action: RemediationPolicy.Action, target: String, context: String) async throws(ExecutionFailure) -> String
}

/// Why an action could not be carried out (never with secrets).
public struct ExecutionFailure: Error, Sendable, CustomStringConvertible {
    public let description: String

    /// A failure described by `description`.
    public init(_ description: String) {
        self.description = description
    }
}
