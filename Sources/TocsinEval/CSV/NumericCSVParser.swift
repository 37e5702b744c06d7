import TocsinCore

/// The work behind ``NumericCSV``: walks the bytes of one file line by line.
struct NumericCSVParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: String
    private let timestampColumn: String?
    private let selection: [String]?
    private var position: Int
    private var lineNumber = 0
    private var fields: [CSVField] = []

    init(bytes: UnsafeBufferPointer<UInt8>, file: String, timestampColumn: String?, selection: [String]?) {
        self.bytes = bytes
        self.file = file
        self.timestampColumn = timestampColumn
        self.selection = selection
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        position = hasByteOrderMark ? 3 : 0
    }

    mutating func parse() throws(CSVError) -> NumericTable {
        guard position < bytes.count else {
            throw CSVError(file: file, reason: "file is empty")
        }
        let header = try readHeader()
        let layout = try makeLayout(header: header)
        var timestamps: [Double] = []
        var values: [Double] = []
        var rows = 0
        var firstBlankLine: Int?
        while let line = nextLine() {
            if line.isEmpty {
                firstBlankLine = firstBlankLine ?? lineNumber
                continue
            }
            if let blank = firstBlankLine {
                throw CSVError(file: file, line: blank, reason: "blank line between data rows")
            }
            try split(line)
            guard fields.count == header.count else {
                let amount = fields.count < header.count ? "too few" : "too many"
                throw CSVError(
                    file: file, line: lineNumber,
                    reason: "\(amount) fields: expected \(header.count) as in the header, found \(fields.count)")
            }
            if let index = layout.timestampIndex {
                timestamps.append(try timestamp(in: fields[index], column: header[index]))
            }
            for index in layout.valueIndices {
                values.append(try number(in: fields[index], column: header[index]))
            }
            rows += 1
        }
        guard rows > 0 else {
            throw CSVError(file: file, reason: "has a header but no data rows")
        }
        return NumericTable(
            file: file,
            columns: layout.valueIndices.map { header[$0] },
            timestamps: layout.timestampIndex == nil ? nil : timestamps,
            rows: rows,
            values: values)
    }

    /// Which fields of each row are read, and how.
    private struct Layout {
        var timestampIndex: Int?
        var valueIndices: [Int]
    }

    private mutating func readHeader() throws(CSVError) -> [String] {
        guard let line = nextLine(), !line.isEmpty else {
            throw CSVError(file: file, line: 1, reason: "missing header: the first line is empty")
        }
        try split(line)
        let names = fields.map { CSVFieldSplitter.text(of: $0, in: bytes) }
        if fields.allSatisfy({ !$0.quoted && DecimalNumber.parse(slice($0.range)) != nil }) {
            throw CSVError(
                file: file, line: 1, reason: "missing header: the first line holds numbers, not column names")
        }
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            guard !name.isEmpty else {
                throw CSVError(file: file, line: 1, reason: "column \(index + 1) of the header has no name")
            }
            if let earlier = seen[name] {
                throw CSVError(
                    file: file, line: 1, column: name,
                    reason: "duplicate column name (columns \(earlier + 1) and \(index + 1))")
            }
            seen[name] = index
        }
        return names
    }

    private func makeLayout(header: [String]) throws(CSVError) -> Layout {
        let timestampIndex = timestampColumn.flatMap { header.firstIndex(of: $0) }
        guard let selection else {
            return Layout(timestampIndex: timestampIndex, valueIndices: header.indices.filter { $0 != timestampIndex })
        }
        var valueIndices: [Int] = []
        for name in selection {
            guard let index = header.firstIndex(of: name) else {
                throw CSVError(file: file, column: name, reason: NumericCSV.missingColumnReason(available: header))
            }
            guard index != timestampIndex else {
                throw CSVError(
                    file: file, column: name, reason: "is the timestamp column and cannot be read as numbers")
            }
            guard !valueIndices.contains(index) else {
                throw CSVError(file: file, column: name, reason: "is requested more than once")
            }
            valueIndices.append(index)
        }
        return Layout(timestampIndex: timestampIndex, valueIndices: valueIndices)
    }

    /// The next line without its line end, or `nil` at the end of the file.
    private mutating func nextLine() -> Range<Int>? {
        guard position < bytes.count else { return nil }
        lineNumber += 1
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") {
            position += 1
        }
        var end = position
        if position < bytes.count { position += 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }

    private mutating func split(_ line: Range<Int>) throws(CSVError) {
        do {
            try CSVFieldSplitter.split(line, of: bytes, into: &fields)
        } catch {
            throw CSVError(file: file, line: lineNumber, reason: error.reason)
        }
    }

    private func number(in field: CSVField, column: String) throws(CSVError) -> Double {
        guard !field.range.isEmpty else {
            throw CSVError(file: file, line: lineNumber, column: column, reason: "empty cell, expected a number")
        }
        guard let value = DecimalNumber.parse(slice(field.range)) else {
            throw CSVError(file: file, line: lineNumber, column: column, reason: "\(quoted(field)) is not a number")
        }
        guard value.isFinite else {
            let kind = value.isNaN ? "NaN" : "infinite"
            throw CSVError(
                file: file, line: lineNumber, column: column,
                reason: "\(quoted(field)) is \(kind); only finite numbers are allowed")
        }
        return value
    }

    private func timestamp(in field: CSVField, column: String) throws(CSVError) -> Double {
        do {
            return try UTCTimestamp.parse(slice(field.range))
        } catch {
            throw CSVError(
                file: file, line: lineNumber, column: column,
                reason: "\(quoted(field)) is not a valid timestamp: \(error.reason)")
        }
    }

    private func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }

    /// The cell's text in quotes for a message, shortened if it is long.
    private func quoted(_ field: CSVField) -> String {
        let text = CSVFieldSplitter.text(of: field, in: bytes)
        let limit = 40
        return "\"" + (text.count > limit ? text.prefix(limit) + "…" : text) + "\""
    }
}
