import HelpProject
import HelpSystem

#if canImport(Glibc)
    import Glibc
#endif

extension ProjectPostgres {
    /// The server programs, from one folder.
    public struct Tools: Sendable, Equatable {
        public var initdb: String
        public var pgCtl: String
    }

    /// The system user the server runs as when `help` runs as root.
    struct Owner: Sendable, Equatable {
        var name: String
        var uid: uid_t
        var gid: gid_t
    }

    /// Where Debian and Ubuntu keep the server programs, off the PATH.
    public static let debianFolder = "/usr/lib/postgresql"
    /// The first port tried for a new cluster (the usual 5432 is left to a system server).
    static let firstPort = 55432

    /// `initdb` and `pg_ctl` from PATH (or `HELP_INITDB`), else from the newest
    /// `/usr/lib/postgresql/<version>/bin`; nil when the server is not installed.
    public static func tools(environment: [String: String], debianFolder: String = debianFolder) -> Tools? {
        let lookup = ToolLookup(environment: environment)
        if let initdb = lookup.locate("initdb") {
            let beside = String(initdb[..<(initdb.lastIndex(of: "/") ?? initdb.startIndex)]) + "/pg_ctl"
            if ToolLookup.isExecutableFile(beside) { return Tools(initdb: initdb, pgCtl: beside) }
            if let pgCtl = lookup.locate("pg_ctl") { return Tools(initdb: initdb, pgCtl: pgCtl) }
        }
        let versions = ((try? FileSystem().listDirectory(debianFolder)) ?? []).compactMap { Int($0.name) }
        for version in versions.sorted(by: >) {
            let bin = "\(debianFolder)/\(version)/bin"
            if ToolLookup.isExecutableFile(bin + "/initdb"), ToolLookup.isExecutableFile(bin + "/pg_ctl") {
                return Tools(initdb: bin + "/initdb", pgCtl: bin + "/pg_ctl")
            }
        }
        return nil
    }

    /// `tools`, or exit 69 with the install hint.
    func requireTools() throws -> Tools {
        if let tools = Self.tools(environment: context.environment) { return tools }
        throw Self.missingTools(component: nil, database: "app", environment: context.environment)
    }

    /// Exit 69: the server programs are missing; the hint says how to install them, or which
    /// `DATABASE_URL` line to add to the `.env` of `component` instead.
    public static func missingTools(component: String?, database: String, environment: [String: String]) -> HelpError {
        let install = Platform.detect(environment: environment).installHint("postgresql")
        let line = "DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/\(database)"
        return HelpError.unavailable(
            (component.map { "\($0) works only with PostgreSQL and no database is configured; " } ?? "")
                + "the PostgreSQL server programs (initdb, pg_ctl) are not installed",
            hint: (install.map { $0 + ", or " } ?? "")
                + "add \(line) to \(component.map { "the .env of \($0)" } ?? "the .env") (or the environment)")
    }

