import HelpCache
import HelpProject
import HelpSystem

/// Brings a component's database to Alembic's head and says the revision before and after. The
/// revision is read straight from the `alembic_version` table (Python's own sqlite3 module, or
/// psql) in a few milliseconds; when it matches the heads recorded after the last upgrade and no
/// migration script changed since, Alembic is not started at all. Anything unclear (another
/// database, a failed read) falls back to `alembic current` and `alembic upgrade head`.
struct MigrationRunner {
    var context: Context
    var root: String
    var fileSystem = FileSystem()

    /// Runs the migrations of `plan` and returns the step's last words ("0001 → 0002"). `file`
    /// is the component's `.env`, named when the failure is one of configuration.
    func run(
        _ plan: MigrationPlan, database: DatabaseLocation?, configuration: EffectiveConfiguration?, file: String? = nil
    ) throws -> String {
        let digest = inputsDigest(plan)
        let stampPath = RunLock.stateDirectory(root: root) + "/migrations-" + DependencyTarget.fileSafe(plan.component)
        let stamp = (try? fileSystem.readText(stampPath)).map { $0.split(separator: "\n").map(String.init) }
        let quick = database.flatMap { revisions(in: $0, python: plan.python) }
        if let quick, let stamp, stamp.first == digest.hex, Set(stamp.dropFirst()) == Set(quick), !quick.isEmpty {
            return "at head \(Self.describe(quick)), nothing to apply"
        }
        let before = try quick ?? current(plan, configuration: configuration)
        let upgrade = plan.command(plan.upgradeArguments, configuration: configuration)
        let result = try context.runner.run(upgrade)
        if result.termination == .signaled(2) {
            throw HelpError("interrupted while running alembic upgrade head", code: .interrupted)
        }
        guard result.succeeded else {
            let secrets = (configuration?.secretValues ?? []) + database.flatMap(Self.password).map { [$0] }.orNone
            if let failure = ConfigurationFailure.detect(result.stdout + "\n" + result.stderr) {
                throw failure.error(component: plan.component, step: "alembic upgrade head", file: file)
            }
            throw HelpError(
                "\(plan.component): alembic upgrade head failed (exit \(result.exitCode))"
                    + Secret.redact(StepRunner.tail(result, lines: 12), secrets),
                hint: "fix the migration and run help run again; the full output is in .helpcache/logs/")
        }
        let after =
            try database.flatMap { revisions(in: $0, python: plan.python) }
            ?? current(plan, configuration: configuration)
        try? fileSystem.createDirectories(RunLock.stateDirectory(root: root))
        try? fileSystem.writeAtomically(stampPath, Array(([digest.hex] + after).joined(separator: "\n").utf8))
        if before == after { return "already at \(Self.describe(after))" }
        return "\(Self.describe(before)) → \(Self.describe(after))"
    }

    // MARK: - Revisions

    /// The revisions in the `alembic_version` table: empty when the table or file does not exist
    /// yet; nil when they cannot be read quickly (then `alembic current` tells).
    func revisions(in database: DatabaseLocation, python: String) -> [String]? {
        let command: Command
        switch database {
        case .sqlite(let sqlite):
            guard let path = sqlite.path else { return nil }
            guard fileSystem.exists(path) else { return [] }
            command = Command(
                python, ["-I", "-S", "-c", Self.sqliteScript, path], workingDirectory: root, output: .capture,
                timeout: 30)
        case .postgres(let postgres):
            var environment = postgres.clientEnvironment
            environment["PGDATABASE"] = postgres.database
            command = Command(
                "psql", ["-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1"], environment: environment,
                secrets: postgres.clientSecrets, workingDirectory: root, output: .capture,
                input: .bytes(Array("SELECT version_num FROM alembic_version;\n".utf8)), timeout: 30)
        case .other:
            return nil
        }
        guard let result = try? context.runner.run(command) else { return nil }
        if result.succeeded { return Self.lines(result.stdout) }
        if case .sqlite = database, result.termination == .exited(3) { return [] }
        if case .postgres = database, result.stderr.contains("does not exist") { return [] }
        return nil
    }

    /// Reads the table without importing anything outside the standard library; exit 3 when
    /// there is no table yet.
    static let sqliteScript = """
        import pathlib, sqlite3, sys
        try:
            connection = sqlite3.connect(pathlib.Path(sys.argv[1]).as_uri() + "?mode=ro", uri=True)
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.Error:
            sys.exit(3)
        print("\\n".join(row[0] for row in rows))
        """

    /// `alembic current`, parsed: the first word of each line of its standard output.
    private func current(_ plan: MigrationPlan, configuration: EffectiveConfiguration?) throws -> [String] {
        let command = plan.command(plan.currentArguments, configuration: configuration)
        let result = try context.runner.run(command)
        guard result.succeeded else {
            throw HelpError(
                "\(plan.component): alembic current failed (exit \(result.exitCode))"
                    + Secret.redact(StepRunner.tail(result, lines: 12), configuration?.secretValues ?? []),
                hint: "run `python -m alembic current` in \(plan.folder) to see the full output")
        }
        return Self.lines(result.stdout).compactMap { line in
            guard !line.hasPrefix("INFO"), !line.hasPrefix("WARN"), let word = line.split(separator: " ").first else {
                return nil
            }
            return word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } ? String(word) : nil
        }
    }

    // MARK: - Helpers

    /// SHA-256 over the migration inputs' paths and contents: a new or edited script changes it.
    func inputsDigest(_ plan: MigrationPlan) -> Digest {
        var hasher = SHA256()
        Self.hash(plan.inputs, in: plan.folder, into: &hasher, fileSystem: fileSystem)
        return hasher.finalize()
    }

    /// Feeds each input's path, length and content (relative to `folder`; a missing one is empty).
    static func hash(_ inputs: [String], in folder: String, into hasher: inout SHA256, fileSystem: FileSystem) {
        for input in inputs {
            let bytes = (try? fileSystem.readFile(folder + "/" + input)) ?? []
            hasher.update(input + "\u{0}" + String(bytes.count) + "\u{0}")
            hasher.update(bytes)
        }
    }

    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { String($0).trimmingCharacters(in: " \t") }.filter { !$0.isEmpty }
    }

    /// `0002`, `none`, `a1, b2`.
    static func describe(_ revisions: [String]) -> String {
        revisions.isEmpty ? "none" : revisions.joined(separator: ", ")
    }

    static func password(_ location: DatabaseLocation) -> Secret? {
        if case .postgres(let database) = location { return database.password }
        return nil
    }
}

extension Optional where Wrapped == [Secret] {
    fileprivate var orNone: [Secret] { self ?? [] }
}
