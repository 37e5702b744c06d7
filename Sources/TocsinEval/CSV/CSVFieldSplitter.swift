import Foundation

/// One field of a CSV line: a byte range of the file, and whether it was quoted.
struct CSVField {
    /// The bytes of the field, without surrounding quotes or surrounding spaces.
    var range: Range<Int>
    /// Whether the field was enclosed in double quotes (and may contain `""` escapes).
    var quoted: Bool
}

/// Splits one line of a CSV file into fields.
///
/// Fields are separated by commas. A field may be enclosed in double quotes, in which case
/// it may contain commas and `""` stands for one quote; quoted fields cannot span lines.
/// Spaces and tabs around a field are ignored.
enum CSVFieldSplitter {
    /// Why a line could not be split.
    struct Problem: Error {
        let reason: String
    }

    /// Replaces the contents of `fields` with the fields of `line` (a byte range of `bytes`
    /// without its line end). `fields` is reused to avoid an allocation per line.
    static func split(
        _ line: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>, into fields: inout [CSVField]
    ) throws(Problem) {
        fields.removeAll(keepingCapacity: true)
        var position = line.lowerBound
        while true {
            position = skipBlanks(from: position, to: line.upperBound, in: bytes)
            var field: CSVField
            if position < line.upperBound, bytes[position] == quote {
                let start = position + 1
                position = start
                while true {
                    guard position < line.upperBound else {
                        throw Problem(reason: "quoted field \(fields.count + 1) has no closing quote")
                    }
                    if bytes[position] == quote {
                        if position + 1 < line.upperBound, bytes[position + 1] == quote {
                            position += 2
                            continue
                        }
                        break
                    }
                    position += 1
                }
                field = CSVField(range: start..<position, quoted: true)
                position = skipBlanks(from: position + 1, to: line.upperBound, in: bytes)
                guard position == line.upperBound || bytes[position] == comma else {
                    throw Problem(reason: "unexpected text after the closing quote of field \(fields.count + 1)")
                }
            } else {
                let start = position
                while position < line.upperBound, bytes[position] != comma {
                    position += 1
                }
                var end = position
                while end > start, bytes[end - 1] == space || bytes[end - 1] == tab {
                    end -= 1
                }
                field = CSVField(range: start..<end, quoted: false)
            }
            fields.append(field)
            guard position < line.upperBound else { return }
            position += 1
        }
    }

    /// The text of a field, with `""` escapes of quoted fields resolved.
    static func text(of field: CSVField, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[field.range]), as: UTF8.self)
        return field.quoted ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")

    private static func skipBlanks(from start: Int, to end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var position = start
        while position < end, bytes[position] == space || bytes[position] == tab {
            position += 1
        }
        return position
    }
}
