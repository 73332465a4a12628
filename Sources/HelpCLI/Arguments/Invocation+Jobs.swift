import HelpSystem

/// `-j/--jobs N`, shared by the commands that work on components in parallel.
extension Invocation {
    /// The `--jobs` value, else the CPU count; a value that is not a positive number is a usage error.
    func jobs(environment: [String: String]) throws -> Int {
        guard let jobs = value("jobs") else { return Platform.detect(environment: environment).cpuCount }
        guard let count = Int(jobs), count > 0 else {
            throw HelpError.usage("--jobs takes a positive number, not '\(jobs)'")
        }
        return count
    }
}
