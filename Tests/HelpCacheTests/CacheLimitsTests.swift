import HelpCache
import Testing

@Suite struct CacheLimitsTests {
    @Test("sizes parse with binary units and optional B suffixes")
    func sizes() {
        #expect(CacheLimits.parseSize("500M") == 500 * 1_048_576)
        #expect(CacheLimits.parseSize("2G") == 2 * 1_073_741_824)
        #expect(CacheLimits.parseSize("2GiB") == 2 * 1_073_741_824)
        #expect(CacheLimits.parseSize("10kb") == 10 * 1024)
        #expect(CacheLimits.parseSize("1.5G") == 1_610_612_736)
        #expect(CacheLimits.parseSize("123") == 123)
        #expect(CacheLimits.parseSize("") == nil)
        #expect(CacheLimits.parseSize("-1G") == nil)
        #expect(CacheLimits.parseSize("12X") == nil)
    }

    @Test("ages parse with s, m, h, d and w units")
    func ages() {
        #expect(CacheLimits.parseAge("7d") == 604_800.0)
        #expect(CacheLimits.parseAge("12h") == 43_200.0)
        #expect(CacheLimits.parseAge("30m") == 1800)
        #expect(CacheLimits.parseAge("2w") == 1_209_600.0)
        #expect(CacheLimits.parseAge("45") == 45)
        #expect(CacheLimits.parseAge("d") == nil)
        #expect(CacheLimits.parseAge("7 days") == nil)
    }

    @Test("sizes and ages past their range are refused, and no age makes the conversion trap")
    func outOfRange() {
        #expect(CacheLimits.parseAge("1000000d") == nil)
        #expect(CacheLimits.parseAge("36500d") == 36_500.0 * 86_400)
        #expect(CacheLimits.parseSize("2000000T") == nil)
        #expect(CacheLimits.parseSize("99999999999999999999999") == nil)
        #expect(CacheLimits.parseSize("1048576T") == CacheLimits.largestSize)
        #expect(CacheLimits.nanoseconds(ofAge: 1e300) == Int64(CacheLimits.longestAge * 1e9))
        #expect(CacheLimits.nanoseconds(ofAge: .infinity) > 0)
        #expect(CacheLimits.nanoseconds(ofAge: .nan) == 0)
        #expect(CacheLimits.nanoseconds(ofAge: -5) == 0)
    }

    @Test("sizes format in binary units for reports")
    func formatting() {
        #expect(CacheLimits.formatSize(80) == "80 B")
        #expect(CacheLimits.formatSize(1536) == "1.5 KiB")
        #expect(CacheLimits.formatSize(2 * 1_073_741_824) == "2.0 GiB")
    }
}
