import HelpSystem

/// Kubernetes manifests (`Templates/k8s/NAME.yaml`), found like the env templates: the project's
/// own `Templates/k8s/` wins, then the folder shipped with `help`, then the built-in copy.
extension TemplateLocator {
    /// A manifest's text and where it came from.
    public struct Manifest: Sendable, Equatable {
        public var text: String
        public var source: EnvTemplateSource

        /// The text with every `{{name}}` replaced by its value.
        public func filled(_ values: [String: String]) -> String {
            var result = text
            for (name, value) in values.sorted(by: { $0.key < $1.key }) {
                result = result.split(separator: "{{\(name)}}", omittingEmptySubsequences: false)
                    .joined(separator: value)
            }
            return result
        }
    }

    /// The manifest `name` for the project at `root` (nil outside a project).
    public func manifest(named name: String, root: String?) throws -> Manifest {
        var folders: [(String, EnvTemplateSource.Origin)] = []
        if let root { folders.append((root + "/Templates/k8s", .project)) }
        if let tool = toolTemplatesDirectory() { folders.append((tool + "/k8s", .tool)) }
        for (folder, origin) in folders where isFile(folder + "/" + name + ".yaml") {
            let path = folder + "/" + name + ".yaml"
            guard let text = readText(path) else { throw HelpError.io("cannot read the manifest \(path)") }
            return Manifest(text: text, source: EnvTemplateSource(name: name, origin: origin, path: path))
        }
        guard let text = EmbeddedManifests.text(named: name) else {
            throw HelpError.usage("no Kubernetes manifest named \(JSONValue.quoted(name))")
        }
        return Manifest(text: text, source: EnvTemplateSource(name: name, origin: .builtIn, path: nil))
    }
}
