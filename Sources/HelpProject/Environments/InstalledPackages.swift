import HelpSystem

/// The distributions installed in an environment (normalized name -> name and version), read from
/// `pip list --format=json` / `uv pip list --format=json`. Taken before an install so a rollback
/// knows which packages are new and which changed version.
public struct InstalledPackages: Sendable, Equatable {
    /// One installed distribution.
    public struct Package: Sendable, Equatable {
        public var name: String
        public var version: String
        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    /// Keyed by PEP 503 normalized name.
    public var packages: [String: Package]

    public init(packages: [String: Package] = [:]) { self.packages = packages }

    /// Parses the JSON list; throws a data error when the installer printed something else.
    public init(listJSON text: String, normalize: (String) -> String) throws {
        guard let items = try JSONValue.parse(text, source: "pip list").array else {
            throw HelpError.badData("pip list did not print a JSON list")
        }
        var packages: [String: Package] = [:]
        for item in items {
            guard let name = item["name"]?.string, let version = item["version"]?.string else { continue }
            packages[normalize(name)] = Package(name: name, version: version)
        }
        self.packages = packages
    }

    /// What changed from `before` to `self`: distributions that appeared, and those whose version moved.
    public func changes(since before: InstalledPackages) -> (added: [Package], changed: [(from: Package, to: Package)])
    {
        var added: [Package] = []
        var changed: [(from: Package, to: Package)] = []
        for (key, now) in packages.sorted(by: { $0.key < $1.key }) {
            if let old = before.packages[key] {
                if old.version != now.version { changed.append((old, now)) }
            } else {
                added.append(now)
            }
        }
        return (added, changed)
    }
}
