import HelpCache
import HelpSystem

/// The order components start in: the longest last time first, so that with fewer workers than
/// components the slow one (a server with a database and a type checker) does not wait behind the
/// quick ones and end the run alone. Components never timed start first, the one with the most
/// input files first: nothing says they are quick, and size is the best guess there is.
/// The times are wall milliseconds per component, kept in `.helpcache/state/test-durations`.
struct TestSchedule {
    let folder: String
    let fileSystem = FileSystem()
    var path: String { folder + "/test-durations" }

    init(store: CacheStore) { folder = store.stateDirectory }

    init(folder: String) { self.folder = folder }

    /// The last recorded seconds of each component (`milliseconds<TAB>name` lines); unreadable
    /// lines are skipped, a missing file is no record.
    func recorded() -> [String: Double] {
        var seconds: [String: Double] = [:]
        for line in ((try? fileSystem.readText(path)) ?? "").split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 1)
            guard fields.count == 2, let value = Int(fields[0]), value >= 0 else { continue }
            seconds[String(fields[1])] = Double(value) / 1000
        }
        return seconds
    }

    /// Indices of `names` in the order to start them; `sizes` holds each one's input file count.
    func order(_ names: [String], sizes: [Int]) -> [Int] {
        let seconds = recorded()
        return names.indices.sorted { left, right in
            let a = seconds[names[left]] ?? .infinity
            let b = seconds[names[right]] ?? .infinity
            if a != b { return a > b }
            return sizes[left] != sizes[right] ? sizes[left] > sizes[right] : left < right
        }
    }

    /// Keeps the new times beside the ones of components this run did not time (the caller
    /// leaves out a component answered from the result cache: its time says nothing of a real
    /// run). A failed write only costs the order.
    func record(_ durations: [String: Double]) {
        guard !durations.isEmpty else { return }
        let merged = recorded().merging(durations) { _, new in new }
        var text = ""
        for name in merged.keys.sorted() {
            let milliseconds = Int(((merged[name] ?? 0) * 1000).rounded())
            text += "\(milliseconds)\t\(name)\n"
        }
        try? fileSystem.createDirectories(folder)
        try? fileSystem.writeAtomically(path, Array(text.utf8))
    }
}
