/// The processes of one process group, read from /proc: how `help run` tells that uvicorn's
/// reloader lost its worker while starting, and how tests check that a stop left nothing behind.
public enum ProcessGroupMembers {
    /// The pids whose process group is `group`, in ascending order. Zombies (exited, not yet
    /// reaped by their parent) count only with `includingZombies`: they run no code any more, but
    /// their pid is still taken.
    public static func pids(inGroup group: Int32, includingZombies: Bool = true, fileSystem: FileSystem = FileSystem())
        -> [Int32]
    {
        guard let entries = try? fileSystem.listDirectory("/proc") else { return [] }
        var members: [Int32] = []
        for entry in entries {
            guard let pid = Int32(entry.name), let stat = try? fileSystem.readFile("/proc/\(pid)/stat") else {
                continue
            }
            guard let fields = fields(ofStatLine: stat), fields.group == group else { continue }
            if includingZombies || fields.state != "Z" { members.append(pid) }
        }
        return members.sorted()
    }

    /// The command line of `pid`, its arguments joined by spaces; empty when it is gone.
    public static func commandLine(of pid: Int32, fileSystem: FileSystem = FileSystem()) -> String {
        guard let bytes = try? fileSystem.readFile("/proc/\(pid)/cmdline") else { return "" }
        return String(decoding: bytes.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    /// When `pid` started, in clock ticks after boot (field 22 of /proc/PID/stat); nil when it is
    /// gone. With the command line, it tells a process from a later one that got the same pid.
    public static func startTime(of pid: Int32, fileSystem: FileSystem = FileSystem()) -> UInt64? {
        guard let bytes = try? fileSystem.readFile("/proc/\(pid)/stat"),
            let close = bytes.lastIndex(of: UInt8(ascii: ")"))
        else { return nil }
        let fields = bytes[(close + 1)...].split(separator: UInt8(ascii: " "))
        // After the name, field 3 (state) is the first: field 22 is the twentieth.
        return fields.count > 19 ? UInt64(String(decoding: fields[19], as: UTF8.self)) : nil
    }

    /// The state and `pgrp` fields of a /proc/PID/stat line (the third and fifth), counted after
    /// the command name's closing parenthesis because the name itself may hold spaces and
    /// parentheses.
    static func fields(ofStatLine bytes: [UInt8]) -> (state: String, group: Int32)? {
        guard let close = bytes.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = bytes[(close + 1)...].split(separator: UInt8(ascii: " "))
        // After the name: state, ppid, pgrp.
        guard fields.count >= 3, let group = Int32(String(decoding: fields[2], as: UTF8.self)) else { return nil }
        return (String(decoding: fields[0], as: UTF8.self), group)
    }
}
