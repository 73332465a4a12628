import FuzzSupport
import HelpProject

/// PEP 508 requirement lines, the install argument form of them and npm package specs: any text is
/// parsed or refused, and a parsed requirement prints as a line that parses to the same name.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequirement(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    if let requirement = try? PythonRequirement.parse(text) {
        let again = try? PythonRequirement.parse(requirement.description)
        FuzzInput.require(again?.name == requirement.name, "\(requirement) does not parse back")
    }
    _ = try? PythonRequirement.parseUserInput(text)
    _ = try? NodePackageSpec.parseUserInput(text)
    return 0
}
