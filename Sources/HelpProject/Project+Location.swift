import HelpSystem

/// Which component a folder of the project belongs to, so a command run from inside a component's
/// folder works on that component, as git works from a subfolder.
extension Project {
    /// The component whose folder holds `folder` (the deepest one; symlinks resolved on both
    /// sides); nil at the root, outside the project, or in a folder no component owns. The root
    /// component (`.`) never answers: standing at the root means the whole project.
    public func component(containing folder: String) -> Component? {
        let fs = FileSystem()
        let place = fs.realPath(folder) ?? folder
        let owners = components.filter { component in
            guard component.path != "." else { return false }
            let home = fs.realPath(self.folder(of: component)) ?? self.folder(of: component)
            return place == home || place.hasPrefix(home + "/")
        }
        return owners.max { $0.path.count < $1.path.count }
    }
}
