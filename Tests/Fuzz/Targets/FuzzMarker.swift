import FuzzSupport
import HelpProject

/// PEP 508 environment markers: any text is parsed or refused, never trapped on.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarker(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? MarkerExpression.parse(FuzzInput.text(data, size))
    return 0
}
