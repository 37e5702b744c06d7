import Foundation
import Testing
import TocsinEval

@Suite struct NumericCSVTests {
    private func parse(_ text: String, timestampColumn: String? = "timestamp", columns: [String]? = nil) throws(CSVError) -> NumericTable {
        try NumericCSV.parse(bytes: Array(text.utf8), file: "data.csv", timestampColumn: timestampColumn, columns: columns)
    }

    /// The one-line description of the error that parsing `text` throws.
    private func failure(_ text: String, timestampColumn: String? = "timestamp", columns: [String]? = nil) -> String? {
        do {
            _ = try parse(text, timestampColumn: timestampColumn, columns: columns)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func readsTimestampsAndValues() throws {
        let table = try parse("timestamp,value\n2014-07-01 00:00:00,10844\n2014-07-01 00:30:00,8127.5\n")
        #expect(table.file == "data.csv")
        #expect(table.columns == ["value"])
        #expect(table.rows == 2)
        #expect(table.timestamps == [1_404_172_800, 1_404_174_600])
        #expect(table.values == [10844, 8127.5])
        #expect(table.column("value") == [10844, 8127.5])
        #expect(table.column("timestamp") == nil)
    }

    @Test func readsSeveralColumnsRowMajor() throws {
        let table = try parse("a,b,c\n1,2,3\n4,5,6", timestampColumn: "timestamp")
        #expect(table.timestamps == nil)
        #expect(table.columns == ["a", "b", "c"])
        #expect(table.values == [1, 2, 3, 4, 5, 6])
        #expect(table.column("b") == [2, 5])
        #expect(try table.requireColumn("c") == [3, 6])
    }

    @Test func readsOnlySelectedColumnsInTheirOrder() throws {
        let table = try parse(
            "timestamp,label,score,value\n2014-07-01 00:00:00,yes,0.5,1\n2014-07-01 00:05:00,no,0.25,2\n",
            timestampColumn: nil, columns: ["value", "score"])
        #expect(table.timestamps == nil)
        #expect(table.columns == ["value", "score"])
        #expect(table.values == [1, 0.5, 2, 0.25])
    }

    @Test func acceptsByteOrderMarkCarriageReturnsQuotesAndTrailingBlankLines() throws {
        let text = "\u{FEFF}\"timestamp\", \"value\"\r\n2014-07-01 00:00:00, 1.5\r\n\"2014-07-01 00:05:00\",\"2\"\r\n\r\n\n"
        let table = try parse(text)
        #expect(table.columns == ["value"])
        #expect(table.values == [1.5, 2])
        #expect(table.timestamps == [1_404_172_800, 1_404_173_100])
    }

    @Test func resolvesEscapedQuotesInHeaderNames() throws {
        let table = try parse("\"say \"\"hi\"\"\",\"a,b\"\n1,2\n")
        #expect(table.columns == ["say \"hi\"", "a,b"])
    }

    @Test func acceptsEveryTimestampForm() throws {
        let table = try parse(
            "timestamp,value\n2014-07-01 00:00:00,1\n2014-07-01T00:00:01Z,2\n2014-07-01 00:00:02.500000,3\n1404172803,4\n1404172804.25,5\n")
        #expect(table.timestamps == [1_404_172_800, 1_404_172_801, 1_404_172_802.5, 1_404_172_803, 1_404_172_804.25])
    }

    @Test func parsesNumbersExactlyLikeTheStandardLibrary() throws {
        var generator = SystemRandomNumberGenerator()
        var texts: [String] = ["0", "-0", "1e-7", "123456789012345678", "0.1", "2.5E+3", ".5", "-12.75", "1.7976931348623157e308",
                               "4.9e-324", "0.30000000000000004", "9007199254740993", "123456.789012345"]
        for _ in 0..<2000 {
            let value = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator) & 0x7FEF_FFFF_FFFF_FFFF)
            texts.append("\(value)")
            let digits = Int.random(in: 1...17, using: &generator)
            texts.append(String(format: "%.\(digits)g", Double.random(in: -1e6...1e6, using: &generator)))
        }
        let table = try parse("x\n" + texts.joined(separator: "\n"), timestampColumn: nil)
        for (text, value) in zip(texts, table.values) {
            #expect(value.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    @Test func readsFilesFromDisk() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/series.csv"
            try writeText("timestamp,value\n2014-07-01 00:00:00,3", to: path)
            let table = try NumericCSV.read(path: path)
            #expect(table.file == path)
            #expect(table.values == [3])
        }
    }

