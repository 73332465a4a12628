import FuzzSupport
import HelpProject

@testable import HelpTasks

/// The places a release version is written (`"version"` in package.json, `__version__ = …`) and
/// the bump arithmetic over PEP 440 and semver: found ranges lie inside the text, and a bump of a
/// valid version is valid and not lower.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVersionPlaces(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    for found in [VersionLiteral.jsonVersion(in: text), VersionLiteral.dunderVersion(in: text)].compactMap({ $0 }) {
        FuzzInput.require(String(text[found.range]) == found.value, "the range does not hold \(found.value)")
        _ = VersionLiteral.replacing(found.range, in: text, with: "1.2.3")
    }
    let version = String(text.prefix(64))
    for kind in [ComponentKind.python, .node] where ReleaseVersion.isValid(version, kind: kind) {
        for part in ReleaseVersion.Part.allCases {
            guard let next = try? ReleaseVersion.bumped(version, part: part, kind: kind) else { continue }
            FuzzInput.require(ReleaseVersion.isValid(next, kind: kind), "\(version) bumped to invalid \(next)")
            FuzzInput.require(!ReleaseVersion.isLower(next, than: version, kind: kind), "\(version) bumped down")
        }
    }
    return 0
}
