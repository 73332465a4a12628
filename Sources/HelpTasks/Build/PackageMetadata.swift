import HelpProject
import HelpSystem

/// The core metadata of a Python distribution (a wheel's METADATA, an sdist's PKG-INFO): RFC 822
/// style headers, compared with the pyproject.toml the artifact was built from.
public struct PackageMetadata: Sendable, Equatable {
    /// Header name → its values in order (Requires-Dist repeats).
    public var headers: [String: [String]] = [:]

    /// Reads the header block (up to the first empty line); indented lines continue the previous value.
    public init(text: String) {
        var last: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.isEmpty { break }
            if line.first == " " || line.first == "\t", let last, var values = headers[last], !values.isEmpty {
                values[values.count - 1] += "\n" + line
                headers[last] = values
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon])
            let value = String(line[line.index(after: colon)...]).drop { $0 == " " }
            headers[name, default: []].append(String(value))
            last = name
        }
    }

    public func value(_ name: String) -> String? { headers[name]?.first }

    /// The differences from `pyproject` (Name, Version, Requires-Python, Requires-Dist without
    /// extras), one phrase each; empty when they agree. `file` names the artifact in the phrases.
    public func mismatches(with pyproject: PyProject, file: String) -> [String] {
        var problems: [String] = []
        if let name = pyproject.name,
            PythonRequirement.normalize(value("Name") ?? "") != PythonRequirement.normalize(name)
        {
            problems.append("\(file): Name is '\(value("Name") ?? "")', pyproject.toml says '\(name)'")
        }
        if let version = pyproject.version, Self.normalized(value("Version") ?? "") != Self.normalized(version) {
            problems.append("\(file): Version is '\(value("Version") ?? "")', pyproject.toml says '\(version)'")
        }
        let declaredPython = pyproject.requiresPython.flatMap { try? SpecifierSet($0).description }
        let builtPython = value("Requires-Python").flatMap { try? SpecifierSet($0).description }
        if declaredPython != builtPython {
            problems.append(
                "\(file): Requires-Python is '\(value("Requires-Python") ?? "none")', "
                    + "pyproject.toml says '\(pyproject.requiresPython ?? "none")'")
        }
        let declared = Set(((try? pyproject.dependencies()) ?? []).map(Self.canonical))
        let built = Set(
            (headers["Requires-Dist"] ?? []).compactMap { try? PythonRequirement.parse($0) }
                .filter { !($0.marker?.description.contains("extra") ?? false) }.map(Self.canonical))
        for missing in declared.subtracting(built).sorted() {
            problems.append("\(file): Requires-Dist lacks '\(missing)' from pyproject.toml")
        }
        for extra in built.subtracting(declared).sorted() {
            problems.append("\(file): Requires-Dist has '\(extra)', which pyproject.toml does not declare")
        }
        return problems
    }

    /// A requirement in a spelling that ignores formatting: normalized name, sorted extras and specifiers.
    static func canonical(_ requirement: PythonRequirement) -> String {
        var text = requirement.normalizedName
        if !requirement.extras.isEmpty {
            text += "[" + requirement.extras.map(PythonRequirement.normalize).sorted().joined(separator: ",") + "]"
        }
        if let url = requirement.url { text += " @ " + url } else { text += requirement.specifier.description }
        if let marker = requirement.marker { text += "; " + marker.description }
        return text
    }

    /// The PEP 440 normal form of a version (`1.0.0-RC1` → `1.0.0rc1`), or the text as given.
    public static func normalized(_ version: String) -> String {
        PythonVersion(version)?.description ?? version
    }

    /// The PEP 427 spelling of a project name in artifact file names: runs of `-_.` as `_`, lower case.
    public static func fileName(_ name: String) -> String {
        PythonRequirement.normalize(name).replacingDashes
    }
}

extension String {
    /// `-` replaced by `_`.
    var replacingDashes: String { String(map { $0 == "-" ? "_" : $0 }) }
}