    @Test func reportsMissingAndUnreadableFiles() throws {
        try withTemporaryDirectory { directory in
            let missing = directory + "/none.csv"
            #expect(throws: CSVError(file: missing, reason: "cannot open file: No such file or directory")) {
                try NumericCSV.read(path: missing)
            }
            #expect(throws: CSVError(file: directory, reason: "is a directory, not a file")) {
                try NumericCSV.read(path: directory)
            }
        }
    }

    @Test func reportsEmptyFilesAndMissingHeaders() {
        #expect(failure("") == "data.csv: file is empty")
        #expect(failure("\u{FEFF}") == "data.csv: file is empty")
        #expect(failure("\n1,2\n") == "data.csv:1: missing header: the first line is empty")
        #expect(failure("1,2\n3,4\n") == "data.csv:1: missing header: the first line holds numbers, not column names")
        #expect(failure("timestamp,,value\n") == "data.csv:1: column 2 of the header has no name")
    }

    @Test func reportsDuplicateColumns() {
        #expect(failure("timestamp,value,value\n2014-07-01 00:00:00,1,2\n")
            == "data.csv:1: column \"value\": duplicate column name (columns 2 and 3)")
    }

    @Test func reportsRowsWithTheWrongNumberOfFields() {
        #expect(failure("timestamp,value\n2014-07-01 00:00:00,1\n2014-07-01 00:05:00\n")
            == "data.csv:3: too few fields: expected 2 as in the header, found 1")
        #expect(failure("timestamp,value\n2014-07-01 00:00:00,1,7\n")
            == "data.csv:2: too many fields: expected 2 as in the header, found 3")
        #expect(failure("a,b\n1,\"2\n") == "data.csv:2: quoted field 2 has no closing quote")
        #expect(failure("a,b\n1,\"2\"x\n") == "data.csv:2: unexpected text after the closing quote of field 2")
    }

    @Test func reportsCellsThatAreNotNumbers() {
        let rows = (0..<15).map { "2014-07-01 00:\(10 + $0):00,\($0)" }.joined(separator: "\n")
        #expect(failure("timestamp,value\n" + rows + "\n2014-07-01 01:00:00,abc\n")
            == "data.csv:17: column \"value\": \"abc\" is not a number")
        #expect(failure("timestamp,value\n2014-07-01 00:00:00,\n") == "data.csv:2: column \"value\": empty cell, expected a number")
        #expect(failure("a\n1 2\n") == "data.csv:2: column \"a\": \"1 2\" is not a number")
    }

    @Test func reportsNaNAndInfiniteValues() {
        #expect(failure("a\nnan\n") == "data.csv:2: column \"a\": \"nan\" is NaN; only finite numbers are allowed")
        #expect(failure("a\n1\n-inf\n") == "data.csv:3: column \"a\": \"-inf\" is infinite; only finite numbers are allowed")
        #expect(failure("a\n1e999\n") == "data.csv:2: column \"a\": \"1e999\" is infinite; only finite numbers are allowed")
    }

    @Test func reportsBadTimestamps() {
        let shape = "expected YYYY-MM-DD HH:MM:SS, YYYY-MM-DDTHH:MM:SSZ or epoch seconds"
        #expect(failure("timestamp,value\n2014-13-01 00:00:00,1\n")
            == "data.csv:2: column \"timestamp\": \"2014-13-01 00:00:00\" is not a valid timestamp: month 13 does not exist")
        #expect(failure("timestamp,value\n2015-02-29 00:00:00,1\n")
            == "data.csv:2: column \"timestamp\": \"2015-02-29 00:00:00\" is not a valid timestamp: day 29 does not exist in month 2 of 2015")
        #expect(failure("timestamp,value\n2014-07-01 24:00:00,1\n")
            == "data.csv:2: column \"timestamp\": \"2014-07-01 24:00:00\" is not a valid timestamp: hour 24 does not exist")
        #expect(failure("timestamp,value\nyesterday,1\n")
            == "data.csv:2: column \"timestamp\": \"yesterday\" is not a valid timestamp: \(shape)")
        #expect(failure("timestamp,value\n2014-07-01 00:00,1\n")
            == "data.csv:2: column \"timestamp\": \"2014-07-01 00:00\" is not a valid timestamp: \(shape)")
        #expect(failure("timestamp,value\n2014-07-01 00:00:00.,1\n")
            == "data.csv:2: column \"timestamp\": \"2014-07-01 00:00:00.\" is not a valid timestamp: fractional seconds need 1 to 9 digits")
    }

    @Test func reportsAHeaderWithoutData() {
        #expect(failure("timestamp,value\n") == "data.csv: has a header but no data rows")
        #expect(failure("timestamp,value") == "data.csv: has a header but no data rows")
    }

    @Test func reportsBlankLinesBetweenRows() {
        #expect(failure("a\n1\n\n2\n") == "data.csv:3: blank line between data rows")
    }

    @Test func reportsRequestedColumnsThatDoNotExist() throws {
        #expect(failure("timestamp,value\n2014-07-01 00:00:00,1\n", columns: ["score"])
            == "data.csv: column \"score\": no such column (the file has \"timestamp\", \"value\")")
        #expect(failure("timestamp,value\n2014-07-01 00:00:00,1\n", columns: ["timestamp"])
            == "data.csv: column \"timestamp\": is the timestamp column and cannot be read as numbers")
        let table = try parse("timestamp,value\n2014-07-01 00:00:00,1\n")
        #expect(throws: CSVError(file: "data.csv", column: "score", reason: "no such column (the file has \"value\")")) {
            try table.requireColumn("score")
        }
    }

    @Test func numbersRowsByLine() {
        #expect(NumericTable.line(ofRow: 0) == 2)
        #expect(NumericTable.line(ofRow: 15) == 17)
    }
}
