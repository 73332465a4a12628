import CHelpSHA
import HelpSystem

/// The on-disk format version of `.helpcache/`; a different version is a miss, never a misread.
public enum CacheFormat {
    public static let version = 1
}
