/// One thing handed to `pip install` / `uv pip install`: a requirements file, a constraints file,
/// an editable project (with extras) or a single PEP 508 requirement.
public enum InstallArgument: Sendable, Hashable, CustomStringConvertible {
    case requirementsFile(String)
    case constraintsFile(String)
    case editable(String, extras: [String])
    case requirement(String)

    /// The argv words for pip and uv (they agree on these spellings).
    public var words: [String] {
        switch self {
        case .requirementsFile(let path): return ["-r", path]
        case .constraintsFile(let path): return ["-c", path]
        case .editable(let path, let extras):
            return ["-e", extras.isEmpty ? path : path + "[" + extras.joined(separator: ",") + "]"]
        case .requirement(let text): return [text]
        }
    }

    public var description: String { words.joined(separator: " ") }
}
