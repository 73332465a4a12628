import HelpSystem
import Testing

/// One kind of work `help` is killed in: what to change before a round, the command line, the user
/// files it writes, and how the next run proves it completes.
struct CrashFlow: Sendable {
    var name: String
    /// Project files the command may write; each must be its old or its new version after a kill.
    var files: [String]
    var arguments: @Sendable (Int) -> [String]
    /// Sets up round `n` (a new template key, a changed test) before the command runs.
    var prepare: @Sendable (Int, CrashProject) throws -> Void = { _, _ in }
    /// A `help run`: it serves until interrupted, and its servers may outlive a kill.
    var serves = false
    /// Whether `after` (what a kill left) is the old or the new version, given the file after the
    /// next complete run; by default "new" is what that run left.
    var isOldOrNew: @Sendable (_ before: [UInt8]?, _ after: [UInt8]?, _ final: [UInt8]?) -> Bool = {
        $1 == $0 || $1 == $2
    }

    static let all: [CrashFlow] = [install, environment, version, cache]

    /// `help install kpkgN --offline`: pip from the wheelhouse, then requirements.txt recorded.
    static let install = CrashFlow(
        name: "install", files: ["app/requirements.txt"],
        arguments: { ["install", "kpkg\($0)", "--offline", "--component", "app"] })

    /// `help run`'s configuration step: `.env` written from a template that gained a key.
    static let environment = CrashFlow(
        name: "run .env", files: ["web/.env"], arguments: { _ in ["run", "--component", "web"] },
        prepare: { round, project in
            let template = project.root + "/web/config/development.env"
            let text = try project.fs.readText(template)
            let key = round % 2 == 0 ? "# help: secret\nTOKEN_\(round)=\n" : "SETTING_\(round)=value \(round)\n"
            try project.fs.writeAtomically(template, Array((text + key).utf8))
        }, serves: true)

    /// `help version --bump patch`: pyproject.toml and `__init__.py` in one backed-up transaction.
    static let version = CrashFlow(
        name: "version --bump", files: ["lib/pyproject.toml", "lib/src/lib/__init__.py"],
        arguments: { _ in ["version", "--bump", "patch", "--component", "lib"] },
        isOldOrNew: { before, after, _ in after == before || after == before.map(bumpedPatch) })

    /// `help test`: a changed test, so a new cache entry, stat cache and counters are written.
    static let cache = CrashFlow(
        name: "test cache", files: [], arguments: { _ in ["test", "--component", "web"] },
        prepare: { round, project in
            try project.fs.writeAtomically(
                project.root + "/web/test/a.test.mjs", Array(CrashProject.nodeTest(round).utf8))
        })

    /// The file with its `1.0.N` moved to `1.0.N+1`.
    static func bumpedPatch(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let start = text.firstRange(of: "1.0.") else { return bytes }
        let digits = text[start.upperBound...].prefix(while: \.isNumber)
        guard let patch = Int(digits) else { return bytes }
        return Array((text[..<start.upperBound] + String(patch + 1) + text[digits.endIndex...]).utf8)
    }

    /// Runs round `round` to its end as a person would after the crash; nil when it completed,
    /// else what went wrong.
    func complete(_ round: Int, project: CrashProject, log: String) throws -> String? {
        if serves {
            let help = try KilledHelp(arguments(round), project: project, log: log)
            let result = help.interrupt(when: "Ready in", timeout: 120)
            return result.exitCode == 130 && help.output.contains("Ready in") ? nil : "run: \(help.output)"
        }
        let result = try project.help.run(arguments(round), in: project.root, timeout: 600)
        guard result.succeeded else { return "\(arguments(round)): exit \(result.exitCode): \(result.stderr)" }
        if name == "version --bump" {
            let check = try project.help.run(["version", "--check", "--component", "lib"], in: project.root)
            if !check.succeeded { return "version --check after the bump: \(check.stdout)\(check.stderr)" }
        }
        if name == "test cache" {
            let again = try project.help.run(arguments(round), in: project.root)
            if !again.succeeded || !again.stdout.contains("cached") {
                return "the stored result is not a hit: \(again.stdout)\(again.stderr)"
            }
        }
        return nil
    }
}
