import Foundation

/// A running `Support/smtp_sink.py`: a real aiosmtpd server on 127.0.0.1 that records what it receives.
public final class SMTPSink: Sendable {
    /// What the sink recorded for one accepted message, as decoded by Python's email package.
    public struct ReceivedMessage: Decodable, Sendable {
        public let mail_from: String
        public let rcpt_tos: [String]
        /// The raw message as received (dot-stuffing removed).
        public let raw: String
        public let subject: String
        /// The decoded plain-text body with CRLF line breaks.
        public let text: String?
        public let html: String?
        /// Header fields by lower-cased name.
        public let headers: [String: [String]]
        /// Python's names for the format defects it found.
        public let defects: [String]
    }

    /// The user name and password the sink accepts when started with authentication.
    public static let user = "alice@example.com"
    public static let password = "c0rrect-h0rse-battery"

    public let port: Int
    /// The self-signed certificate's PEM file, or `nil` without TLS.
    public let certificatePath: String?
    private let recordPath: String
    private let process: Process
    private let input: Pipe

    /// Starts the sink and waits (off the cooperative pool) for it to print its port and certificate path.
    /// - Parameters:
    ///   - tls: `starttls`, `implicit` or `none`.
    ///   - authenticate: Whether AUTH is required (with ``user`` and ``password``).
    ///   - excludedMechanisms: SASL mechanisms the server does not offer.
    ///   - mode: `smtp`, `helo-only`, `starttls-injection`, `silent` (never greets) or `closed` (a port nothing listens on).
    public init(tls: String = "starttls", authenticate: Bool = true, excludedMechanisms: [String] = [], mode: String = "smtp") async throws {
        let script = PythonScript.folder.appendingPathComponent("smtp_sink.py").path
        recordPath = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString).jsonl").path
        var arguments = ["python3", "-u", script, "--record", recordPath, "--tls", tls, "--mode", mode]
        if authenticate { arguments += ["--user", Self.user, "--password", Self.password] }
        for mechanism in excludedMechanisms { arguments += ["--exclude-auth", mechanism] }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let lines = await Self.readLines(2, from: output.fileHandleForReading)
        guard lines.count == 2, let port = Int(lines[0]) else {
            process.terminate()
            throw SinkError(description: "smtp_sink.py did not start (is aiosmtpd installed?); it printed \(lines)")
        }
        self.port = port
        certificatePath = lines[1] == "-" ? nil : lines[1]
    }

    /// Closing the sink's standard input stops it.
    deinit {
        try? input.fileHandleForWriting.close()
        try? FileManager.default.removeItem(atPath: recordPath)
    }

    /// Every message recorded so far.
    public func messages() throws -> [ReceivedMessage] {
        guard let data = FileManager.default.contents(atPath: recordPath) else { return [] }
        return try data.split(separator: UInt8(ascii: "\n")).map { try JSONDecoder().decode(ReceivedMessage.self, from: Data($0)) }
    }

    /// Reads until `count` lines or the end, on a dispatch thread so that test tasks keep running meanwhile.
    private static func readLines(_ count: Int, from handle: FileHandle) async -> [String] {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var bytes = Data()
                while bytes.count(where: { $0 == UInt8(ascii: "\n") }) < count {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    bytes.append(chunk)
                }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init))
            }
        }
    }

    private struct SinkError: Error, CustomStringConvertible {
        let description: String
    }
}
