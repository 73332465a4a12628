#if canImport(Glibc)
    import Glibc
#endif

/// The system package manager, for install hints ("sudo apt-get install -y postgresql").
public enum PackageManager: String, Sendable, CaseIterable {
    case apt, dnf, yum, apk, pacman, brew

    /// The program that has to be on PATH for this manager to be usable.
    public var tool: String {
        switch self {
        case .apt: return "apt-get"
        case .dnf, .yum, .apk, .pacman, .brew: return rawValue
        }
    }

    /// argv that installs `packages` non-interactively (with `sudo` unless we are root or on brew).
    public func installCommand(_ packages: [String], asRoot: Bool) -> [String] {
        let sudo = (asRoot || self == .brew) ? [] : ["sudo"]
        switch self {
        case .apt: return sudo + ["apt-get", "install", "-y"] + packages
        case .dnf, .yum: return sudo + [rawValue, "install", "-y"] + packages
        case .apk: return sudo + ["apk", "add"] + packages
        case .pacman: return sudo + ["pacman", "-S", "--noconfirm"] + packages
        case .brew: return ["brew", "install"] + packages
        }
    }
}

/// What machine `help` runs on: OS and version (from /etc/os-release), CPU architecture, CPUs,
/// memory, whether we are root, and the package manager to suggest. Read once, passed down.
public struct Platform: Sendable, Equatable {
    /// `linux` or `darwin` (uname sysname, lower case).
    public var kernel: String
    /// os-release `ID`: `debian`, `ubuntu`, `fedora`...
    public var distribution: String?
    /// os-release `ID_LIKE`, split: `["debian"]` on Ubuntu.
    public var distributionFamily: [String]
    /// os-release `VERSION_ID`: `12`, `22.04`.
    public var version: String?
    /// os-release `PRETTY_NAME`, for reports.
    public var prettyName: String?
    /// uname machine: `x86_64`, `aarch64`.
    public var architecture: String
    public var cpuCount: Int
    public var memoryBytes: Int64
    public var isRoot: Bool
    public var packageManager: PackageManager?

    // MARK: - Detection

    /// `linux-x86_64`: kernel and machine from uname alone, cheap enough for hot paths (wheels and
    /// release tarballs differ per platform).
    public static func tag() -> String {
        var names = utsname()
        uname(&names)
        return field(&names.sysname).lowercased() + "-" + field(&names.machine)
    }

    /// Reads the running system; `environment` supplies PATH for finding the package manager.
    public static func detect(environment: [String: String], fileSystem: FileSystem = FileSystem()) -> Platform {
        var names = utsname()
        uname(&names)
        let kernel = field(&names.sysname).lowercased()
        let release =
            (try? fileSystem.readText("/etc/os-release")) ?? (try? fileSystem.readText("/usr/lib/os-release")) ?? ""
        let info = parseOSRelease(release)
        let pageSize = Int64(sysconf(Int32(_SC_PAGESIZE)))
        var platform = Platform(
            kernel: kernel, distribution: info["ID"],
            distributionFamily: (info["ID_LIKE"] ?? "").split(separator: " ").map(String.init),
            version: info["VERSION_ID"], prettyName: info["PRETTY_NAME"],
            architecture: field(&names.machine), cpuCount: max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))),
            memoryBytes: max(0, Int64(sysconf(Int32(_SC_PHYS_PAGES))) * pageSize), isRoot: geteuid() == 0,
            packageManager: nil)
        let lookup = ToolLookup(environment: environment)
        platform.packageManager = platform.preferredPackageManagers.first { lookup.locate($0.tool) != nil }
        return platform
    }

    /// The managers that fit this OS, best first, followed by the rest as a fallback.
    public var preferredPackageManagers: [PackageManager] {
        let ids = [distribution].compactMap { $0 } + distributionFamily
        var preferred: [PackageManager] = []
        for id in ids {
            switch id {
            case "debian", "ubuntu": preferred.append(.apt)
            case "fedora", "rhel", "centos", "rocky", "almalinux", "amzn": preferred += [.dnf, .yum]
            case "alpine": preferred.append(.apk)
            case "arch", "manjaro": preferred.append(.pacman)
            default: break
            }
        }
        if kernel == "darwin" { preferred.append(.brew) }
        return preferred + PackageManager.allCases.filter { !preferred.contains($0) }
    }

    /// "install it with `sudo apt-get install -y postgresql`", or nil without a package manager.
    public func installHint(_ packages: String...) -> String? {
        guard let manager = packageManager else { return nil }
        return "install it with `" + manager.installCommand(packages, asRoot: isRoot).joined(separator: " ") + "`"
    }

    /// Bytes available to us (not root's reserve) on the file system holding `path`.
    public static func freeDiskBytes(at path: String) -> Int64? {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return nil }
        return Int64(info.f_bavail) * Int64(info.f_frsize)
    }

    // MARK: - Parsing

    /// `KEY=value` lines of os-release(5), with quotes and backslash escapes removed.
    public static func parseOSRelease(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for rawLine in text.split(separator: "\n") {
            let line = rawLine.trimming(" \t\r")
            guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
            var value = Substring(line[line.index(after: equals)...])
            if let quote = value.first, quote == "\"" || quote == "'", value.count >= 2, value.last == quote {
                value = value.dropFirst().dropLast()
            }
            var unescaped = ""
            var escaping = false
            for character in value {
                if escaping || character != "\\" {
                    unescaped.append(character)
                    escaping = false
                } else {
                    escaping = true
                }
            }
            result[String(line[..<equals])] = unescaped
        }
        return result
    }

    private static func field<T>(_ value: inout T) -> String {
        withUnsafeBytes(of: &value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters from `set`.
    public func trimming(_ set: String) -> String {
        let scalars = Set(set)
        guard let first = firstIndex(where: { !scalars.contains($0) }),
            let last = lastIndex(where: { !scalars.contains($0) })
        else { return "" }
        return String(self[first...last])
    }
}
