import HelpSystem

/// PEP 735 `[dependency-groups]` and Poetry's dependency tables.
extension PyProject {
    /// One entry of a dependency group: a requirement, or `{include-group = "name"}`.
    public enum GroupEntry: Sendable, Equatable {
        case requirement(PythonRequirement)
        case include(String)
    }

    /// A Poetry dependency: `name = "^1.2"` or `name = { version = "^1.2", extras = [...], … }`.
    public struct PoetryDependency: Sendable, Equatable {
        public var name: String
        /// The version constraint in Poetry's syntax (`^1.2`, `~1.2`, `>=1,<2`, `*`), if any.
        public var constraint: String?
        public var extras: [String]
        /// `markers`, or `python` as a marker-like condition, if any.
        public var markers: String?
        public var isOptional: Bool
        /// `git`, `path` or `url` when the dependency is not from an index.
        public var source: String?
    }

    /// `[dependency-groups]`: group name -> entries, in file order.
    public func dependencyGroups() throws -> [String: [GroupEntry]] {
        var result: [String: [GroupEntry]] = [:]
        for group in document["dependency-groups"]?.table?.keys ?? [] {
            let path = ["dependency-groups", group]
            guard let items = document.value(at: path)?.array else {
                throw HelpError.badData("\(document.fileName): dependency-groups.\(group) must be an array")
            }
            result[group] = try items.map { item in
                if let include = item.table?["include-group"]?.string { return .include(include) }
                guard let text = item.string else {
                    throw HelpError.badData(
                        "\(document.fileName): dependency-groups.\(group) holds something that is neither a requirement nor {include-group = …}"
                    )
                }
                return .requirement(try PythonRequirement.parse(text))
            }
        }
        return result
    }

    /// The requirements of group `name` with its includes expanded (names compare normalized);
    /// an unknown or cyclic include is an error, as PEP 735 requires.
    public func resolvedGroup(_ name: String) throws -> [PythonRequirement] {
        let groups = try dependencyGroups()
        let byName = Dictionary(
            groups.map { (PythonRequirement.normalize($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        var result: [PythonRequirement] = []
        var visiting: [String] = []
        func expand(_ group: String) throws {
            let key = PythonRequirement.normalize(group)
            guard let entries = byName[key] else {
                throw HelpError.badData("\(document.fileName): dependency group '\(group)' does not exist")
            }
            guard !visiting.contains(key) else {
                throw HelpError.badData(
                    "\(document.fileName): dependency groups include each other: \((visiting + [key]).joined(separator: " -> "))"
                )
            }
            visiting.append(key)
            for entry in entries {
                switch entry {
                case .requirement(let requirement): result.append(requirement)
                case .include(let other): try expand(other)
                }
            }
            visiting.removeLast()
        }
        try expand(name)
        return result
    }

    /// `[tool.poetry.dependencies]` without the `python` entry.
    public var poetryDependencies: [PoetryDependency] {
        poetryTable(["tool", "poetry", "dependencies"]).filter { $0.name.lowercased() != "python" }
    }

    /// Poetry groups: `[tool.poetry.group.<name>.dependencies]`, and the older
    /// `[tool.poetry.dev-dependencies]` as `dev`.
    public var poetryGroups: [String: [PoetryDependency]] {
        var result: [String: [PoetryDependency]] = [:]
        for group in document["tool", "poetry", "group"]?.table?.keys ?? [] {
            result[group] = poetryTable(["tool", "poetry", "group", group, "dependencies"])
        }
        if document["tool", "poetry", "dev-dependencies"] != nil {
            result["dev", default: []] += poetryTable(["tool", "poetry", "dev-dependencies"])
        }
        return result
    }

    private func poetryTable(_ path: [String]) -> [PoetryDependency] {
        guard let table = document.value(at: path)?.table else { return [] }
        return table.entries.map { name, value in
            let details = value.table ?? value.array?.first?.table
            let source = ["git", "path", "url"].compactMap { details?[$0]?.string }.first
            let markers = details?["markers"]?.string ?? details?["python"]?.string.map { "python \($0)" }
            return PoetryDependency(
                name: name, constraint: value.string ?? details?["version"]?.string,
                extras: details?["extras"]?.strings ?? [], markers: markers,
                isOptional: details?["optional"]?.boolean ?? false, source: source)
        }
    }
}
