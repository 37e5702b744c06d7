import Foundation

/// A saved model: the detector's complete state with its name, state version and
/// decision threshold, as one JSON document.
///
/// ```json
/// {"format": "tocsin-model", "formatVersion": 1, "detector": "isolation-forest",
///  "stateVersion": 1, "threshold": 0.61, "state": { … }}
/// ```
/// Loading checks the format, the detector name and the state version, and reports
/// a mismatch as a ``DetectorError`` rather than misreading the state.
public struct ModelArtifact: Sendable {
    /// The value of the `format` field.
    public static let format = "tocsin-model"
    /// The version of the envelope layout.
    public static let formatVersion = 1

    /// The detector's catalog name.
    public let detector: String
    /// The version of the detector's state encoding.
    public let stateVersion: Int
    /// The decision threshold saved with the model.
    public let threshold: Double

    struct Envelope<State: Codable>: Codable {
        var format: String
        var formatVersion: Int
        var detector: String
        var stateVersion: Int
        var threshold: Double
        var state: State
    }

    struct Header: Codable {
        var format: String
        var formatVersion: Int
        var detector: String
        var stateVersion: Int
        var threshold: Double
    }

    /// Encodes a state with its envelope.
    static func encode<State: Codable>(_ state: State, detector: String, stateVersion: Int, threshold: Double) throws(DetectorError) -> Data {
        let envelope = Envelope(format: format, formatVersion: formatVersion, detector: detector,
                                stateVersion: stateVersion, threshold: threshold, state: state)
        do { return try JSONEncoder.artifact.encode(envelope) } catch {
            throw DetectorError("cannot encode the \(detector) model: \(error)")
        }
    }

    /// Reads and checks the envelope of an artifact without decoding its state.
    static func header(of data: Data) throws(DetectorError) -> ModelArtifact {
        let header: Header
        do { header = try JSONDecoder.artifact.decode(Header.self, from: data) } catch {
            throw DetectorError("not a Tocsin model artifact (expected a JSON object with format \"\(format)\")")
        }
        guard header.format == format else {
            throw DetectorError("not a Tocsin model artifact: format is \"\(header.format)\", expected \"\(format)\"")
        }
        guard header.formatVersion == formatVersion else {
            throw DetectorError("model artifact format version \(header.formatVersion) is not supported (this Tocsin reads \(formatVersion))")
        }
        return ModelArtifact(detector: header.detector, stateVersion: header.stateVersion, threshold: header.threshold)
    }

    /// Decodes the state of an artifact whose header has been checked.
    static func state<State: Codable>(_ type: State.Type, from data: Data, expectedVersion: Int) throws(DetectorError) -> State {
        let header = try header(of: data)
        guard header.stateVersion == expectedVersion else {
            throw DetectorError("\(header.detector) model state version \(header.stateVersion) is not supported (expected \(expectedVersion))")
        }
        do { return try JSONDecoder.artifact.decode(Envelope<State>.self, from: data).state } catch {
            throw DetectorError("the \(header.detector) model is corrupt: \(error)")
        }
    }
}
