/// The units CloudWatch accepts for a data point; the raw value is CloudWatch's spelling.
public enum CloudWatchUnit: String, Sendable, Hashable {
    /// Durations.
    case seconds = "Seconds", microseconds = "Microseconds", milliseconds = "Milliseconds"
    /// Sizes in bytes.
    case bytes = "Bytes", kilobytes = "Kilobytes", megabytes = "Megabytes", gigabytes = "Gigabytes", terabytes = "Terabytes"
    /// Sizes in bits.
    case bits = "Bits", kilobits = "Kilobits", megabits = "Megabits", gigabits = "Gigabits", terabits = "Terabits"
    /// Plain quantities.
    case percent = "Percent", count = "Count"
    /// No unit (CloudWatch's `None`); named so that it cannot be mistaken for `Optional.none`.
    case unitless = "None"
    /// Rates in bytes.
    case bytesPerSecond = "Bytes/Second", kilobytesPerSecond = "Kilobytes/Second", megabytesPerSecond = "Megabytes/Second"
    /// More rates in bytes.
    case gigabytesPerSecond = "Gigabytes/Second", terabytesPerSecond = "Terabytes/Second"
    /// Rates in bits.
    case bitsPerSecond = "Bits/Second", kilobitsPerSecond = "Kilobits/Second", megabitsPerSecond = "Megabits/Second"
    /// More rates in bits.
    case gigabitsPerSecond = "Gigabits/Second", terabitsPerSecond = "Terabits/Second"
    /// Rates of counts.
    case countPerSecond = "Count/Second"
}
