/// Reads counts, coverage and failing test names out of the tools' own closing lines. Each tool
/// prints a stable summary; reading it keeps `help` independent of plugins or reporters the
/// project may not have.
public enum TestOutputParser {
    /// pytest's `-q` closing line: `2 failed, 18 passed, 1 skipped in 1.20s`, plus `FAILED x::y`
    /// lines from `-rf`, plus a coverage `TOTAL … 98%` line when pytest-cov reported.
    public static func pytest(_ output: String) -> (
        passed: Int?, failed: Int?, skipped: Int?, failures: [String], coverage: Double?
    ) {
        var passed: Int?
        var failed: Int?
        var skipped: Int?
        var failures: [String] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: true) {
            let text = line.trimmingCharacters(in: " =")
            if text.hasPrefix("FAILED ") || text.hasPrefix("ERROR ") {
                let rest = text.drop(while: { $0 != " " }).dropFirst()
                failures.append(String(rest.prefix(while: { $0 != " " })))
                continue
            }
            guard text.contains(" in "),
                ["passed", "failed", "error", "skipped"].contains(where: { text.contains($0) })
                    || text.hasPrefix("no tests ran")
            else { continue }
            let counts = countWords(String(text))
            if counts.isEmpty && !text.hasPrefix("no tests ran") { continue }
            passed = counts["passed"] ?? 0
            failed = (counts["failed"] ?? 0) + (counts["error"] ?? 0) + (counts["errors"] ?? 0)
            skipped = (counts["skipped"] ?? 0) + (counts["xfailed"] ?? 0) + (counts["deselected"] ?? 0)
        }
        return (passed, failed, skipped, failures, coverageTotal(output))
    }

    /// coverage.py's `TOTAL    120    3    98%` (the last percentage on the line).
    public static func coverageTotal(_ output: String) -> Double? {
        for line in output.split(separator: "\n").reversed() where line.hasPrefix("TOTAL") {
            if let word = line.split(separator: " ").last(where: { $0.hasSuffix("%") }) {
                return Double(word.dropLast())
            }
        }
        return nil
    }

    /// `node --test`: TAP `# pass 12` / spec `ℹ pass 12`, failing `not ok N - name`, and the
    /// `all files | 95.12 | …` line of `--experimental-test-coverage`.
    public static func node(_ output: String) -> (
        passed: Int?, failed: Int?, skipped: Int?, failures: [String], coverage: Double?
    ) {
        var passed: Int?
        var failed: Int?
        var skipped: Int?
        var failures: [String] = []
        var coverage: Double?
        for raw in output.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: " ")
            let words = line.split(separator: " ")
            if words.count == 3, words[0] == "#" || words[0] == "ℹ", let n = Int(words[2]) {
                switch words[1] {
                case "pass": passed = n
                case "fail": failed = n
                case "skipped": skipped = (skipped ?? 0) + n
                case "todo": skipped = (skipped ?? 0) + n
                default: break
                }
            }
            if line.hasPrefix("not ok "), let dash = line.firstRange(of: " - ") {
                failures.append(String(line[dash.upperBound...]))
            }
            if line.contains("all files") {
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: " #ℹ") }
                if cells.count > 1, let percent = Double(cells[1]) { coverage = percent }
            }
        }
        return (passed, failed, skipped, failures, coverage)
    }

    /// `swift test`: Swift Testing's `Test run with 12 tests … passed` / `… 1 issue`, and XCTest's
    /// `Executed 5 tests, with 1 failure`.
    public static func swift(_ output: String) -> (passed: Int?, failed: Int?, skipped: Int?) {
        var passed: Int?
        var failed: Int?
        for line in output.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            if let at = words.firstIndex(of: "with"), at > 0, words[at - 1] == "run", at + 1 < words.count,
                let total = Int(words[at + 1])
            {
                let issues = count(before: "issue", in: words)
                let failedTests = line.contains("failed") ? max(issues, 1) : 0
                passed = (passed ?? 0) + total - min(total, failedTests)
                failed = (failed ?? 0) + failedTests
            } else if words.first == "Executed", words.count > 1, let total = Int(words[1]), line.contains("failure") {
                let failures = min(total, count(before: "failure", in: words))
                passed = (passed ?? 0) + total - failures
                failed = (failed ?? 0) + failures
            }
        }
        return (passed, failed, nil)
    }

    /// The number just before the first word starting with `noun` (`1 issue`, `3 failures`); 0
    /// when there is none or the word comes first.
    static func count(before noun: String, in words: [String]) -> Int {
        guard let at = words.firstIndex(where: { $0.hasPrefix(noun) }), at > 0 else { return 0 }
        return max(0, Int(words[at - 1]) ?? 0)
    }

    /// `3 passed, 1 failed` → ["passed": 3, "failed": 1].
    static func countWords(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        for (index, word) in words.enumerated() where index > 0 {
            if let n = Int(words[index - 1]) { counts[word] = n }
        }
        return counts
    }
}

extension StringProtocol {
    /// Trims any of `characters` from both ends.
    func trimmingCharacters(in characters: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) || last == "\t" || last == "\r" {
            slice = slice.dropLast()
        }
        return String(slice)
    }
}
