import HelpCache
import HelpSystem

/// `help hash FILE…` and `help hash --check SUMS`: SHA-256 sums in sha256sum's format, so the
/// output can be checked by `sha256sum -c` and the other way round. Exit 1 when a file cannot be
/// read or a checksum does not match.
public enum HashCommand {
    public static let spec = CommandSpec(
        name: "hash",
        summary: "Print or check SHA-256 sums of files (sha256sum-compatible)",
        discussion: "Without --check, prints one '<sha256>  <name>' line per file ('-' reads stdin). "
            + "With --check, reads "
            + "such lines from SUMS and prints 'name: OK' or 'name: FAILED' for each file; with -q only "
            + "the failures. Relative names are taken from the current folder (or -C DIR).",
        options: [
            .value("check", short: "c", valueName: "SUMS", help: "Verify the files listed in SUMS"),
            .flag("strict", help: "With --check: fail on improperly formatted lines"),
            .flag("ignore-missing", help: "With --check: skip listed files that do not exist"),
        ],
        positionals: [PositionalSpec("FILE", arity: .zeroOrMore, help: "Files to hash")],
        examples: [
            .init("help hash dist/*.tar.gz > SHA256SUMS", "Write the sums of the release archives"),
            .init("help hash --check SHA256SUMS", "Verify them; exit 1 on any mismatch"),
            .init("help hash -q --check SHA256SUMS --json", "Verify, as a JSON document"),
        ],
        usageForms: ["[OPTIONS] FILE...", "[OPTIONS] --check SUMS"],
        run: { try run($0, $1) })

    static func run(_ invocation: Invocation, _ context: Context) throws -> Report {
        if let sums = invocation.value("check") {
            if let extra = invocation.positionals.first {
                throw HelpError.usage(
                    "--check takes the files from SUMS, not from the command line (got '\(extra)')",
                    hint: "Run 'help hash --check \(sums)' alone, or hash files without --check.")
            }
            let options = HashCheck.Options(
                strict: invocation.flag("strict"), ignoreMissing: invocation.flag("ignore-missing"))
            let report = try HashCheck.check(sumsFile: sums, in: context.workingDirectory, options: options)
            return checkReport(report, quiet: invocation.globals.verbosity == .quiet, console: context.console)
        }
        if invocation.flag("strict") || invocation.flag("ignore-missing") {
            throw HelpError.usage("--strict and --ignore-missing only apply with --check", hint: "Add --check SUMS.")
        }
        guard !invocation.positionals.isEmpty else {
            throw HelpError.usage("nothing to hash", hint: "Give files to hash, or --check SUMS to verify them.")
        }
        let results = HashCheck.hashFiles(invocation.positionals, in: context.workingDirectory) {
            context.interruption() != nil
        }
        return hashReport(results, console: context.console)
    }

    // MARK: - Hashing

    static func hashReport(_ results: [HashCheck.FileResult], console: Console) -> Report {
        var lines: [String] = []
        var unreadable = 0
        var files: [JSONValue] = []
        for file in results {
            switch file.result {
            case .success(let digest):
                lines.append(file.line ?? "")
                files.append(["name": .string(file.path), "sha256": .string(digest.hex), "error": nil])
            case .failure(let error) where error.code == .interrupted:
                continue  // the interrupt itself is the answer, printed once by the top level
            case .failure(let error):
                unreadable += 1
                console.warn(error.message)
                files.append(["name": .string(file.path), "sha256": nil, "error": .string(error.message)])
            }
        }
        let failure =
            unreadable == 0
            ? nil
            : HelpError(
                "\(unreadable) of \(results.count) file\(results.count == 1 ? "" : "s") could not be read",
                code: .failure)
        return Report(lines: lines, json: ["files": .array(files)], failure: failure)
    }

    // MARK: - Checking

    static func checkReport(_ report: HashCheckReport, quiet: Bool, console: Console) -> Report {
        let lines = zip(report.results, report.lines).compactMap { result, line in
            quiet && result.outcome == .ok ? nil : line
        }
        var warnings = report.warnings.map { $0.hasPrefix("WARNING: ") ? String($0.dropFirst(9)) : $0 }
        var failure: HelpError?
        if !report.succeeded {
            failure = HelpError(warnings.popLast() ?? "checksum verification failed", code: .failure)
        }
        warnings.forEach(console.warn)
        let files: [JSONValue] = report.results.map { result in
            let (status, error): (String, String?) = {
                switch result.outcome {
                case .ok: return ("ok", nil)
                case .failed: return ("failed", nil)
                case .unreadable(let reason): return ("unreadable", reason)
                }
            }()
            return [
                "name": .string(result.entry.name), "expected": .string(result.entry.digest.hex),
                "status": .string(status), "error": .optional(error),
            ]
        }
        let json: JSONValue = [
            "sums": .string(report.sumsName), "ok": .bool(report.succeeded), "files": .array(files),
            "malformed_lines": .array(report.malformedLines.map { .int($0) }), "ignored": .int(report.ignoredCount),
        ]
        return Report(lines: lines, json: json, failure: failure)
    }
}
