import TocsinCore
import Testing
import TocsinEval

@Suite struct NABCorpusTests {
    @Test func realCorpusHasTheDocumentedShape() throws {
        let corpus = try NABTestCorpus.corpus()
        #expect(corpus.files.count == 58)
        #expect(corpus.rowCount == 365_558)
        #expect(corpus.windowCount == 116)
        #expect(corpus.windowRowCount == 33_495)
        #expect(corpus.scoredRowCount == 332_842)
        #expect(Set(corpus.files.map(\.category)).count == 7)
        #expect(corpus.files.filter { $0.windows.isEmpty }.count == 6)

        let taxi = try #require(corpus.file(key: "realKnownCause/nyc_taxi.csv"))
        #expect(taxi.category == "realKnownCause")
        #expect(taxi.name == "nyc_taxi.csv")
        #expect(taxi.rowCount == 10_320)
        #expect(taxi.windows.count == 5)
        #expect(taxi.probationLength == 750)
        #expect(taxi.timestamps.first == UTCTimestamp.parse("2014-07-01 00:00:00"))
        #expect(taxi.values.first == 10_844)
        #expect(taxi.windowLabels.filter { $0 }.count == 1035)

        let speed = try #require(corpus.file(key: "realTraffic/speed_7578.csv"))
        #expect(speed.rowCount == 1127)
        #expect(speed.probationLength == 169)
        #expect(speed.windows.count == 4)
    }

    @Test func windowsMatchTheFirstRowWithTheirTimestamp() throws {
        let corpus = try NABTestCorpus.corpus()
        let machine = try #require(corpus.file(key: "realKnownCause/machine_temperature_system_failure.csv"))
        #expect(machine.windows == [2126...2692, 3703...4269, 16057...16623, 19232...19798])
        let flat = try #require(corpus.file(key: "artificialWithAnomaly/art_daily_flatmiddle.csv"))
        #expect(flat.windows.map { flat.timestamps[$0.lowerBound] } == [UTCTimestamp.parse("2014-04-10 07:15:00")])
        #expect(flat.windows.map { flat.timestamps[$0.upperBound] } == [UTCTimestamp.parse("2014-04-11 16:45:00")])
    }

    @Test func loadsAWrittenCorpus() throws {
        try withTemporaryDirectory { root in
            let files = [
                try SyntheticNAB.file("a.csv", category: "one", rows: 40, windows: [10...14, 20...21]),
                try SyntheticNAB.file("b.csv", category: "two", rows: 30),
            ]
            try SyntheticNAB.write(files, to: root)
            try writeText("data notes", to: root + "/data/README.md")
            let corpus = try NABCorpus.load(root: root)
            #expect(corpus.files.map(\.key) == ["one/a.csv", "two/b.csv"])
            #expect(corpus.files[0].windows == [10...14, 20...21])
            #expect(corpus.files[0].timestamps == files[0].timestamps)
            #expect(corpus.files[1].values == files[1].values)
            #expect(corpus.windowRowCount == 7)
            #expect(corpus.scoredRowCount == 40 - 6 + 30 - 4)
        }
    }

