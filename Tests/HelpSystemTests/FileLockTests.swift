import HelpTestSupport
import Testing

@testable import HelpSystem

/// flock-based locks keep concurrent holders apart and let go when released.
@Suite struct FileLockTests {
    @Test func secondExclusiveLockerIsExcludedUntilRelease() throws {
        let folder = TempDir()
        let path = folder.path("cache/.lock")
        let first = try FileLock.acquire(path)
        #expect(try FileLock.tryAcquire(path) == nil)
        #expect(try FileLock.tryAcquire(path, mode: .shared) == nil)
        first.release()
        let second = try FileLock.tryAcquire(path)
        #expect(second != nil)
    }

    @Test func sharedLocksCoexistButExcludeAWriter() throws {
        let folder = TempDir()
        let path = folder.path(".lock")
        let reader1 = try FileLock.acquire(path, mode: .shared)
        let reader2 = try FileLock.tryAcquire(path, mode: .shared)
        #expect(reader2 != nil)
        #expect(try FileLock.tryAcquire(path) == nil)
        _ = reader1
    }

    @Test func timedAcquireGivesUpWithATemporaryFailureNamingTheHolder() throws {
        let folder = TempDir()
        let path = folder.path(".lock")
        let holder = try FileLock.acquire(path)
        do {
            _ = try FileLock.acquire(path, timeout: 0.05)
            Issue.record("the lock is held; acquiring must fail")
        } catch let error as HelpError {
            #expect(error.code == .tempFailure)
            #expect(error.message.contains("pid"))
        }
        holder.release()
        #expect(try FileLock.acquire(path, timeout: 0.05).path == path)
    }

    @Test func lockIsReleasedWhenTheValueGoesAway() throws {
        let folder = TempDir()
        let path = folder.path(".lock")
        do { _ = try FileLock.acquire(path) }
        #expect(try FileLock.tryAcquire(path) != nil)
    }
}
