import HelpSystem

/// What a `help run` killed outright (SIGKILL, a crash of `help` itself) leaves behind: its
/// servers keep serving in their own process groups, and `run.json` still names them. The next
/// run, holding the lock, stops those groups, but only after checking that each is still what was
/// recorded, so a pid the kernel has since handed to another program is never signalled.
extension RunLock {
    /// One service `run.json` names.
    struct Leftover: Equatable {
        var component: String
        var pid: Int32
        var startTime: UInt64?
        var command: String
    }

    /// Stops the servers of an earlier run that is gone and says so; with the lock held, any
    /// `run.json` is such a leftover.
    public func stopLeftovers(console: Console) {
        let path = Self.statePath(root: root)
        guard let text = try? FileSystem().readText(path) else { return }
        let leftovers = Self.leftovers(in: text)
        let ours = leftovers.filter(Self.isStillOurs)
        if !ours.isEmpty {
            ProcessGroupMembers.stop(groups: ours.map(\.pid), grace: ServiceSupervisor.grace)
            for leftover in ours {
                console.warn(
                    "stopped \(leftover.component) (pid \(leftover.pid)), "
                        + "left running by an earlier help run that was killed")
            }
        }
        try? FileSystem().remove(path)
    }

    /// The services of a `run.json` text; nothing for a damaged file.
    static func leftovers(in text: String) -> [Leftover] {
        guard let services = (try? JSONValue.parse(text, source: "run.json"))?["services"]?.array else { return [] }
        return services.compactMap { service in
            guard let pid = service["pid"]?.int, pid > 1, let pid32 = Int32(exactly: pid),
                let command = service["command"]?.string
            else { return nil }
            return Leftover(
                component: service["component"]?.string ?? "a server", pid: pid32,
                startTime: service["start_time"]?.int.flatMap { UInt64(exactly: $0) }, command: command)
        }
    }

    /// True when the recorded process group is still the one we started: its leader has the
    /// recorded start time and command line; or, the leader gone, members remain in its group
    /// (a group id is not reused while it has members) that started after it.
    static func isStillOurs(_ leftover: Leftover) -> Bool {
        guard let recorded = leftover.startTime, !leftover.command.isEmpty else { return false }
        if let started = ProcessGroupMembers.startTime(of: leftover.pid) {
            return started == recorded && ProcessGroupMembers.commandLine(of: leftover.pid) == leftover.command
        }
        let members = ProcessGroupMembers.pids(inGroup: leftover.pid, includingZombies: false)
        return !members.isEmpty
            && members.allSatisfy { (ProcessGroupMembers.startTime(of: $0) ?? 0) >= recorded }
    }
}
