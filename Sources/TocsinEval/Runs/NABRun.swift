import TocsinCore
import TocsinDetect

/// Runs a streaming detector over a NAB corpus the way NAB does: every file gets a fresh
/// detector, and each row is scored before it is learned.
public enum NABRun {
    /// The scores of every corpus file, keyed by corpus key, one per row, clamped to [0, 1].
    /// Files are processed in parallel; the result does not depend on the number of cores.
    public static func scores(corpus: NABCorpus, detector make: @Sendable () throws(DetectorError) -> any Detector) throws(DetectorError) -> [String: [Double]] {
        let perFile = ConcurrentMap.map(count: corpus.files.count) { index -> Result<[Double], DetectorError> in
            let file = corpus.files[index]
            do throws(DetectorError) {
                var detector = try make()
                return .success(score(file, with: &detector))
            } catch {
                return .failure(error)
            }
        }
        var result: [String: [Double]] = [:]
        for (file, outcome) in zip(corpus.files, perFile) {
            result[file.key] = try outcome.get()
        }
        return result
    }

    /// Streams one file through `detector`.
    static func score(_ file: NABFile, with detector: inout some Detector) -> [Double] {
        detector.prepare(for: SeriesHints(minimum: file.values.min(), maximum: file.values.max(), length: file.values.count))
        return zip(file.timestamps, file.values).map { time, value in
            min(max(detector.process(Point(epochSeconds: time, value: value)), 0), 1)
        }
    }
}
