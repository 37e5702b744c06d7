/// One HTTP exchange with an AWS endpoint, injected so that clients can be tested against
/// local servers or canned answers.
public protocol AWSHTTPTransport: Sendable {
    /// Sends the signed `request` and returns the answer, whatever its status.
    ///
    /// Throws ``AWSError/Code/connectionFailed`` when no connection could be opened,
    /// ``AWSError/Code/connectionLost`` when it broke, ``AWSError/Code/timedOut`` when no
    /// answer came in time and ``AWSError/Code/cancelled`` when the task was cancelled.
    func send(_ request: AWSHTTPRequest) async throws(AWSError) -> AWSHTTPResponse
}
