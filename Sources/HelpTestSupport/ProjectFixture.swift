import HelpSystem

/// Small project trees for tests: a dictionary of relative path -> contents written into a
/// `TempDir`, folders created as needed.
extension TempDir {
    /// A new temporary folder holding `files`.
    public static func project(_ files: [String: String], prefix: String = "help-project") throws -> TempDir {
        let folder = TempDir(prefix: prefix)
        try folder.write(files)
        return folder
    }

    /// Writes each `relative path -> contents` pair, creating parent folders; existing files are
    /// replaced. A path ending in `/` creates an empty folder.
    public func write(_ files: [String: String]) throws {
        let fs = FileSystem()
        for (relative, contents) in files.sorted(by: { $0.key < $1.key }) {
            if relative.hasSuffix("/") {
                try fs.createDirectories(path(String(relative.dropLast())))
                continue
            }
            let target = path(relative)
            if let slash = target.lastIndex(of: "/") { try fs.createDirectories(String(target[..<slash])) }
            try fs.writeAtomically(target, Array(contents.utf8))
        }
    }

    /// The text of a file in the folder.
    public func read(_ relative: String) throws -> String {
        try FileSystem().readText(path(relative))
    }
}
