#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Sequence where Element == any RunningProcess {
    /// Ends what is left in the process groups of these processes once their leaders are gone (a
    /// worker whose reloader was killed, a grandchild that ignored SIGINT): SIGTERM, up to `grace`
    /// seconds, then SIGKILL. A group id cannot be handed to a new process while members remain, so
    /// the signal reaches only what the leaders left behind.
    public func sweepGroups(grace: Double) {
        ProcessGroupMembers.stop(groups: map(\.pid), grace: grace)
    }
}

extension ProcessGroupMembers {
    /// SIGTERM to each of `groups` that still has live members, up to `grace` seconds, then
    /// SIGKILL to what is left.
    public static func stop(groups: [Int32], grace: Double) {
        let groups = groups.filter { !pids(inGroup: $0, includingZombies: false).isEmpty }
        guard !groups.isEmpty else { return }
        for group in groups { _ = kill(-group, SIGTERM) }
        let deadline = MonotonicTime.now().adding(seconds: grace)
        while MonotonicTime.now() < deadline,
            groups.contains(where: { !pids(inGroup: $0, includingZombies: false).isEmpty })
        {
            usleep(50_000)
        }
        for group in groups where !pids(inGroup: group, includingZombies: false).isEmpty {
            _ = kill(-group, SIGKILL)
        }
    }
}
