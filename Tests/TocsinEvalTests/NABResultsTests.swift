import Foundation
import Testing
import TocsinEval

@Suite struct NABResultsTests {
    let corpus: NABCorpus

    init() throws {
        let odd = try NABFile(
            category: "mixed", name: "odd.csv",
            timestamps: [1_404_172_800, 1_404_172_800.5, 1_404_173_100, 1_404_173_400],
            values: [0.1, -1e-7, 123_456.789, 4e20], windows: [1...2])
        corpus = try NABCorpus(root: "memory", files: [odd, try SyntheticNAB.file("plain.csv", category: "flat", rows: 20)])
    }

    var scores: [String: [Double]] {
        [
            "mixed/odd.csv": [0.25, 1.7, -0.2, 1.0 / 3],
            "flat/plain.csv": (0..<20).map { Double($0) / 19 },
        ]
    }

    @Test func writesNABResultFiles() throws {
        try withTemporaryDirectory { directory in
            try NABResultsWriter.write(detector: "tocsin", scores: scores, corpus: corpus, to: directory)
            let text = try readText(directory + "/tocsin/mixed/tocsin_odd.csv")
            #expect(text == """
                timestamp,value,anomaly_score,label
                2014-07-01 00:00:00,0.1,0.25,0
                2014-07-01 00:00:00.500000,-1e-07,1,1
                2014-07-01 00:05:00,123456.789,0,1
                2014-07-01 00:10:00,4e+20,0.3333333333333333,0

                """)
            let plain = try readText(directory + "/tocsin/flat/tocsin_plain.csv")
            #expect(plain.hasPrefix("timestamp,value,anomaly_score,label\n2014-07-01 00:00:00,0,0,0\n"))
        }
    }

    @Test func roundTripsThroughTheReader() throws {
        try withTemporaryDirectory { directory in
            try NABResultsWriter.write(detector: "tocsin", scores: scores, corpus: corpus, to: directory)
            let read = try NABResultsReader.read(detector: "tocsin", from: directory, corpus: corpus)
            #expect(read["flat/plain.csv"] == scores["flat/plain.csv"])
            #expect(read["mixed/odd.csv"] == [0.25, 1, 0, 1.0 / 3])
            let table = try NumericCSV.read(path: directory + "/tocsin/mixed/tocsin_odd.csv")
            #expect(table.timestamps == corpus.files[1].timestamps)
            #expect(try table.requireColumn("value") == corpus.files[1].values)
            #expect(try table.requireColumn("label") == [0, 1, 1, 0])
        }
    }

    @Test func roundTripsTheRealCorpus() throws {
        let corpus = try NABTestCorpus.corpus()
        let shipped = try NABResultsReader.read(detector: "numenta", from: NABTestCorpus.root + "/results", corpus: corpus)
        try withTemporaryDirectory { directory in
            try NABResultsWriter.write(detector: "copy", scores: shipped, corpus: corpus, to: directory)
            #expect(try NABResultsReader.read(detector: "copy", from: directory, corpus: corpus) == shipped)
            let taxi = try NumericCSV.read(path: directory + "/copy/realKnownCause/copy_nyc_taxi.csv")
            let data = try NumericCSV.read(path: NABTestCorpus.root + "/data/realKnownCause/nyc_taxi.csv")
            #expect(taxi.timestamps == data.timestamps)
            #expect(try taxi.requireColumn("value") == data.values)
        }
    }

    @Test func rejectsDetectorNamesWithUnderscores() throws {
        #expect(throws: NABError(
            file: "out", reason: "detector name \"my_detector\" must not contain \"_\" (NAB splits result file names on \"_\")")) {
            try NABResultsWriter.write(detector: "my_detector", scores: scores, corpus: corpus, to: "out")
        }
        #expect(throws: NABError(file: "out", reason: "detector name \"\" is not usable as a folder name")) {
            try NABResultsReader.read(detector: "", from: "out", corpus: corpus)
        }
    }

    @Test func writerRejectsScoresThatDoNotFit() throws {
        var values = scores
        values["flat/plain.csv"] = [0.5]
        #expect(throws: NABError(file: "flat/plain.csv", reason: "has 1 anomaly scores but 20 data rows")) {
            try NABResultsWriter.write(detector: "tocsin", scores: values, corpus: corpus, to: "out")
        }
        values["flat/plain.csv"] = nil
        #expect(throws: NABError(file: "flat/plain.csv", reason: "has no anomaly scores to write")) {
            try NABResultsWriter.write(detector: "tocsin", scores: values, corpus: corpus, to: "out")
        }
        values = scores
        values["mixed/odd.csv"] = [0, .nan, 0, 0]
        #expect(throws: NABError(file: "mixed/odd.csv", reason: "row 1: anomaly score is NaN")) {
            try NABResultsWriter.write(detector: "tocsin", scores: values, corpus: corpus, to: "out")
        }
    }

    @Test func readerReportsMissingShortAndBadFiles() throws {
        try withTemporaryDirectory { directory in
            try NABResultsWriter.write(detector: "tocsin", scores: scores, corpus: corpus, to: directory)
            let path = directory + "/tocsin/mixed/tocsin_odd.csv"
            let header = "timestamp,value,anomaly_score,label\n"
            func failure() -> String? {
                do {
                    _ = try NABResultsReader.read(detector: "tocsin", from: directory, corpus: corpus)
                    return nil
                } catch {
                    return error.description
                }
            }

            try writeText(header + "2014-07-01 00:00:00,1,0.5,0\n", to: path)
            #expect(failure() == "\(path): has 1 data rows but the data file mixed/odd.csv has 4")

            try writeText(header + String(repeating: "2014-07-01 00:00:00,1,0.5,0\n", count: 2)
                + "2014-07-01 00:00:00,1,1.25,0\n2014-07-01 00:00:00,1,0.5,0\n", to: path)
            #expect(failure() == "\(path):4: column \"anomaly_score\": 1.25 is outside [0, 1]")

            try writeText(header + "2014-07-01 00:00:00,1,0.5,0\n2014-07-01 00:00:00,1,high,0\n", to: path)
            #expect(failure() == "\(path):3: column \"anomaly_score\": \"high\" is not a number")

            try writeText("timestamp,value,score\n2014-07-01 00:00:00,1,0.5\n", to: path)
            #expect(failure() == "\(path): column \"anomaly_score\": no such column (the file has \"timestamp\", \"value\", \"score\")")

            try writeText(header + "2014-07-01 00:00:00,1,0.5\n", to: path)
            #expect(failure() == "\(path):2: too few fields: expected 4 as in the header, found 3")

            let missing = directory + "/tocsin/flat/tocsin_plain.csv"
            try FileManager.default.removeItem(atPath: missing)
            #expect(failure() == "\(missing): results file is missing (one is needed for flat/plain.csv)")
        }
    }
}
