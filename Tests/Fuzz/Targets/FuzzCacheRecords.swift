import FuzzSupport
import HelpSystem

@testable import HelpCache
@testable import HelpTasks

/// The cache's own binary files as a torn write or a disk error may leave them: entry records,
/// input manifests, the stat cache and dependency stamps decode or are refused (a miss), never
/// trapped on.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCacheRecords(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    _ = try? EntryRecord.decode(bytes)
    _ = try? InputManifest.decode(bytes)
    _ = try? StatCache.decode(bytes)
    _ = DependencyStamp.parse(FuzzInput.text(data, size))
    return 0
}
