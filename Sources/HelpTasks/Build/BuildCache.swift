import HelpCache
import HelpProject
import HelpSystem

/// The build cache: a component's artifacts stored under its build key (kind `builds`) with a list
/// of their hashes, and restored byte for byte after those hashes are checked.
struct BuildCache {
    let store: CacheStore
    let project: Project

    static let listName = "artifacts.json"

    /// The key of a component's build, computed where `help cache explain --action build` computes
    /// it: the component's input files (its version file among them), declared env vars, tool
    /// versions and the build command.
    func key(component: Component, environment: [String: String], runner: any ProcessRunner) throws
        -> ComponentCacheKey
    {
        try ComponentCacheKey.compute(
            component: component, project: project, action: .build, store: store,
            runner: runner, environment: environment)
    }

    /// Writes the stored artifacts of `key` into `directory` after checking each one's SHA-256
    /// against the list saved with them; nil on a miss or when anything does not match.
    func restore(key: Digest, into directory: String) -> (version: String?, artifacts: [BuildArtifact])? {
        guard let entry = store.lookup(kind: .builds, key: key), let list = entry.payload[Self.listName],
            let json = try? JSONValue.parse(list, source: "cached artifact list"),
            let items = json["artifacts"]?.array
        else { return nil }
        let fs = FileSystem()
        var artifacts: [BuildArtifact] = []
        for item in items {
            guard let name = item["name"]?.string, let sha = item["sha256"]?.string, let bytes = entry.payload[name],
                SHA256.hash(bytes).hex == sha
            else { return nil }
            artifacts.append(BuildArtifact(name: name, sha256: sha, size: bytes.count))
        }
        do {
            for artifact in artifacts {
                try fs.writeAtomically(directory + "/" + artifact.name, entry.payload[artifact.name]!)
            }
        } catch {
            return nil
        }
        return (json["version"]?.string, artifacts)
    }

    /// Stores the artifacts in `directory` under `key`.
    func save(
        key: Digest, manifest: InputManifest, version: String?, artifacts: [BuildArtifact], directory: String,
        duration: Double
    ) throws {
        var payload: [String: [UInt8]] = [:]
        for artifact in artifacts {
            payload[artifact.name] = try FileSystem().readFile(directory + "/" + artifact.name)
        }
        let list: JSONValue = ["version": .optional(version), "artifacts": .array(artifacts.map(\.json))]
        payload[Self.listName] = list.encodedBytes(.compact)
        try store.save(kind: .builds, key: key, manifest: manifest, payload: payload, duration: duration)
    }
}
