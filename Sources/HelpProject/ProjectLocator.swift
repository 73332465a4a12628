import HelpSystem

/// Finds the project root from the folder `help` starts in (the current directory or `-C DIR`):
/// the nearest folder upwards holding `help.json`, else the nearest holding `.git`, else the start
/// folder itself. Only stats files; git is never run.
public enum ProjectLocator {
    /// The name of the optional project file at the root.
    public static let configFileName = "help.json"

    /// The root for `start` (relative paths are taken from the current directory). A `help.json`
    /// is looked for only up to the enclosing repository's root: one outside the repository belongs
    /// to something else. Throws a usage error when `start` is not a folder.
    public static func locate(from start: String? = nil) throws -> ProjectRoot {
        let startFolder = FileProbe.absolute(start ?? FileProbe.currentDirectory())
        guard FileProbe.isDirectory(startFolder) else {
            throw HelpError.usage("no such folder: \(start ?? startFolder)", hint: "give -C an existing folder")
        }
        var folder: String? = startFolder
        while let current = folder {
            if FileProbe.isFile(FileProbe.join(current, configFileName)) {
                return ProjectRoot(path: current, discovery: .helpJSON)
            }
            // `.git` is a folder in a clone and a file in a worktree or submodule.
            if FileProbe.exists(FileProbe.join(current, ".git")) {
                return ProjectRoot(path: current, discovery: .git)
            }
            folder = FileProbe.parent(of: current)
        }
        return ProjectRoot(path: startFolder, discovery: .startFolder)
    }
}
