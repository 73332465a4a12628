import HelpSystem

/// Adding, replacing and removing a requirement in one of pyproject's dependency lists, keeping the
/// file's formatting and comments; the other bytes of the file stay as they were.
extension PyProject {
    /// The dependency lists `help install` writes to.
    public enum DependencyList: Sendable, Equatable, CustomStringConvertible {
        /// `[project] dependencies`
        case project
        /// `[project.optional-dependencies] <extra>`
        case optional(String)
        /// `[dependency-groups] <group>` (PEP 735)
        case group(String)
        /// `[tool.poetry.dependencies]`, or `[tool.poetry.group.<name>.dependencies]`
        case poetry(group: String?)

        public var description: String {
            switch self {
            case .project: return "[project] dependencies"
            case .optional(let extra): return "[project.optional-dependencies] \(extra)"
            case .group(let group): return "[dependency-groups] \(group)"
            case .poetry(nil): return "[tool.poetry.dependencies]"
            case .poetry(let group?): return "[tool.poetry.group.\(group).dependencies]"
            }
        }
    }

    /// What an edit did.
    public enum Change: Sendable, Equatable {
        case added
        /// Replaced the entry written as `previous`.
        case replaced(previous: String)
        case unchanged
    }

    /// Puts `requirement` in `list`: replaces the entry for the same name in place, or adds it in the
    /// list's style; creates the list (and its table) when missing.
    public func upserting(_ requirement: PythonRequirement, in list: DependencyList) throws -> (PyProject, Change) {
        if case .poetry(let group) = list { return try upsertingPoetry(requirement, group: group) }
        let path = arrayPath(list)
        let (document, change) = try document.upsertingString(requirement.description, inArrayAt: path) { text in
            (try? PythonRequirement.parse(text))?.normalizedName == requirement.normalizedName
        }
        switch change {
        case .added: return (PyProject(document: document), .added)
        case .replaced(let previous): return (PyProject(document: document), .replaced(previous: previous))
        case .unchanged: return (self, .unchanged)
        }
    }

    /// Removes every entry for `name` (any spelling) from `list`; returns how many went.
    public func removing(_ name: String, from list: DependencyList) throws -> (PyProject, Int) {
        let normalized = PythonRequirement.normalize(name)
        if case .poetry(let group) = list {
            let table = poetryTablePath(group)
            guard
                let key = document.value(at: table)?.table?.keys.first(where: {
                    PythonRequirement.normalize($0) == normalized
                })
            else {
                return (self, 0)
            }
            return (PyProject(document: try document.removingEntry(at: table + [key])), 1)
        }
        let (document, count) = try document.removingStrings(inArrayAt: arrayPath(list)) { text in
            (try? PythonRequirement.parse(text))?.normalizedName == normalized
        }
        return (PyProject(document: document), count)
    }

    // MARK: - Paths

    /// The array a list lives in; extra and group names match existing keys in any spelling.
    private func arrayPath(_ list: DependencyList) -> [String] {
        switch list {
        case .project:
            return ["project", "dependencies"]
        case .optional(let extra):
            return ["project", "optional-dependencies", existingKey(extra, in: ["project", "optional-dependencies"])]
        case .group(let group):
            return ["dependency-groups", existingKey(group, in: ["dependency-groups"])]
        case .poetry(let group):
            return poetryTablePath(group)
        }
    }

    private func poetryTablePath(_ group: String?) -> [String] {
        guard let group else { return ["tool", "poetry", "dependencies"] }
        let name = existingKey(group, in: ["tool", "poetry", "group"])
        if PythonRequirement.normalize(group) == "dev", document["tool", "poetry", "group", name] == nil,
            document["tool", "poetry", "dev-dependencies"] != nil
        {
            return ["tool", "poetry", "dev-dependencies"]
        }
        return ["tool", "poetry", "group", name, "dependencies"]
    }

    private func existingKey(_ name: String, in tablePath: [String]) -> String {
        let keys = document.value(at: tablePath)?.table?.keys ?? []
        return keys.first { PythonRequirement.normalize($0) == PythonRequirement.normalize(name) } ?? name
    }

    // MARK: - Poetry

    private func upsertingPoetry(_ requirement: PythonRequirement, group: String?) throws -> (PyProject, Change) {
        let table = poetryTablePath(group)
        let constraint = requirement.specifier.specifiers.isEmpty ? "*" : requirement.specifier.description
        let plain = requirement.extras.isEmpty && requirement.marker == nil && requirement.url == nil
        let key = document.value(at: table)?.table?.keys.first {
            PythonRequirement.normalize($0) == requirement.normalizedName
        }
        if let key, let existing = document.value(at: table + [key]) {
            if plain, existing.table?["version"] != nil {
                if existing.table?["version"]?.string == constraint { return (self, .unchanged) }
                let edited = try document.replacingValue(
                    at: table + [key, "version"], with: TOMLText.quote(constraint))
                return (
                    PyProject(document: edited),
                    .replaced(previous: "\(key) = \(document.sourceText(at: table + [key]) ?? "")")
                )
            }
            if plain, existing.string == constraint { return (self, .unchanged) }
        }
        let previous = key.flatMap { key in document.sourceText(at: table + [key]).map { "\(key) = \($0)" } }
        let (edited, _) = try document.settingValue(
            poetryValue(requirement, constraint: constraint),
            forKey: requirement.name, inTable: table
        ) {
            PythonRequirement.normalize($0) == requirement.normalizedName
        }
        return (PyProject(document: edited), previous.map { .replaced(previous: $0) } ?? .added)
    }

    /// `"^1.0"`, or an inline table when extras, markers or a URL are involved.
    private func poetryValue(_ requirement: PythonRequirement, constraint: String) -> String {
        var fields: [String] = []
        if let url = requirement.url {
            fields.append(
                url.hasPrefix("git+")
                    ? "git = \(TOMLText.quote(String(url.dropFirst(4))))" : "url = \(TOMLText.quote(url))")
        } else if requirement.extras.isEmpty, requirement.marker == nil {
            return TOMLText.quote(constraint)
        } else {
            fields.append("version = \(TOMLText.quote(constraint))")
        }
        if !requirement.extras.isEmpty {
            fields.append("extras = [" + requirement.extras.map(TOMLText.quote).joined(separator: ", ") + "]")
        }
        if let marker = requirement.marker { fields.append("markers = \(TOMLText.quote(marker.description))") }
        return "{ " + fields.joined(separator: ", ") + " }"
    }
}
