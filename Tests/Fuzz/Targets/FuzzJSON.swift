import FuzzSupport
import HelpProject
import HelpSystem

/// JSON documents, help.json's model and pip's `list --format json`: a parsed value written out
/// parses back to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    if let value = try? JSONValue.parse(bytes) {
        let again = try? JSONValue.parse(value.encoded())
        FuzzInput.require(again == value, "JSON does not round-trip: \(value)")
    }
    _ = try? ProjectConfig.parse(bytes)
    _ = try? InstalledPackages(listJSON: FuzzInput.text(data, size), normalize: PythonRequirement.normalize)
    return 0
}
