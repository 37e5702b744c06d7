/// How often, and after what pause, a client tries a throttled or interrupted request again:
/// exponential backoff with full jitter, as the AWS SDKs' standard retry mode.
///
/// Before retry `n` (1 for the second attempt) the client sleeps a uniformly random time
/// between zero and `min(maxDelay, baseDelay × 2^(n-1))`. Randomness and sleeping are
/// injected, so tests can make them deterministic and instant.
public struct AWSRetryPolicy: Sendable {
    /// Attempts in all, the first included; 1 turns retries off.
    public var maxAttempts: Int
    /// The backoff cap before the first retry.
    public var baseDelay: Duration
    /// The largest backoff cap.
    public var maxDelay: Duration
    /// A uniformly distributed number in `0..<1`.
    public var random: @Sendable () -> Double
    /// Waits for the given time; throws when the task is cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// A policy; by default 3 attempts, a 1 s base and a 20 s cap, the system's random
    /// numbers and `Task.sleep`.
    public init(
        maxAttempts: Int = 3,
        baseDelay: Duration = .seconds(1),
        maxDelay: Duration = .seconds(20),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.random = random
        self.sleep = sleep
    }

    /// The pause before retry `retry` (1 for the second attempt).
    public func delay(beforeRetry retry: Int) -> Duration {
        let doublings = min(max(retry - 1, 0), 30)
        let cap = min(maxDelay, baseDelay * (1 << doublings))
        return cap * min(max(random(), 0), 1)
    }
}
