import FuzzSupport
import HelpProject

/// PEP 440 versions and specifier sets: a parsed version prints as one that compares equal, and a
/// parsed specifier set can be asked about that version without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPEP440(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    let version = PythonVersion(text)
    if let version {
        let again = PythonVersion(version.description)
        FuzzInput.require(again == version, "\(text) -> \(version) does not parse back equal")
    }
    if let specifiers = try? SpecifierSet(text) {
        _ = specifiers.contains(version ?? PythonVersion("1.0")!)
        _ = specifiers.filter([PythonVersion("0.1")!, PythonVersion("2.0rc1")!])
    }
    let halves = text.split(separator: ";", maxSplits: 1)
    if halves.count == 2, let left = PythonVersion(String(halves[0])), let right = PythonVersion(String(halves[1])) {
        FuzzInput.require((left < right) != (right < left) || left == right, "ordering of \(left) and \(right)")
    }
    return 0
}