    @Test func reportsAWindowTimestampMissingFromTheData() throws {
        try withTemporaryDirectory { root in
            try SyntheticNAB.write([try SyntheticNAB.file("a.csv", category: "one", rows: 40)], to: root)
            try writeText(
                "{\"one/a.csv\": [[\"2014-07-01 01:00:00.000000\", \"2014-07-01 01:02:00.000000\"]]}",
                to: root + "/labels/combined_windows.json")
            #expect(throws: NABError(
                file: root + "/labels/combined_windows.json",
                reason: "\"one/a.csv\" window 1 end: 2014-07-01 01:02:00.000000 is not a timestamp of the data file")) {
                try NABCorpus.load(root: root)
            }
        }
    }

    @Test func reportsWindowsThatEndBeforeTheyStartOrOverlap() throws {
        try withTemporaryDirectory { root in
            try SyntheticNAB.write([try SyntheticNAB.file("a.csv", category: "one", rows: 40)], to: root)
            let labels = root + "/labels/combined_windows.json"
            try writeText(
                "{\"one/a.csv\": [[\"2014-07-01 01:00:00\", \"2014-07-01 00:50:00\"]]}", to: labels)
            #expect(throws: NABError(
                file: labels, reason: "\"one/a.csv\" window 1 ends (2014-07-01 00:50:00, row 10) before it starts (row 12)")) {
                try NABCorpus.load(root: root)
            }
            try writeText(
                "{\"one/a.csv\": [[\"2014-07-01 01:00:00\", \"2014-07-01 01:10:00\"], "
                    + "[\"2014-07-01 01:05:00\", \"2014-07-01 01:20:00\"]]}", to: labels)
            #expect(throws: NABError(file: "one/a.csv", reason: "window 2 does not start after the end of window 1")) {
                try NABCorpus.load(root: root)
            }
        }
    }

    @Test func reportsDataFilesAndLabelsThatDoNotPairUp() throws {
        try withTemporaryDirectory { root in
            try SyntheticNAB.write([try SyntheticNAB.file("a.csv", category: "one", rows: 40)], to: root)
            let labels = root + "/labels/combined_windows.json"
            try writeText("{}", to: labels)
            #expect(throws: NABError(file: root + "/data/one/a.csv", reason: "has no key \"one/a.csv\" in \(labels)")) {
                try NABCorpus.load(root: root)
            }
            try writeText("{\"one/a.csv\": [], \"one/gone.csv\": []}", to: labels)
            #expect(throws: NABError(file: labels, reason: "\"one/gone.csv\" has no data file \(root)/data/one/gone.csv")) {
                try NABCorpus.load(root: root)
            }
            try writeText("{\"one/a.csv\": [[\"2014-07-01 01:00:00\"]]}", to: labels)
            #expect(throws: NABError(file: labels, reason: "\"one/a.csv\" window 1: expected a [start, end] pair of timestamps")) {
                try NABCorpus.load(root: root)
            }
            try writeText("[]", to: labels)
            #expect(throws: NABError(file: labels, reason: "is not a JSON object mapping data files to windows")) {
                try NABCorpus.load(root: root)
            }
        }
    }

    @Test func reportsBadDataFilesAndMissingFolders() throws {
        try withTemporaryDirectory { root in
            #expect(throws: NABError(file: root + "/data", reason: "is not a directory; is \(root) a NAB corpus?")) {
                try NABCorpus.load(root: root)
            }
            try SyntheticNAB.write([try SyntheticNAB.file("a.csv", category: "one", rows: 3)], to: root)
            try writeText("timestamp,level\n2014-07-01 00:00:00,1\n", to: root + "/data/one/a.csv")
            #expect(throws: NABError(
                file: root + "/data/one/a.csv", column: "value",
                reason: "no such column (the file has \"timestamp\", \"level\")")) {
                try NABCorpus.load(root: root)
            }
            try writeText("time,value\n2014-07-01 00:00:00,1\n", to: root + "/data/one/a.csv")
            #expect(throws: NABError(
                file: root + "/data/one/a.csv", column: "timestamp", reason: "no such column; NAB data files need one")) {
                try NABCorpus.load(root: root)
            }
        }
    }

    @Test func rejectsInconsistentFilesAndDuplicateKeys() throws {
        #expect(throws: NABError(file: "c/x.csv", reason: "has 2 timestamps but 1 values")) {
            try NABFile(category: "c", name: "x.csv", timestamps: [0, 1], values: [5], windows: [])
        }
        #expect(throws: NABError(file: "c/x.csv", reason: "window 1 (rows 1...2) lies outside the 2 rows of the file")) {
            try NABFile(category: "c", name: "x.csv", timestamps: [0, 1], values: [5, 6], windows: [1...2])
        }
        let file = try SyntheticNAB.file("x.csv", category: "c", rows: 3)
        #expect(throws: NABError(file: "c/x.csv", reason: "appears twice in the corpus")) {
            try NABCorpus(root: "memory", files: [file, file])
        }
    }

    @Test func readsProfilesOrFallsBackToTheDefaults() throws {
        #expect(try NABProfile.load(root: NABTestCorpus.root) == NABProfile.defaults)
        try withTemporaryDirectory { root in
            #expect(try NABProfile.load(root: root) == NABProfile.defaults)
            let path = root + "/config/profiles.json"
            try writeText(
                "{\"mine\": {\"CostMatrix\": {\"tpWeight\": 2, \"fpWeight\": 0.5, \"fnWeight\": 3}}, "
                    + "\"standard\": {\"CostMatrix\": {\"tpWeight\": 1.0, \"fpWeight\": 0.11, \"fnWeight\": 1.0}}}",
                to: path)
            #expect(try NABProfile.load(root: root) == [
                .standard,
                NABProfile(name: "mine", truePositiveWeight: 2, falsePositiveWeight: 0.5, falseNegativeWeight: 3),
            ])
            try writeText("{\"mine\": {\"CostMatrix\": {\"tpWeight\": 2, \"fnWeight\": 3}}}", to: path)
            #expect(throws: NABError(file: path, reason: "profile \"mine\": \"CostMatrix\" has no numeric \"fpWeight\"")) {
                try NABProfile.load(root: root)
            }
        }
    }
}
