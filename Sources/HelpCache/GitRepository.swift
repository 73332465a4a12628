#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a folder's git repository is, and which files outside the work tree decide what
/// `git ls-files` prints: the index, `info/exclude`, the config files and the global ignore file.
struct GitRepository {
    /// The work tree's top folder (holding `.git`).
    var top: String
    /// The `.git` folder; nil when `.git` is a file (linked worktrees, submodules), whose layout
    /// the listing cache does not follow.
    var gitDirectory: String?

    /// The repository containing `folder` (absolute, resolved), or nil outside git.
    static func containing(_ folder: String) -> GitRepository? {
        var current = folder
        while true {
            var info = stat()
            if lstat(current + "/.git", &info) == 0 {
                let isFolder = info.st_mode & S_IFMT == S_IFDIR
                return GitRepository(top: current, gitDirectory: isFolder ? current + "/.git" : nil)
            }
            guard current != "/", let slash = current.lastIndex(of: "/") else { return nil }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
    }

    /// Variables that point git elsewhere or inject configuration; with any of them set the
    /// listing is always asked from git.
    static let redirectingVariables = [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_CONFIG", "GIT_CONFIG_GLOBAL",
        "GIT_CONFIG_SYSTEM", "GIT_CONFIG_NOSYSTEM", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT",
    ]

    static var environmentRedirects: Bool {
        redirectingVariables.contains { getenv($0) != nil }
    }

    /// Files whose change may change the listing of `folder`: repository files, user and system
    /// config and ignore files, and the `.gitignore` of every folder from the top down to `folder`.
    func watchedFiles(for folder: String) -> [String] {
        guard let gitDirectory else { return [] }
        var files = [
            gitDirectory + "/index", gitDirectory + "/info/exclude", gitDirectory + "/config", "/etc/gitconfig",
        ]
        let home = getenv("HOME").map { String(cString: $0) }
        let xdg = getenv("XDG_CONFIG_HOME").map { String(cString: $0) } ?? home.map { $0 + "/.config" }
        if let home { files.append(home + "/.gitconfig") }
        if let xdg { files += [xdg + "/git/config", xdg + "/git/ignore"] }
        var ancestor = top
        files.append(ancestor + "/.gitignore")
        for part in folder.dropFirst(top.count).split(separator: "/").dropLast() {
            ancestor += "/" + part
            files.append(ancestor + "/.gitignore")
        }
        return files
    }
}
