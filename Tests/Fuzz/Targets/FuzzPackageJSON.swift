import FuzzSupport
import HelpProject
import HelpSystem

#if canImport(Glibc)
    import Glibc
#endif

/// package.json as component detection reads it (scripts, dependencies, bin, role): written into a
/// scratch component folder and read by the same code `help components` runs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPackageJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let folder = PackageJSONScratch.folder
    try? FileSystem().writeAtomically(folder + "/web/package.json", FuzzInput.bytes(data, size))
    _ = try? Project.load(from: folder)
    return 0
}

/// One scratch project per fuzzing process, removed by the script afterwards.
enum PackageJSONScratch {
    static let folder: String = {
        let base = (getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp") + "/help-fuzz-\(getpid())"
        try? FileSystem().createDirectories(base + "/web")
        try? FileSystem().writeAtomically(base + "/help.json", Array("{}\n".utf8))
        return base
    }()
}
