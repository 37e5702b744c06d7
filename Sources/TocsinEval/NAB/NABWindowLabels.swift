import TocsinCore
import Foundation

/// NAB's window label file (`labels/combined_windows.json`): for each corpus key, a list of
/// `[start, end]` timestamp pairs, both ends inclusive.
struct NABWindowLabels {
    /// The path the labels were read from, for errors.
    let file: String
    /// The windows of each key, as timestamp texts.
    let windows: [String: [(start: String, end: String)]]

    /// Reads and checks the shape of the label file at `path`.
    init(path: String) throws(NABError) {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(path: path)
        } catch {
            throw NABError(file: path, reason: error.reason)
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)),
              let entries = object as? [String: Any]
        else {
            throw NABError(file: path, reason: "is not a JSON object mapping data files to windows")
        }
        var windows: [String: [(start: String, end: String)]] = [:]
        for (key, value) in entries {
            guard let pairs = value as? [Any] else {
                throw NABError(file: path, reason: "\"\(key)\": expected a list of [start, end] pairs")
            }
            var limits: [(start: String, end: String)] = []
            for (index, pair) in pairs.enumerated() {
                guard let ends = pair as? [Any], ends.count == 2,
                      let start = ends[0] as? String, let end = ends[1] as? String
                else {
                    throw NABError(
                        file: path,
                        reason: "\"\(key)\" window \(index + 1): expected a [start, end] pair of timestamps")
                }
                limits.append((start, end))
            }
            windows[key] = limits
        }
        file = path
        self.windows = windows
    }

    /// The windows of `key` as row ranges of `timestamps`, each end matched to the first row
    /// with that exact timestamp (as NAB's scorer does).
    func rowRanges(key: String, timestamps: [Double]) throws(NABError) -> [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        for (index, limit) in (windows[key] ?? []).enumerated() {
            let context = "\"\(key)\" window \(index + 1)"
            let start = try row(of: limit.start, in: timestamps, context: context + " start")
            let end = try row(of: limit.end, in: timestamps, context: context + " end")
            guard start <= end else {
                throw NABError(
                    file: file, reason: "\(context) ends (\(limit.end), row \(end)) before it starts (row \(start))")
            }
            ranges.append(start...end)
        }
        return ranges
    }

    private func row(of text: String, in timestamps: [Double], context: String) throws(NABError) -> Int {
        guard let seconds = UTCTimestamp.parse(text) else {
            throw NABError(file: file, reason: "\(context): \"\(text)\" is not a valid timestamp")
        }
        guard let row = timestamps.firstIndex(of: seconds) else {
            throw NABError(file: file, reason: "\(context): \(text) is not a timestamp of the data file")
        }
        return row
    }
}
