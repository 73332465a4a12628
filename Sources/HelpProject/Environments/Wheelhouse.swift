import HelpSystem

/// The user-wide folder of built wheels, `${XDG_CACHE_HOME:-~/.cache}/help/wheels`. pip installs
/// fill it (`pip wheel` of what they install) and search it first (`--find-links`), so making an
/// environment again needs no network: `--offline` installs with `--no-index` from it alone.
/// uv keeps its own cache, which plays the same part.
public struct Wheelhouse: Sendable, Equatable {
    public var path: String

    public init(path: String) { self.path = path }

    /// The wheelhouse for this user, from `XDG_CACHE_HOME` or `HOME`; nil when neither is set.
    public static func location(environment: [String: String]) -> Wheelhouse? {
        cacheRoot(environment: environment).map { Wheelhouse(path: $0 + "/wheels") }
    }

    /// `${XDG_CACHE_HOME:-~/.cache}/help`; nil when neither is set.
    public static func cacheRoot(environment: [String: String]) -> String? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/help" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/help" }
        return nil
    }

    /// True when the wheelhouse has a wheel for every requirement, each pinned with `==`, that
    /// `python` on `platform` (`linux-x86_64`) can install: then `pip wheel` would only find them
    /// there again. Any other requirement (a range, a URL) means false.
    public func holdsEvery(
        _ requirements: [PythonRequirement], python: PythonVersion, platform: String, fileSystem: FileSystem
    ) -> Bool {
        var available: [String: [WheelName]] = [:]
        for entry in (try? fileSystem.listDirectory(path)) ?? [] {
            guard let wheel = WheelName(entry.name), wheel.installs(on: python, platform: platform) else { continue }
            available[wheel.distribution, default: []].append(wheel)
        }
        return requirements.allSatisfy { requirement in
            guard requirement.url == nil, requirement.specifier.specifiers.count == 1,
                let pin = requirement.specifier.specifiers.first, pin.op == .equal, !pin.isPrefix,
                let version = pin.version
            else { return false }
            return available[requirement.normalizedName, default: []].contains { $0.version == version }
        }
    }

    /// The hint shown when an offline install misses a wheel.
    public var offlineHint: String {
        "run `help install` once with network access to fill the wheelhouse at \(path)"
    }
}

/// The parts of a wheel's file name that say what it is and where it installs
/// (`name-version[-build]-python-abi-platform.whl`).
struct WheelName: Equatable {
    var distribution: String
    var version: PythonVersion
    var pythonTags: [String]
    var abiTags: [String]
    var platformTags: [String]

    init?(_ file: String) {
        guard file.hasSuffix(".whl") else { return nil }
        let parts = file.dropLast(4).split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5 || parts.count == 6, let version = PythonVersion(parts[1]) else { return nil }
        distribution = PythonRequirement.normalize(parts[0])
        self.version = version
        pythonTags = parts[parts.count - 3].split(separator: ".").map(String.init)
        abiTags = parts[parts.count - 2].split(separator: ".").map(String.init)
        platformTags = parts[parts.count - 1].split(separator: ".").map(String.init)
    }

    /// A close reading of the tags pip accepts: pure wheels for Python 3, `cpXY` builds for this
    /// minor version, stable-ABI builds for it or older, and Linux builds for this machine.
    func installs(on python: PythonVersion, platform: String) -> Bool {
        guard python.release.count >= 2 else { return false }
        let minor = python.release[1]
        let own = "cp3\(minor)"
        let pythonFits = pythonTags.contains { tag in
            if tag == "py3" || tag == "py3\(minor)" || tag == own { return true }
            if tag.hasPrefix("cp3"), abiTags.contains("abi3"), let older = Int(tag.dropFirst(3)) {
                return older <= minor
            }
            return false
        }
        let abiFits = abiTags.contains { $0 == "none" || $0 == "abi3" || $0 == own }
        let architecture = platform.split(separator: "-").last.map(String.init) ?? platform
        let platformFits = platformTags.contains { tag in
            tag == "any"
                || (platform.hasPrefix("linux") && tag.contains("linux") && !tag.hasPrefix("musllinux")
                    && tag.hasSuffix(architecture))
        }
        return pythonFits && abiFits && platformFits
    }
}