    /// Nil unless `help` runs as root; then the `postgres` user (the server refuses to run as
    /// root), or exit 69 when there is none.
    func serverOwner(_ tools: Tools) throws -> Owner? {
        guard geteuid() == 0 else { return nil }
        guard let entry = getpwnam(Self.superuser) else {
            throw HelpError.unavailable(
                "PostgreSQL refuses to run as root, and this machine has no postgres user to run it as",
                hint: "create one (useradd --system postgres), run help as an ordinary user, or set DATABASE_URL")
        }
        return Owner(name: Self.superuser, uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
    }

    /// `tool arguments`, through `runuser` as `owner` when there is one.
    func command(_ owner: Owner?, _ tool: String, _ arguments: [String]) -> Command {
        let argv = owner.map { ["-u", $0.name, "--", tool] + arguments } ?? arguments
        return Command(
            owner == nil ? tool : "runuser", argv, environment: ["LC_ALL": "C"], workingDirectory: folder,
            output: .capture, timeout: 120)
    }

    // MARK: - Creating

    /// The private folder (0700, the owner's), which the owner must be able to reach.
    func prepareFolder(owner: Owner?) throws {
        try fileSystem.createDirectories(folder, mode: 0o700)
        try fileSystem.setPermissions(folder, 0o700)
        guard let owner else { return }
        try give(folder, to: owner)
        let reach = try context.runner.run(command(owner, "test", ["-w", folder]))
        guard reach.succeeded else {
            throw HelpError.unavailable(
                "the postgres user cannot reach \(folder): a folder above the project is closed to others",
                hint: "let others enter the folders above the project (chmod o+x), run help as an ordinary user, "
                    + "or set DATABASE_URL")
        }
    }

    /// The superuser's password: generated once, kept in a 0600 file of the owner's.
    func clusterPassword(owner: Owner?) throws -> Secret {
        if let text = try? fileSystem.readText(passwordFile),
            let value = text.split(whereSeparator: \.isNewline).first, !value.isEmpty
        {
            return Secret(String(value))
        }
        let secret = try SecretGenerator().make()
        try fileSystem.writeAtomically(passwordFile, Array((secret.reveal() + "\n").utf8), mode: 0o600)
        if let owner { try give(passwordFile, to: owner) }
        return secret
    }

    /// `initdb` with the password from its file, then an include of the settings `start` writes.
    func initialize(_ tools: Tools, owner: Owner?) throws {
        if fileSystem.exists(dataDirectory) { try fileSystem.remove(dataDirectory) }
        let result = try context.runner.run(
            command(
                owner, tools.initdb,
                [
                    "-D", dataDirectory, "-U", Self.superuser, "--pwfile=" + passwordFile, "-A", "scram-sha-256",
                    "-E", "UTF8", "--no-locale", "-N",
                ]))
        guard result.succeeded else {
            throw HelpError.unavailable(
                "initdb could not create the project's PostgreSQL cluster\(StepRunner.tail(result, lines: 5))",
                hint: "the full output is in .helpcache/logs/")
        }
        let conf = dataDirectory + "/postgresql.conf"
        let text = try fileSystem.readText(conf)
        try fileSystem.writeAtomically(conf, Array((text + "\ninclude_if_exists = 'help.conf'\n").utf8), mode: 0o600)
        if let owner { try give(conf, to: owner) }
    }

    // MARK: - Starting

    /// True when `pg_ctl status` finds the server running.
    func isRunning(_ tools: Tools, owner: Owner?) throws -> Bool {
        try context.runner.run(command(owner, tools.pgCtl, ["-D", dataDirectory, "status"])).succeeded
    }

    /// Writes the listening settings (127.0.0.1, `port` when still free, else the next free one)
    /// and starts the server; returns the port.
    func start(_ tools: Tools, owner: Owner?, port recorded: Int?) throws -> Int {
        let isFree = { NetworkProbe.isPortFree(host: "127.0.0.1", port: $0) }
        let port: Int
        if let recorded, isFree(recorded) {
            port = recorded
        } else if let free = (Self.firstPort..<(Self.firstPort + 200)).first(where: isFree) {
            port = free
        } else {
            throw HelpError.unavailable("no free port for the project's PostgreSQL", hint: "set DATABASE_URL")
        }
        // A socket path longer than the kernel takes would stop the server: then TCP only.
        let sockets = folder + "/run"
        let socketFolder = (sockets + "/.s.PGSQL.\(port).lock").utf8.count < 100 ? sockets : ""
        try fileSystem.createDirectories(sockets, mode: 0o700)
        try fileSystem.setPermissions(sockets, 0o700)
        let settings = "listen_addresses = '127.0.0.1'\nport = \(port)\nunix_socket_directories = '\(socketFolder)'\n"
        let file = dataDirectory + "/help.conf"
        try fileSystem.writeAtomically(file, Array(settings.utf8), mode: 0o600)
        try fileSystem.writeAtomically(portFile, Array("\(port)\n".utf8), mode: 0o600)
        if let owner {
            for path in [sockets, file, portFile] { try give(path, to: owner) }
        }
        let result = try context.runner.run(
            command(owner, tools.pgCtl, ["-D", dataDirectory, "-l", logFile, "-w", "-t", "60", "-s", "start"]))
        guard result.succeeded else {
            let log = (try? fileSystem.readText(logFile)).map {
                "\n" + $0.split(separator: "\n").suffix(5).joined(separator: "\n")
            }
            throw HelpError.unavailable(
                "the project's PostgreSQL did not start\(StepRunner.tail(result, lines: 3))\(log ?? "")",
                hint: "its log is \(logFile)")
        }
        return port
    }

    /// Hands `path` to `owner`.
    func give(_ path: String, to owner: Owner) throws {
        guard chown(path, owner.uid, owner.gid) == 0 else {
            throw HelpError.io("cannot give \(path) to the \(owner.name) user (chown)")
        }
    }
}
