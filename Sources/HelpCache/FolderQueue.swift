#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The shared queue of folders still to read for the walker and the folder survey; workers wait
/// on it until every folder is read and none is being read (so none can add more).
final class FolderQueue: @unchecked Sendable {
    private var pending: [[UInt8]]
    private var active = 0
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init(first: [UInt8]) {
        pending = [first]
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// The next folder, or nil once the walk is complete.
    func pop() -> [UInt8]? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while pending.isEmpty && active > 0 { pthread_cond_wait(condition, mutex) }
        guard let folder = pending.popLast() else {
            pthread_cond_broadcast(condition)
            return nil
        }
        active += 1
        return folder
    }

    /// Marks a folder read and queues the subfolders it found.
    func finish(adding folders: [[UInt8]]) {
        pthread_mutex_lock(mutex)
        pending.append(contentsOf: folders)
        active -= 1
        if !folders.isEmpty || active == 0 { pthread_cond_broadcast(condition) }
        pthread_mutex_unlock(mutex)
    }
}
