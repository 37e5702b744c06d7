import Foundation
import Testing

/// Tests that time wall-clock bounds run only in the quiet phase of `./scripts/test`
/// (`TOCSIN_QUIET_TESTS=1`, after the main run): in the main run hundreds of tests share
/// two cores, and a bound of a few seconds measures the scheduler, not the code.
enum QuietPhase {
    static let enabled = ProcessInfo.processInfo.environment["TOCSIN_QUIET_TESTS"] == "1"
}
