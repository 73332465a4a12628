#if canImport(Glibc)
    import Glibc
#endif

extension Sequence where Element == any RunningProcess {
    /// Ends what is left in the process groups of these processes once their leaders are gone (a
    /// worker whose reloader was killed, a grandchild that ignored SIGINT): SIGTERM, up to `grace`
    /// seconds, then SIGKILL. A group id cannot be handed to a new process while members remain, so
    /// the signal reaches only what the leaders left behind.
    public func sweepGroups(grace: Double) {
        let groups = map(\.pid).filter { !ProcessGroupMembers.pids(inGroup: $0, includingZombies: false).isEmpty }
        guard !groups.isEmpty else { return }
        for group in groups { _ = kill(-group, SIGTERM) }
        let deadline = MonotonicTime.now().adding(seconds: grace)
        while MonotonicTime.now() < deadline,
            groups.contains(where: { !ProcessGroupMembers.pids(inGroup: $0, includingZombies: false).isEmpty })
        {
            usleep(50_000)
        }
        for group in groups where !ProcessGroupMembers.pids(inGroup: group, includingZombies: false).isEmpty {
            _ = kill(-group, SIGKILL)
        }
    }
}
