import HelpSystem

/// The on-disk format of `.helpcache/`: one version for the whole store plus the magic numbers that
/// open each binary file. A different version is a miss, never a misread.
public enum CacheFormat {
    /// Bumped whenever any file layout or the key encoding changes; written to `.helpcache/VERSION`
    /// and folded into every cache key.
    public static let version: UInt32 = 1

    /// The folder name under a project root.
    public static let folderName = CacheFolder.name

    // MARK: - Magic numbers (the first four bytes of each binary file)

    /// Stat cache files under `state/`.
    static let statCacheMagic = magic("HCST")
    /// An entry's input manifest.
    static let manifestMagic = magic("HCMF")
    /// An entry's record: duration, times, payload list.
    static let entryMagic = magic("HCEN")
    /// A folder's remembered `git ls-files` listing under `state/`.
    static let gitListingMagic = magic("HCGL")
    /// The store's hit/miss counters.
    static let statsMagic = magic("HCSS")

    private static func magic(_ text: StaticString) -> UInt32 {
        precondition(text.utf8CodeUnitCount == 4)
        let p = text.utf8Start
        return UInt32(p[0]) | UInt32(p[1]) << 8 | UInt32(p[2]) << 16 | UInt32(p[3]) << 24
    }
}
