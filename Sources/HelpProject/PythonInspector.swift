import HelpSystem

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
        markers.migrationsFolder = ["migrations", "alembic"].first { name in
            entries.contains { $0.name == name && $0.isDirectory }
        }
        if let text = FileProbe.readText(FileProbe.join(folder, ".python-version"), limit: 4096) {
            markers.pythonVersion = PythonVersionFile(text: text).primary
        }
        component.evidence.append(
            contentsOf: ["pyproject.toml", "setup.py", "setup.cfg", "uv.lock"].filter(names.contains).map {
                "\($0) present"
            })

        // Requirement files: runtime ones feed `dependencies`, development ones become groups.
        var files = entries.filter { !$0.isDirectory && isRequirementFile($0.name) }.map(\.name)
        if entries.contains(where: { $0.name == "requirements" && $0.isDirectory }) {
            files += FileProbe.entries(in: FileProbe.join(folder, "requirements"))
                .filter { !$0.isDirectory && $0.name.hasSuffix(".txt") }.map { "requirements/" + $0.name }
        }
        markers.requirementFiles = files
        if !files.isEmpty { component.evidence.append("\(files.joined(separator: ", ")) present") }
        for file in files {
            let dependencyNames =
                FileProbe.readText(FileProbe.join(folder, file)).map(
                    PythonMarkers.requirementNames(inRequirementsText:)) ?? []
            if isDevelopmentFile(FileProbe.baseName(file)) {
                markers.dependencyGroups["file:" + file] = dependencyNames
            } else {
                for name in dependencyNames where !markers.dependencies.contains(name) {
                    markers.dependencies.append(name)
                }
                serverEvidence += serverDependencies(in: dependencyNames).map { "\($0) in \(file)" }
            }
        }

        if markers.hasPyproject, let text = FileProbe.readText(FileProbe.join(folder, "pyproject.toml")) {
            var problems: [String] = []
            do {
                let runtime = markers.read(try PyProject(text: text), problems: &problems)
                serverEvidence += serverDependencies(in: runtime).map { "\($0) in pyproject.toml" }
                if markers.usesPoetry { component.evidence.append("[tool.poetry] in pyproject.toml") }
            } catch {
                problems.append((error as? HelpError)?.message ?? "\(error)")
            }
            component.evidence += problems.map { "left out: \($0)" }
        }

        if markers.hasAlembic { serverEvidence.insert("alembic.ini present", at: 0) }
        if let app = ASGIAppFinder.find(in: folder) {
            component.asgiApp = app.reference
            serverEvidence.insert("FastAPI( in \(app.file)", at: markers.hasAlembic ? 1 : 0)
            component.commands.run =
                ["uvicorn", app.reference, "--reload"] + (app.appDirectory.map { ["--app-dir", $0] } ?? [])
        }
        component.python = markers
        decideRole(&component, serverEvidence: serverEvidence, entries: entries)
        component.commands.test = testCommand(markers, entries: entries)
        if markers.mentions("ruff") {
            component.commands.lint = ["ruff", "check", "."]
        } else if markers.mentions("flake8") {
            component.commands.lint = ["flake8"]
        }
    }

    // MARK: - Role and commands

    private static func serverDependencies(in names: [String]) -> [String] {
        ["uvicorn", "fastapi"].filter(names.contains)
    }

    /// The role, and for an app the command that runs its entry point (a script, else `__main__.py`).
    private static func decideRole(_ component: inout Component, serverEvidence: [String], entries: [FileProbe.Entry]) {
        let script = component.python?.scripts.first
        let hasMain = entries.contains { $0.name == "__main__.py" }
        let appEvidence =
            script.map { "entry point \($0) in pyproject.toml" } ?? (hasMain ? "__main__.py present" : nil)
        guard ComponentDetector.assignRole(&component, serverEvidence: serverEvidence, appEvidence: appEvidence) == .app
        else { return }
        component.commands.run = script.map { [$0] } ?? ["python", "."]
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
