import HelpProject
import HelpSystem

/// What mypy checks in a component, as the project configures it: with `files`, `packages` or
/// `modules` in its mypy configuration (`[tool.mypy]` in pyproject.toml, `[mypy]` in mypy.ini,
/// .mypy.ini or setup.cfg) mypy is run without targets so that configuration decides; otherwise
/// the component's own packages (`app`, `src/pkg`), never `.` with its tests, scripts and
/// migrations, unless it has no package folder at all.
enum MypyTargets {
    /// The configuration keys that name what to check.
    static let targetKeys = ["files", "packages", "modules"]

    /// mypy's arguments for the component in `folder` (empty: the configuration names the targets).
    static func arguments(folder: String, pyproject: String) -> [String] {
        if configuresTargets(folder: folder, pyproject: pyproject) { return [] }
        let packages = PythonPackageFolders.relativePaths(in: folder)
        return packages.isEmpty ? ["."] : packages
    }

    /// True when a mypy configuration of the component names its targets.
    static func configuresTargets(folder: String, pyproject: String) -> Bool {
        if let table = (try? PyProject(text: pyproject))?.document["tool", "mypy"]?.table {
            if targetKeys.contains(where: { table[$0] != nil }) { return true }
        }
        for name in ["mypy.ini", ".mypy.ini", "setup.cfg"] {
            guard let text = try? FileSystem().readText(folder + "/" + name) else { continue }
            if iniSection(text, named: "mypy").contains(where: targetKeys.contains) { return true }
        }
        return false
    }

    /// The keys of section `[name]` of an INI file.
    static func iniSection(_ text: String, named name: String) -> [String] {
        var keys: [String] = []
        var inside = false
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: " \t\r")
            if line.hasPrefix("[") {
                inside = line == "[\(name)]"
            } else if inside, !line.hasPrefix("#"), !line.hasPrefix(";"), let equals = line.firstIndex(of: "=") {
                keys.append(line[..<equals].trimmingCharacters(in: " \t"))
            }
        }
        return keys
    }
}
