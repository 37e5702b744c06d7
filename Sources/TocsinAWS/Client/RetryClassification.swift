/// Which failures are worth another attempt, after botocore's standard retry mode.
enum RetryClassification {
    /// What kind of failure an error is.
    enum Kind {
        /// The service asked to slow down (HTTP 429 or 503, or a throttling error code).
        case throttling
        /// A failure that usually passes: a broken connection, a timeout, an HTTP 500, 502 or 504.
        case transient
        /// A failure that another attempt would repeat.
        case permanent
    }

    /// AWS error codes that mean "slow down", whatever the HTTP status (botocore's list).
    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    /// AWS error codes of failures that usually pass (botocore's list).
    static let transientCodes: Set<String> = ["RequestTimeout", "RequestTimeoutException"]

    /// The kind of `error`.
    static func kind(of error: AWSError) -> Kind {
        switch error.code {
        case .connectionLost, .timedOut:
            return .transient
        case .serviceError:
            if let code = error.serviceCode, throttlingCodes.contains(code) { return .throttling }
            if error.httpStatus == 429 || error.httpStatus == 503 { return .throttling }
            if let code = error.serviceCode, transientCodes.contains(code) { return .transient }
            if let status = error.httpStatus, [500, 502, 504].contains(status) { return .transient }
            return .permanent
        default:
            return .permanent
        }
    }
}
