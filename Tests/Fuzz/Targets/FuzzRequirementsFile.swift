import FuzzSupport
import HelpProject

/// requirements.txt files (options, includes, continuations, comments): every line is classified and
/// the file's text comes back unchanged from its lines.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequirementsFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = RequirementsFile(text: FuzzInput.text(data, size))
    FuzzInput.require(file.text == FuzzInput.text(data, size), "the lines do not give back the file")
    _ = (file.requirements.count, file.problems, file.usesHashes)
    return 0
}
