/// An AWS service as a client addresses it: the name SigV4 signs with (and ``AWSEndpoints``
/// looks up), and the name errors show.
public struct AWSService: Sendable, Hashable {
    /// The signing name, such as `monitoring`; also the endpoint's host prefix.
    public let signingName: String
    /// The name people know, such as `CloudWatch`.
    public let displayName: String

    /// Creates a service description.
    public init(signingName: String, displayName: String) {
        self.signingName = signingName
        self.displayName = displayName
    }

    /// Amazon CloudWatch (metrics).
    public static let cloudWatch = AWSService(signingName: "monitoring", displayName: "CloudWatch")
    /// Amazon CloudWatch Logs.
    public static let cloudWatchLogs = AWSService(signingName: "logs", displayName: "CloudWatch Logs")
    /// Amazon EC2.
    public static let ec2 = AWSService(signingName: "ec2", displayName: "EC2")
    /// Amazon SNS.
    public static let sns = AWSService(signingName: "sns", displayName: "SNS")
}
