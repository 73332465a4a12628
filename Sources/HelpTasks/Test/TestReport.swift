import HelpSystem

/// One check's line in the report.
public struct CheckResult: Sendable {
    public var kind: TestCheckKind
    public var command: String
    public var outcome: TestOutcome
}

/// One component's checks, or the error that stopped it before any check (dependencies failed).
public struct ComponentResult: Sendable {
    public var component: String
    public var reason: String
    public var checks: [CheckResult] = []
    public var error: HelpError?

    public var failed: Bool { error != nil || checks.contains { $0.outcome.status == .failed } }

    /// The component's lines, printed at once so parallel components never interleave: on a
    /// terminal only failures' output (the live progress and the summary table show the
    /// results); elsewhere also one line per finished check. The reason a component was chosen
    /// is said when `--changed` chose it.
    func printLines(on console: Console, replay: Bool) {
        guard error != nil || !checks.isEmpty else { return }
        var lines: [String] = []
        if !["named", "all components", ""].contains(reason) { lines.append("\(component): \(reason)") }
        if let error { lines.append("\(component): error: \(error.message)") }
        for check in checks {
            let o = check.outcome
            var words = ["\(component) \(check.kind.rawValue)", o.cached ? "cached" : o.status.rawValue]
            if let counts = TestReport.counts(o) { words.append(counts) }
            if let coverage = o.coverage { words.append(String(format1(coverage)) + "% coverage") }
            if !o.cached { words.append(format1(o.duration) + "s") }
            if o.flaky { words.append("flaky") }
            if let note = o.note { words.append("(\(note))") }
            if !console.style.animate || o.note != nil { lines.append(words.joined(separator: "  ")) }
            if o.status == .failed || (replay && o.cached) {
                let tail = o.output.split(separator: "\n", omittingEmptySubsequences: false).suffix(
                    o.status == .failed ? 40 : 400)
                lines += tail.map { "    | " + $0 }
            }
        }
        if !lines.isEmpty { console.info(lines.joined(separator: "\n")) }
    }
}

/// The result of `help test`, for people (a table), machines (`--json`) and CI (`--junit`).
///
/// JSON schema (stable): `{"ok": Bool, "duration": seconds, "components": [{"name", "reason",
/// "error": null|{"message","hint"}, "checks": [{"check": "tests|lint|format|types", "result":
/// "passed|failed|skipped", "cached": Bool, "flaky": Bool, "passed": Int|null, "failed": Int|null,
/// "skipped": Int|null, "coverage": Double|null, "duration": seconds, "failures": [String],
/// "note": String|null, "command": String}]}], "note": String|null}` (the top-level note says why
/// nothing ran, as "nothing changed since REF").
public struct TestReport: Sendable {
    public var components: [ComponentResult]
    public var duration: Double
    /// Said instead of an empty table when `--changed` found nothing to test.
    public var note: String?

    public var failed: Bool { components.contains { $0.failed } }

    /// The summary table.
    public var lines: [String] {
        if let note, components.isEmpty { return [note] }
        var rows = [["component", "check", "result", "pass/fail/skip", "coverage", "time", "cached"]]
        for component in components {
            if let error = component.error {
                rows.append([component.component, "-", "error", error.message, "", "", ""])
            }
            for check in component.checks {
                let o = check.outcome
                rows.append([
                    component.component, check.kind.rawValue, o.status.rawValue + (o.flaky ? " (flaky)" : ""),
                    Self.counts(o) ?? "", o.coverage.map { format1($0) + "%" } ?? "",
                    format1(o.duration) + "s", o.cached ? "cached" : "",
                ])
            }
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var out = rows.map { row in
            zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
                .trimmingCharacters(in: " ")
        }
        let checks = components.flatMap(\.checks)
        out.append("")
        out.append(
            "\(checks.filter { $0.outcome.status == .failed }.count) failed, "
                + "\(checks.filter { $0.outcome.status == .passed }.count) passed "
                + "(\(checks.filter { $0.outcome.cached }.count) cached), "
                + "\(checks.filter { $0.outcome.status == .skipped }.count) skipped in \(format1(duration))s")
        return out
    }

    static func counts(_ o: TestOutcome) -> String? {
        guard o.passed != nil || o.failed != nil else { return nil }
        return "\(o.passed ?? 0)/\(o.failed ?? 0)/\(o.skipped ?? 0)"
    }

    public var json: JSONValue {
        func number(_ value: Int?) -> JSONValue { value.map { .int($0) } ?? .null }
        let list: [JSONValue] = components.map { component in
            let checks: [JSONValue] = component.checks.map { check in
                let o = check.outcome
                return [
                    "check": .string(check.kind.rawValue), "result": .string(o.status.rawValue),
                    "cached": .bool(o.cached), "flaky": .bool(o.flaky), "passed": number(o.passed),
                    "failed": number(o.failed), "skipped": number(o.skipped),
                    "coverage": o.coverage.map { .double($0) } ?? .null, "duration": .double(o.duration),
                    "failures": .strings(o.failures), "note": .optional(o.note), "command": .string(check.command),
                ]
            }
            let error: JSONValue =
                component.error.map { ["message": .string($0.message), "hint": .optional($0.hint)] } ?? .null
            return [
                "name": .string(component.component), "reason": .string(component.reason), "error": error,
                "checks": .array(checks),
            ]
        }
        return [
            "ok": .bool(!failed), "duration": .double(duration), "components": .array(list), "note": .optional(note),
        ]
    }
}

/// `12.345` → `12.3`.
func format1(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(abs(tenths % 10))"
}
