import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A server-sent event client over a plain TCP socket that hands over the response as it arrives,
/// so a test can act after the first event and then wait for the next one (the testing client
/// only returns a body once the stream has ended). Reading runs on its own thread.
final class EventStreamClient: Sendable {
    /// The raw response (head and chunked body), in the pieces the socket returned, until the
    /// server closes it or `close()` is called.
    let pieces: AsyncStream<String>
    private let socket: Int32

    /// Connects to 127.0.0.1:`port` and sends `GET path` asking for `text/event-stream`.
    init(port: Int, path: String) throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ClientError(message: "socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(socket)
            throw ClientError(message: "connect to port \(port) failed: errno \(errno)")
        }
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n"
        let sent = request.utf8CString.withUnsafeBufferPointer { send(socket, $0.baseAddress, $0.count - 1, 0) }
        guard sent == request.utf8.count else {
            Glibc.close(socket)
            throw ClientError(message: "sending the request failed: errno \(errno)")
        }
        self.socket = socket
        let (pieces, continuation) = AsyncStream.makeStream(of: String.self)
        self.pieces = pieces
        let reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 16_384)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                if count <= 0 { break }
                continuation.yield(String(decoding: buffer[0..<count], as: UTF8.self))
            }
            continuation.finish()
        }
        reader.start()
    }

    /// Ends the reading: the reader thread sees end of file.
    func close() {
        shutdown(socket, Int32(SHUT_RDWR))
    }

    deinit {
        shutdown(socket, Int32(SHUT_RDWR))
        Glibc.close(socket)
    }

    struct ClientError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
