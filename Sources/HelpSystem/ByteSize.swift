/// Byte counts for people: `1.5 GiB`, `320.0 MiB`, `12.0 KiB`, `80 B` (reports, download progress).
public enum ByteSize {
    /// `bytes` in the largest binary unit that keeps the number at or above 1, one decimal.
    public static func format(_ bytes: UInt64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) B" }
        let rounded = (value * 10).rounded() / 10
        return "\(rounded) \(units[unit])"
    }
}
