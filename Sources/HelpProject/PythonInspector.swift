/// Reads a Python component's folder: its markers, whether it is a server, and the commands that
/// test and run it.
enum PythonInspector {
    /// Files whose presence makes a folder a Python project (`.python-version` alone does not).
    static func isProject(_ names: Set<String>) -> Bool {
        names.contains("pyproject.toml") || names.contains("setup.py") || names.contains("setup.cfg")
            || names.contains("uv.lock") || names.contains { isRequirementFile($0) }
    }

    static func isRequirementFile(_ name: String) -> Bool {
        name.hasPrefix("requirements") && name.hasSuffix(".txt")
    }

    /// Requirement files for development rather than for running the component.
    static func isDevelopmentFile(_ name: String) -> Bool {
        ["dev", "test", "lint", "doc", "ci", "type"].contains { name.contains($0) }
    }

    // MARK: - Inspection

    /// Fills in kind-specific parts of `component` (whose folder is `folder`, absolute).
    static func inspect(_ component: inout Component, folder: String, entries: [FileProbe.Entry]) {
        let names = Set(entries.map(\.name))
        var markers = PythonMarkers()
        var serverEvidence: [String] = []
        markers.hasPyproject = names.contains("pyproject.toml")
        markers.hasSetupPy = names.contains("setup.py")
        markers.hasSetupCfg = names.contains("setup.cfg")
        markers.hasUVLock = names.contains("uv.lock")
        markers.hasPoetryLock = names.contains("poetry.lock")
        markers.hasAlembic = names.contains("alembic.ini")
        markers.migrationsFolder = ["migrations", "alembic"].first { name in entries.contains { $0.name == name && $0.isDirectory } }
        if let version = FileProbe.readText(FileProbe.join(folder, ".python-version"), limit: 4096) {
            markers.pythonVersion = version.split(whereSeparator: \.isNewline).first.map { String($0).trimmingBlanks() }
        }
        component.evidence.append(contentsOf: ["pyproject.toml", "setup.py", "setup.cfg", "uv.lock"].filter(names.contains).map { "\($0) present" })

        // Requirement files: runtime ones feed `dependencies`, development ones become groups.
        var files = entries.filter { !$0.isDirectory && isRequirementFile($0.name) }.map(\.name)
        if entries.contains(where: { $0.name == "requirements" && $0.isDirectory }) {
            files += FileProbe.entries(in: FileProbe.join(folder, "requirements"))
                .filter { !$0.isDirectory && $0.name.hasSuffix(".txt") }.map { "requirements/" + $0.name }
        }
        markers.requirementFiles = files
        if !files.isEmpty { component.evidence.append("\(files.joined(separator: ", ")) present") }
        for file in files {
            let dependencyNames = FileProbe.readText(FileProbe.join(folder, file)).map(PythonNames.requirementNames(inRequirementsText:)) ?? []
            if isDevelopmentFile(FileProbe.baseName(file)) {
                markers.dependencyGroups["file:" + file] = dependencyNames
            } else {
                for name in dependencyNames where !markers.dependencies.contains(name) { markers.dependencies.append(name) }
                serverEvidence += serverDependencies(in: dependencyNames).map { "\($0) in \(file)" }
            }
        }

        if markers.hasPyproject, let text = FileProbe.readText(FileProbe.join(folder, "pyproject.toml")) {
            let summary = PyprojectSummary(text: text)
            markers.usesPoetry = summary.usesPoetry
            markers.requiresPython = summary.requiresPython
            markers.scripts = summary.scripts
            for name in summary.dependencies where !markers.dependencies.contains(name) { markers.dependencies.append(name) }
            for (group, groupNames) in summary.dependencyGroups { markers.dependencyGroups[group] = groupNames }
            for (extra, extraNames) in summary.optionalDependencies { markers.dependencyGroups["extra:" + extra] = extraNames }
            serverEvidence += serverDependencies(in: summary.dependencies).map { "\($0) in pyproject.toml" }
            if summary.usesPoetry { component.evidence.append("[tool.poetry] in pyproject.toml") }
            markers.configuresPytest = summary.configuresPytest
        }

        if markers.hasAlembic { serverEvidence.insert("alembic.ini present", at: 0) }
        if let app = ASGIAppFinder.find(in: folder) {
            component.asgiApp = app.reference
            serverEvidence.insert("FastAPI( in \(app.file)", at: markers.hasAlembic ? 1 : 0)
            component.commands.run = ["uvicorn", app.reference, "--reload"] + (app.appDirectory.map { ["--app-dir", $0] } ?? [])
        }
        component.python = markers
        decideRole(&component, serverEvidence: serverEvidence, entries: entries)
        component.commands.test = testCommand(markers, entries: entries)
        if markers.mentions("ruff") { component.commands.lint = ["ruff", "check", "."] }
        else if markers.mentions("flake8") { component.commands.lint = ["flake8"] }
    }

    // MARK: - Role and commands

    private static func serverDependencies(in names: [String]) -> [String] {
        ["uvicorn", "fastapi"].filter(names.contains)
    }

    private static func decideRole(_ component: inout Component, serverEvidence: [String], entries: [FileProbe.Entry]) {
        if !serverEvidence.isEmpty {
            component.role = .server
            component.evidence += serverEvidence
        } else if let clientEvidence = ComponentDetector.clientEvidence(component.name) {
            component.role = .client
            component.evidence.append(clientEvidence)
        } else if let script = component.python?.scripts.first {
            component.role = .app
            component.evidence.append("entry point \(script) in pyproject.toml")
            component.commands.run = [script]
        } else if entries.contains(where: { $0.name == "__main__.py" }) {
            component.role = .app
            component.evidence.append("__main__.py present")
            component.commands.run = ["python", "."]
        } else {
            component.role = .library
        }
    }

    /// pytest when there is anything for it to find or a sign the project uses it.
    private static func testCommand(_ markers: PythonMarkers, entries: [FileProbe.Entry]) -> [String]? {
        let hasTests = entries.contains { entry in
            (entry.isDirectory && (entry.name == "tests" || entry.name == "test")) || entry.name == "conftest.py"
                || (entry.name.hasPrefix("test_") && entry.name.hasSuffix(".py"))
        }
        return hasTests || markers.configuresPytest || markers.mentions("pytest") ? ["pytest"] : nil
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line ends.
    func trimmingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
        return String(drop(while: isBlank).reversed().drop(while: isBlank).reversed())
    }
}
