import HelpCache
import HelpProject
import HelpSystem

/// Records, after a full passing run, which files each test of a Python component executed, and
/// with `--changed` chooses the tests a change reaches from that record (see `CoverageRecord`).
struct TestImpact {
    let component: Component
    let folder: String
    let projectRoot: String
    /// The component environment's interpreter: coverage and `ast` as the tests saw them.
    let python: String
    /// Variables the component's commands get beyond the inherited ones.
    let environment: [String: String]
    let inputs: InputSet?
    /// Digest of the tools and dependencies the record must share with the current run.
    let context: String
    let runner: any ProcessRunner

    enum Outcome {
        case chosen(CoverageRecord, tests: [String], files: [String])
        /// Why the record cannot answer: the caller falls back to static imports.
        case fallBack(String)
    }

    var recordPath: String { CoverageRecord.path(projectRoot: projectRoot, component: component.name) }

    static func contextDigest(tools: [String: String], dependencies: [String: Digest]) -> String {
        var hasher = SHA256()
        for (name, version) in tools.sorted(by: { $0.key < $1.key }) { hasher.update("tool \(name) \(version)\n") }
        for (name, digest) in dependencies.sorted(by: { $0.key < $1.key }) {
            hasher.update("dependency \(name) \(digest.hex)\n")
        }
        return hasher.finalize().hex
    }

    var currentInputs: [String: String] {
        var listing: [String: String] = [:]
        if let files = inputs?.files {
            // coverage.py's own data files change with every run: not inputs of the tests.
            for file in files where !(file.relativePath.split(separator: "/").last ?? "").hasPrefix(".coverage") {
                listing[file.relativePath] = file.digest.hex
            }
        }
        return listing
    }

    func script(_ arguments: [String]) -> ProcessResult? {
        var command = Command(python, ["-c", CoverageRecordScript.source] + arguments, workingDirectory: folder)
        command.environment = environment
        command.timeout = 300
        guard let result = try? runner.run(command), result.succeeded else { return nil }
        return result
    }

    /// Reads the coverage data the passing full run left and stores the record; a record that
    /// cannot be made removes the old one, which no longer matches the files.
    func record() {
        let fs = FileSystem()
        guard inputs != nil, let output = script(["record"]),
            let record = try? CoverageRecord.parse(
                scriptOutput: output.stdout, recorded: CoverageRecord.now(), context: context, inputs: currentInputs),
            !record.tests.isEmpty
        else {
            try? fs.remove(recordPath)
            return
        }
        try? record.save(recordPath)
    }

    func choose() -> Outcome {
        guard let record = CoverageRecord.load(recordPath) else {
            return .fallBack("no coverage record of a full passing run")
        }
        let when = "coverage record from \(record.recorded)"
        guard record.context == context else {
            return .fallBack("\(when) was made with other tools or dependencies")
        }
        let differences = record.differences(from: currentInputs)
        if differences.changed.isEmpty && differences.added.isEmpty && differences.removed.isEmpty {
            return .fallBack("nothing changed since the \(when)")
        }
        var summaries: [String: CoverageRecord.Summary?] = [:]
        let wanted = record.needingSummaries(differences.changed)
        if !wanted.isEmpty {
            guard let output = script(["summarize"] + wanted),
                let document = try? JSONValue.parse(output.stdout, source: "summaries"), let members = document.object
            else { return .fallBack("\(when): the changed modules could not be read") }
            for member in members {
                summaries.updateValue(CoverageRecord.summary(member.value), forKey: member.key)
            }
        }
        switch record.choose(
            changed: differences.changed, added: differences.added, removed: differences.removed,
            newSummaries: summaries)
        {
        case .fallBack(let reason):
            return .fallBack("\(when) does not apply: \(reason)")
        case .run(let tests, let files):
            let fs = FileSystem()
            // Node ids are relative to pytest's rootdir: one that does not name a file here is not usable.
            if let stray = tests.first(where: { !fs.exists(folder + "/" + CoverageRecord.file(of: $0)) }) {
                return .fallBack("\(when) does not apply: \(CoverageRecord.file(of: stray)) is not in \(folder)")
            }
            return .chosen(record, tests: tests, files: files)
        }
    }
}
