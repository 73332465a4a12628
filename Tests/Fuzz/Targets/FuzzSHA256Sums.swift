import FuzzSupport
import HelpCache

/// sha256sum check files, GNU and BSD forms, escaped names: every line is an entry or malformed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSHA256Sums(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = HashCheckFormat.parse(FuzzInput.text(data, size))
    return 0
}
