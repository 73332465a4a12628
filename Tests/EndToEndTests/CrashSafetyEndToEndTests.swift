import HelpSystem
import HelpTestSupport
import Testing

/// `help` SIGKILLed at random moments spread over each flow (install, `.env`, version bump, cache
/// writes): after every kill each user file is byte-identical to its old or its new version, no
/// temporary file is left beside it, the cache opens, the lock a killed run held does not block,
/// and the next run completes. CI runs a few kills; `Benchmarks/crash-safety.sh` runs 200 or more
/// (`HELP_CRASH_KILLS`, and `HELP_CRASH_SEED` to repeat a run's moments).
@Suite("crash safety", .serialized)
struct CrashSafetyEndToEndTests {
    static let kills = Int(Environment.current().values["HELP_CRASH_KILLS"] ?? "") ?? 8
    static let seed =
        UInt64(Environment.current().values["HELP_CRASH_SEED"] ?? "") ?? MonotonicTime.now().nanoseconds

    @Test(.enabled(if: CrashProject.canRun, "needs python3, node and the built help"))
    func everyKillLeavesOldOrNewFilesAndTheNextRunCompletes() throws {
        let project = CrashProject()
        defer { project.stopLeftovers() }
        try project.prepare(packages: Self.kills + 2)
        var random = SplitMix64(seed: Self.seed)
        var tally = CrashTally()
        let logs = project.folder.path("logs")
        try project.fs.createDirectories(logs)

        // Round 0 of each flow runs whole: how long it takes is the span the kills are spread over.
        var spans: [String: Double] = [:]
        for flow in CrashFlow.all {
            try flow.prepare(0, project)
            let started = MonotonicTime.now()
            let failure = try flow.complete(0, project: project, log: logs + "/calibrate.log")
            try #require(failure == nil, "\(flow.name) does not complete before any kill: \(failure ?? "")")
            spans[flow.name] = max(0.05, MonotonicTime.now().seconds(since: started))
        }

        for kill in 0..<Self.kills {
            let flow = CrashFlow.all[kill % CrashFlow.all.count]
            let round = kill / CrashFlow.all.count + 1
            try flow.prepare(round, project)
            let before = flow.files.map(project.read)
            let delay = Double.random(in: 0...spans[flow.name]!, using: &random)
            let log = logs + "/kill-\(kill).log"
            let help = try KilledHelp(flow.arguments(round), project: project, log: log)
            let landed = help.kill(after: delay, waitForGroup: !flow.serves)
            let after = flow.files.map(project.read)
            let context = "kill \(kill) (\(flow.name), round \(round), \(delay) s, seed \(Self.seed))"

            for file in flow.files {
                #expect(
                    project.temporaries(beside: file).isEmpty, "\(context): left \(project.temporaries(beside: file))")
            }
            let stats = try project.help.run(["cache", "stats"], in: project.root)
            #expect(stats.succeeded, "\(context): the cache does not open: \(stats.stderr)")
            let nextStarted = MonotonicTime.now()
            let failure = try flow.complete(round, project: project, log: logs + "/next-\(kill).log")
            // Later runs are faster than the first (warm caches): keep the span to the latest one,
            // so the kills keep landing while help still runs.
            spans[flow.name] = max(0.05, MonotonicTime.now().seconds(since: nextStarted))
            #expect(failure == nil, "\(context): the next run did not complete: \(failure ?? "")")
            let final = flow.files.map(project.read)
            for (index, file) in flow.files.enumerated() {
                let kept = flow.isOldOrNew(before[index], after[index], final[index])
                #expect(kept, "\(context): \(file) is neither its old nor its new version")
                tally.count(file: after[index] == before[index] ? .old : kept ? .new : .torn)
            }
            tally.count(flow: flow.name, landed: landed, completed: failure == nil)
        }
        print(tally.summary(seed: Self.seed))
    }
}

/// What the kills did, for the closing line.
struct CrashTally {
    enum Outcome { case old, new, torn }
    var kills: [String: Int] = [:]
    var landed = 0
    var completed = 0
    var old = 0
    var new = 0
    var torn = 0

    mutating func count(file outcome: Outcome) {
        switch outcome {
        case .old: old += 1
        case .new: new += 1
        case .torn: torn += 1
        }
    }

    mutating func count(flow: String, landed: Bool, completed: Bool) {
        kills[flow, default: 0] += 1
        if landed { self.landed += 1 }
        if completed { self.completed += 1 }
    }

    func summary(seed: UInt64) -> String {
        let flows = kills.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return "crash safety: \(kills.values.reduce(0, +)) kills (\(flows)), \(landed) while help ran; "
            + "files after a kill: \(old) old, \(new) new, \(torn) torn; next run completed \(completed) times; "
            + "seed \(seed)"
    }
}

/// A small seeded generator, so a run's kill moments can be repeated (`HELP_CRASH_SEED`).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
