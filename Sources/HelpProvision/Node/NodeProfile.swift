import HelpSystem

/// What every node of a cluster must agree on, recorded where the Ray head runs
/// (`help cluster profile`) and handed to `help setup-node --profile FILE`: the exact Ray and
/// Python versions (a worker with other versions is refused by the head), the head's address,
/// the auth mode, the repository and ref, and download pins. Never a secret.
public struct NodeProfile: Sendable, Equatable {
    public var rayVersion: String?
    public var pythonVersion: String?
    /// `HOST:PORT` of the Ray head (its Tailscale IP when it has one).
    public var headAddress: String?
    /// `token` when the head requires `RAY_AUTH_TOKEN`, else `none`.
    public var authMode: String?
    public var repository: String?
    public var ref: String?
    public var tailscaleVersion: String?
    /// `name/platform` (`miniforge/linux-x86_64`, `tailscale-install/any`) to a URL and its SHA-256.
    public var pins: [String: DownloadPin] = [:]

    public init() {}

    /// A URL with the SHA-256 its file must have.
    public struct DownloadPin: Sendable, Equatable {
        public var url: String
        public var sha256: String

        public init(url: String, sha256: String) {
            self.url = url
            self.sha256 = sha256
        }
    }

    /// The pin for `name` on `platform` (or for every platform, `any`).
    public func pin(_ name: String, platform: String) -> DownloadPin? {
        pins[name + "/" + platform] ?? pins[name + "/any"]
    }

    // MARK: - Files

    /// Reads a profile file; an unreadable or malformed one is exit 65 naming it.
    public static func load(_ path: String, fileSystem: FileSystem) throws -> NodeProfile {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.readFile(path)
        } catch {
            throw HelpError.badData(
                "cannot read the cluster profile \(path)", hint: "Give the file `help cluster profile` wrote.")
        }
        let value = try JSONValue.parse(bytes, source: path)
        guard value.object != nil else {
            throw HelpError.badData(
                "\(path): a cluster profile is a JSON object", hint: "Write it with `help cluster profile`.")
        }
        var profile = NodeProfile()
        profile.rayVersion = value["ray_version"]?.string
        profile.pythonVersion = value["python_version"]?.string
        profile.headAddress = value["head_address"]?.string
        profile.authMode = value["auth_mode"]?.string
        profile.repository = value["repository"]?.string
        profile.ref = value["ref"]?.string
        profile.tailscaleVersion = value["tailscale_version"]?.string
        let pins = value["pins"]?.object ?? JSONObject()
        for key in pins.keys {
            guard let url = pins[key]?["url"]?.string, let sha = pins[key]?["sha256"]?.string,
                DownloadRequest.isSHA256(sha)
            else {
                throw HelpError.badData(
                    "\(path): pin '\(key)' needs a url and a 64-hex-digit sha256", hint: "Fix or remove that pin.")
            }
            profile.pins[key] = DownloadPin(url: url, sha256: sha.lowercased())
        }
        return profile
    }

    /// The JSON document (also `help cluster profile --json`).
    public var json: JSONValue {
        var document = JSONValue.object(JSONObject())
        document["version"] = 1
        document["ray_version"] = .optional(rayVersion)
        document["python_version"] = .optional(pythonVersion)
        document["head_address"] = .optional(headAddress)
        document["auth_mode"] = .optional(authMode)
        document["repository"] = .optional(repository)
        document["ref"] = .optional(ref)
        document["tailscale_version"] = .optional(tailscaleVersion)
        var pinObject = JSONObject()
        for key in pins.keys.sorted() {
            pinObject[key] = ["url": .string(pins[key]!.url), "sha256": .string(pins[key]!.sha256)]
        }
        document["pins"] = .object(pinObject)
        return document
    }
}
