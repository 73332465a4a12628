import FuzzSupport
import HelpProject

/// TOML documents: any text is parsed or refused with a position, never trapped on or looped on.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTOML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    if let document = try? TOMLDocument(text) {
        _ = document.value(at: ["project", "name"])
        _ = document.value(at: ["tool"])
    }
    return 0
}
