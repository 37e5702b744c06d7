import TocsinCore
import Testing
import TocsinEval

@Suite struct UTCTimestampTests {
    @Test func parsesCalendarDatesAsEpochSeconds() {
        #expect(UTCTimestamp.parse("1970-01-01 00:00:00") == 0)
        #expect(UTCTimestamp.parse("1969-12-31 23:59:59") == -1)
        #expect(UTCTimestamp.parse("2000-02-29 12:00:00") == 951_825_600)
        #expect(UTCTimestamp.parse("2014-04-10 07:15:00.000000") == 1_397_114_100)
        #expect(UTCTimestamp.parse("2014-04-10T07:15:00Z") == 1_397_114_100)
        #expect(UTCTimestamp.parse("2014-04-10 07:15:00.25") == 1_397_114_100.25)
        #expect(UTCTimestamp.parse("0000-01-01 00:00:00") == -62_167_219_200)
        #expect(UTCTimestamp.parse("9999-12-31 23:59:59") == 253_402_300_799)
        #expect(UTCTimestamp.parse("1397114100") == 1_397_114_100)
    }

    @Test func checksTheCalendar() {
        #expect(UTCTimestamp.parse("2016-02-29 00:00:00") != nil)
        #expect(UTCTimestamp.parse("1900-02-29 00:00:00") == nil)
        #expect(UTCTimestamp.parse("2014-04-31 00:00:00") == nil)
        #expect(UTCTimestamp.parse("2014-04-30 23:59:60") == nil)
        #expect(UTCTimestamp.parse("2014-04-30 23:60:00") == nil)
        #expect(UTCTimestamp.parse("2014-00-10 00:00:00") == nil)
        #expect(UTCTimestamp.parse("2014-04-10 07:15:00+01:00") == nil)
        #expect(UTCTimestamp.parse("1e300") == nil)
        #expect(UTCTimestamp.parse("") == nil)
    }

    @Test func formatsEpochSecondsAndRoundTrips() {
        #expect(UTCTimestamp.format(0) == "1970-01-01 00:00:00")
        #expect(UTCTimestamp.format(-1) == "1969-12-31 23:59:59")
        #expect(UTCTimestamp.format(1_397_114_100) == "2014-04-10 07:15:00")
        #expect(UTCTimestamp.format(1_397_114_100.25) == "2014-04-10 07:15:00.250000")
        #expect(UTCTimestamp.format(1e300) == "1e+300")
        var seconds = -62_167_219_200.0
        while seconds < 253_402_300_799 {
            let text = UTCTimestamp.format(seconds)
            #expect(UTCTimestamp.parse(text) == seconds, "\(text)")
            seconds += 86_400 * 97 + 3_607
        }
    }
}
