import Foundation
import TocsinAWS

/// Records the pauses a retry policy asks for instead of sleeping.
final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Duration] = []

    /// The pauses asked for so far.
    var delays: [Duration] { lock.withLock { recorded } }

    /// A policy of `maxAttempts` attempts, a 1 s base, jitter always 0.5, sleeping into this recorder.
    func policy(maxAttempts: Int) -> AWSRetryPolicy {
        AWSRetryPolicy(maxAttempts: maxAttempts, random: { 0.5 }, sleep: { [self] delay in lock.withLock { recorded.append(delay) } })
    }
}
