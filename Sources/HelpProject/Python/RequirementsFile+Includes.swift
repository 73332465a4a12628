import HelpSystem

/// A requirement and the file line it came from.
public struct SourcedRequirement: Sendable, Equatable {
    public var requirement: PythonRequirement
    /// The path of the file, as reached from the top file.
    public var file: String
    public var line: Int
    /// `--hash=…` values given for it.
    public var hashes: [String]
}

/// Everything a requirements file asks for once its `-r` and `-c` includes are followed.
public struct ResolvedRequirements: Sendable, Equatable {
    /// An `-e` target or a direct URL or path, with the file naming it.
    public struct Reference: Sendable, Equatable {
        public var target: String
        public var file: String
    }

    /// A global option and its value (`--index-url` -> URL).
    public struct Option: Sendable, Equatable {
        public var name: String
        public var value: String?
    }

    public var requirements: [SourcedRequirement] = []
    /// Requirements from `-c` files: they limit versions but install nothing.
    public var constraints: [SourcedRequirement] = []
    public var editables: [Reference] = []
    public var directReferences: [Reference] = []
    /// Global options in file order, for passing on to the installer.
    public var options: [Option] = []
    /// Every file read, top file first: the inputs of a dependency stamp.
    public var files: [String] = []
    /// `-r`/`-c` targets that are URLs, which are not fetched.
    public var remoteIncludes: [String] = []
    /// Lines pip would refuse, as `file:line: reason`.
    public var problems: [String] = []
}

extension RequirementsFile {
    /// Reads `path` and the files it includes (paths relative to the including file), each once.
    /// `read` returns a file's text; a failure to read an included file, or an include cycle
    /// (which pip cannot install), becomes a `HelpError.badData` naming the including line.
    public static func resolve(path: String, read: (String) throws -> String) throws -> ResolvedRequirements {
        var result = ResolvedRequirements()
        let top = RequirementsPaths.normalize(path)
        var visited: Set<String> = [top]
        var chain = [top]
        try visit(
            path: top, text: try read(top), asConstraint: false, read: read, into: &result, visited: &visited,
            chain: &chain)
        return result
    }

    private static func visit(
        path: String, text: String, asConstraint: Bool, read: (String) throws -> String,
        into result: inout ResolvedRequirements, visited: inout Set<String>, chain: inout [String]
    ) throws {
        result.files.append(path)
        let file = RequirementsFile(text: text, path: path)
        result.problems += file.problems
        let folder = RequirementsPaths.folder(of: path)
        for line in file.lines {
            switch line.kind {
            case .requirement(let requirement, let options):
                let hashes = options.filter { $0.hasPrefix("--hash=") }.map { String($0.dropFirst(7)) }
                let sourced = SourcedRequirement(
                    requirement: requirement, file: path, line: line.number, hashes: hashes)
                if asConstraint { result.constraints.append(sourced) } else { result.requirements.append(sourced) }
            case .include(let target), .constraint(let target):
                if target.contains("://") {
                    result.remoteIncludes.append(target)
                    continue
                }
                let included = RequirementsPaths.normalize(RequirementsPaths.join(folder, target))
                if chain.contains(included) {
                    throw HelpError.badData(
                        "\(path):\(line.number): '\(target)' includes a file that includes it: \((chain + [included]).joined(separator: " -> "))",
                        hint: "remove one of the -r/-c lines that form the cycle")
                }
                guard visited.insert(included).inserted else { continue }
                let text: String
                do {
                    text = try read(included)
                } catch {
                    let reason = (error as? HelpError)?.message ?? "\(error)"
                    throw HelpError.badData(
                        "\(path):\(line.number): cannot read included file \(included): \(reason)",
                        hint: "fix or remove the '\(target)' line")
                }
                var isConstraint = asConstraint
                if case .constraint = line.kind { isConstraint = true }
                chain.append(included)
                try visit(
                    path: included, text: text, asConstraint: isConstraint, read: read, into: &result,
                    visited: &visited, chain: &chain)
                chain.removeLast()
            case .editable(let target):
                result.editables.append(.init(target: target, file: path))
            case .direct(let target, _):
                result.directReferences.append(.init(target: target, file: path))
            case .option(let name, let value):
                result.options.append(.init(name: name, value: value))
            case .blank, .comment, .invalid:
                continue
            }
        }
    }
}

/// Lexical path arithmetic for includes: joining and removing `.` and `..` without touching disk.
enum RequirementsPaths {
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func join(_ folder: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        return folder == "." ? relative : folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part != ".." || !absolute {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
