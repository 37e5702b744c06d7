import Logging
import Synchronization

/// A log handler that keeps every rendered line, to check what a send writes to the log.
final class LogRecorder: Sendable {
    private let storage = Mutex<[String]>([])

    /// Every line logged so far, with its metadata.
    var lines: [String] { storage.withLock { $0 } }

    /// A logger at trace level writing into this recorder.
    func logger() -> Logger {
        var logger = Logger(label: "test.smtp") { _ in Handler(recorder: self) }
        logger.logLevel = .trace
        return logger
    }

    fileprivate func append(_ line: String) {
        storage.withLock { $0.append(line) }
    }

    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            recorder.append("\(event.level) \(event.message) \(event.metadata ?? [:]) \(metadata)")
        }
    }
}
