import Foundation
import TocsinResponse

/// Prints each notification on standard output: the title, then the alert lines.
public struct ConsoleSink: AlertSink {
    public let name: String

    /// A sink printing to standard output.
    public init(name: String) {
        self.name = name
    }

    public func render(_ notification: AlertNotification) throws(SinkFailure) -> Data {
        Data(("ALERT " + NotificationText(notification).body + "\n").utf8)
    }

    public func deliver(_ message: Data) async throws(SinkFailure) {
        FileHandle.standardOutput.write(message)
    }
}
