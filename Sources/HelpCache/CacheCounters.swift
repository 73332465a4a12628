import HelpSystem

/// The store's running totals in `state/stats.bin`: hits, misses, the time hits saved, and an
/// estimate of stored bytes (kept current by saves and prunes, so the size cap can be checked
/// without walking the store). Updated under the writer lock; losing it only resets numbers.
public struct CacheCounters: Sendable, Equatable {
    public var hits: UInt64 = 0
    public var misses: UInt64 = 0
    /// Seconds the original runs of all hit entries took.
    public var timeSaved: Double = 0
    public var storedBytes: UInt64 = 0

    /// All zero: a new store.
    public init() {}

    func encoded() -> [UInt8] {
        var writer = SealedFile.begin(magic: CacheFormat.statsMagic, writeTime: CacheFiles.now())
        writer.u64(hits)
        writer.u64(misses)
        writer.u64(UInt64(max(0, timeSaved) * 1e9))
        writer.u64(storedBytes)
        return SealedFile.seal(writer)
    }

    static func decode(_ bytes: [UInt8]) throws -> CacheCounters {
        let contents = try SealedFile.open(bytes, magic: CacheFormat.statsMagic)
        var reader = ByteReader(bytes, range: contents.body)
        var counters = CacheCounters()
        counters.hits = try reader.u64()
        counters.misses = try reader.u64()
        counters.timeSaved = Double(try reader.u64()) / 1e9
        counters.storedBytes = try reader.u64()
        return counters
    }
}

extension CacheStore {
    var countersPath: String { stateDirectory + "/stats.bin" }

    /// The counters as stored; zero when missing or damaged.
    public func readCounters() -> CacheCounters {
        guard let bytes = (try? CacheFiles.readIfExists(countersPath)) ?? nil,
            let counters = try? CacheCounters.decode(bytes)
        else {
            return CacheCounters()
        }
        return counters
    }

    /// Read-modify-write of the counters; the caller holds the writer lock.
    func updateCounters(_ change: (inout CacheCounters) -> Void) {
        var counters = readCounters()
        change(&counters)
        try? CacheFiles.writeAtomically(countersPath, counters.encoded(), sync: false)
    }

    /// Counts one lookup. Best effort: when another `help` holds the lock for more than two
    /// seconds the count is dropped rather than delaying the answer.
    func record(hit: Bool, saved: Double) {
        guard !isReadOnly, let lock = try? FileLock.acquire(lockPath, mode: .exclusive, timeout: 2) else { return }
        defer { lock.release() }
        updateCounters {
            if hit {
                $0.hits += 1
                $0.timeSaved += saved
            } else {
                $0.misses += 1
            }
        }
    }
}
