import HelpSystem

extension TemplateLocator {
    /// The example files a project may keep beside its `.env`, in the order they are looked for.
    public static let exampleNames = [".env.example", ".env.template", ".env.sample"]

    /// The project's own example configuration: the first of `exampleNames` in the component's
    /// folder, then at the project root; nil when there is none. It stands for the environment
    /// `name` in messages.
    public func exampleTemplate(named name: String, componentFolder: String, root: String) throws -> EnvTemplate? {
        var folders: [(String, EnvTemplateSource.Origin)] = [(componentFolder, .component)]
        if componentFolder != root { folders.append((root, .project)) }
        for (folder, origin) in folders {
            for file in Self.exampleNames where isFile(folder + "/" + file) {
                let path = folder + "/" + file
                guard let text = readText(path) else { throw HelpError.io("cannot read \(path)") }
                return try EnvTemplate.parse(text, source: EnvTemplateSource(name: name, origin: origin, path: path))
            }
        }
        return nil
    }
}
