import HelpCache
import HelpSystem

/// `dist/SHA256SUMS` (the sha256sum format, so `cd dist && sha256sum -c SHA256SUMS` checks every
/// artifact) and `dist/manifest.json`, both written atomically after every build. Components not
/// built in this run keep their entries from the last manifest while their files are still there.
public enum DistIndex {
    public static let sumsName = "SHA256SUMS"
    public static let manifestName = "manifest.json"

    /// Writes both files for `results` into `dist`, keeping other components' earlier entries.
    public static func write(_ results: [BuildResult], dist: String) throws {
        let fs = FileSystem()
        var entries = previousEntries(dist: dist, except: Set(results.map(\.component)))
        for result in results where result.status == .built || result.status == .restored {
            for artifact in result.artifacts {
                entries.append([
                    "component": .string(result.component), "version": .optional(result.version),
                    "artifact": .string(result.component + "/" + artifact.name), "sha256": .string(artifact.sha256),
                    "size": .int(artifact.size), "cache_key": .optional(result.cacheKey),
                    "status": .string(result.status.rawValue),
                ])
            }
        }
        entries.sort { ($0["artifact"]?.string ?? "") < ($1["artifact"]?.string ?? "") }
        var sums = ""
        for entry in entries {
            guard let name = entry["artifact"]?.string,
                let digest = entry["sha256"]?.string.flatMap({ Digest(hex: $0) })
            else { continue }
            sums += HashCheckFormat.line(digest: digest, name: name, binary: true) + "\n"
        }
        try fs.createDirectories(dist)
        try fs.writeAtomically(dist + "/" + sumsName, Array(sums.utf8))
        let manifest: JSONValue = ["artifacts": .array(entries)]
        try fs.writeAtomically(dist + "/" + manifestName, Array((manifest.encoded(.pretty) + "\n").utf8))
    }

    /// The entries of the last manifest for components outside `except` whose files still exist.
    static func previousEntries(dist: String, except: Set<String>) -> [JSONValue] {
        let fs = FileSystem()
        guard let text = try? fs.readText(dist + "/" + manifestName),
            let items = (try? JSONValue.parse(text, source: manifestName))?["artifacts"]?.array
        else { return [] }
        return items.filter { item in
            guard let component = item["component"]?.string, let artifact = item["artifact"]?.string else {
                return false
            }
            return !except.contains(component) && fs.exists(dist + "/" + artifact)
        }
    }
}
