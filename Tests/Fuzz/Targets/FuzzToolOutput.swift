import FuzzSupport
import HelpProject
import HelpTasks

/// What we read out of tools: pytest's, coverage.py's, `node --test`'s and `swift test`'s closing
/// lines, and a wheel's METADATA / an sdist's PKG-INFO headers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzToolOutput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    _ = TestOutputParser.pytest(text)
    _ = TestOutputParser.coverageTotal(text)
    _ = TestOutputParser.node(text)
    _ = TestOutputParser.swift(text)
    let metadata = PackageMetadata(text: text)
    _ = metadata.value("Version")
    return 0
}
