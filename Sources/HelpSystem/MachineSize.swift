#if canImport(Glibc)
    import Glibc
#endif

/// How big this machine is: online CPUs and total memory, read from `/sys/devices/system/cpu/online`
/// and `/proc/meminfo` below a root folder (`/` for the real machine, a temporary folder standing
/// in for it in tests), falling back to sysconf when those files are not there.
public struct MachineSize: Sendable, Equatable {
    public var cpuCount: Int
    public var memoryBytes: Int64

    public init(cpuCount: Int, memoryBytes: Int64) {
        self.cpuCount = cpuCount
        self.memoryBytes = memoryBytes
    }

    /// The size of the machine whose files are under `root` (empty or `/` for this one).
    public static func read(root: String = "", fileSystem: FileSystem = FileSystem()) -> MachineSize {
        let base = root == "/" ? "" : root
        let online = (try? fileSystem.readText(base + "/sys/devices/system/cpu/online")).flatMap(cpuCount(online:))
        let meminfo = (try? fileSystem.readText(base + "/proc/meminfo")).flatMap(memoryBytes(meminfo:))
        let pageSize = Int64(sysconf(Int32(_SC_PAGESIZE)))
        return MachineSize(
            cpuCount: online ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))),
            memoryBytes: meminfo ?? max(0, Int64(sysconf(Int32(_SC_PHYS_PAGES))) * pageSize))
    }

    /// The CPUs in a kernel CPU list such as `0-3,6,8-9`; nil when it does not read as one.
    public static func cpuCount(online text: String) -> Int? {
        var count = 0
        for part in text.trimming(" \t\n\r").split(separator: ",") {
            let bounds = part.split(separator: "-").map { Int($0) }
            switch bounds.count {
            case 1:
                guard bounds[0] != nil else { return nil }
                count += 1
            case 2:
                guard let low = bounds[0], let high = bounds[1], high >= low else { return nil }
                count += high - low + 1
            default: return nil
            }
        }
        return count > 0 ? count : nil
    }

    /// `MemTotal` of a `/proc/meminfo` text, in bytes (the file says kB and means KiB).
    public static func memoryBytes(meminfo text: String) -> Int64? {
        for line in text.split(separator: "\n") where line.hasPrefix("MemTotal:") {
            let words = line.dropFirst("MemTotal:".count).split(separator: " ")
            guard let kibibytes = words.first.flatMap({ Int64($0) }) else { return nil }
            return kibibytes * 1024
        }
        return nil
    }
}
