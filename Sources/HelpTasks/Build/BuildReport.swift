import HelpSystem

/// The outcome of `help build`: per component what was built, restored, skipped or failed.
public struct BuildReport: Sendable {
    public var results: [BuildResult]
    public var duration: Double

    public init(results: [BuildResult], duration: Double) {
        self.results = results
        self.duration = duration
    }

    public var failed: Bool { results.contains { $0.status == .failed } }

    /// The closing summary (the per-component lines are printed as each one finishes).
    public var lines: [String] {
        func count(_ status: BuildResult.Status) -> Int { results.filter { $0.status == status }.count }
        return [
            "\(count(.built)) built, \(count(.restored)) restored, \(count(.skipped)) skipped, "
                + "\(count(.failed)) failed in \(BuildResult.seconds(duration)); checksums in dist/\(DistIndex.sumsName)"
        ]
    }

    /// The `--json` document (schema in the README).
    public var json: JSONValue {
        [
            "components": .array(
                results.map { result in
                    [
                        "component": .string(result.component), "status": .string(result.status.rawValue),
                        "version": .optional(result.version), "image": .optional(result.image),
                        "cache_key": .optional(result.cacheKey),
                        "duration": .double(result.duration), "notes": .strings(result.notes),
                        "artifacts": .array(result.artifacts.map(\.json)),
                    ]
                }),
            "duration": .double(duration),
            "sums": .string("dist/" + DistIndex.sumsName),
            "manifest": .string("dist/" + DistIndex.manifestName),
            "failed": .bool(failed),
        ]
    }
}
