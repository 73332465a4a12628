import HelpSystem

/// A file server on 127.0.0.1 for tests of downloads, mirrors and installers: serves `root`
/// (its own temporary folder unless given), supports byte ranges, records every request, and can
/// be told per path to stall, reset the connection mid-body, answer an error status, trickle
/// slowly or serve a tampered copy. Stopped by PID when released or on `stop()`.
public final class LoopbackHTTPServer: @unchecked Sendable {
    /// One request as the server saw it.
    public struct Request: Sendable, Equatable {
        public var method: String
        public var path: String
        /// The `Range` header, nil when absent.
        public var range: String?
    }

    /// The folder being served.
    public let root: String
    /// The port it listens on (chosen by the kernel).
    public let port: Int
    private let work: TempDir
    private let process: any RunningProcess
    private let fs = FileSystem()
    private let lock = Mutex()
    private var faults = JSONValue.object(JSONObject())

    /// Starts serving `root` (a fresh temporary folder when nil). Throws when python3 is missing
    /// or the server does not come up within ten seconds. `launcher` prefixes the server's command
    /// line, such as `nsenter --net=…` to serve the loopback of another network namespace.
    public init(root: String? = nil, python: String = "python3", launcher: [String] = []) throws {
        work = TempDir(prefix: "help-http")
        self.root = root ?? work.path("root")
        try fs.createDirectories(self.root)
        let script = work.path("server.py")
        try fs.writeAtomically(script, Array(LoopbackHTTPServerScript.source.utf8))
        let runner = PosixProcessRunner(environment: Environment.current().values, console: BufferConsole().console)
        let portFile = work.path("port")
        let line =
            launcher + [python, script, self.root, portFile, work.path("requests.log"), work.path("control.json")]
        process = try runner.start(Command(line[0], Array(line.dropFirst()), newProcessGroup: true))
        var found: Int?
        for _ in 0..<200 {
            if let bytes = try? FileSystem().readFile(portFile), let value = Int(String(decoding: bytes, as: UTF8.self))
            {
                found = value
                break
            }
            if process.poll() != nil { break }
            MonotonicTime.sleep(seconds: 0.05)
        }
        guard let found else {
            process.stop(grace: 1)
            throw HelpError("the loopback HTTP server did not start", hint: "Is python3 on PATH?", code: .unavailable)
        }
        port = found
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The URL of `path` (relative to the root, with or without a leading slash).
    public func url(_ path: String) -> String {
        baseURL + (path.hasPrefix("/") ? path : "/" + path)
    }

    /// Writes `bytes` at `path` under the root (folders created) and returns its URL.
    @discardableResult
    public func put(_ path: String, _ bytes: [UInt8]) throws -> String {
        let relative = path.hasPrefix("/") ? String(path.dropFirst()) : path
        let full = root + "/" + relative
        if let slash = full.lastIndex(of: "/") { try fs.createDirectories(String(full[..<slash])) }
        try fs.writeAtomically(full, bytes)
        return url(relative)
    }

    /// Requests to `path` are accepted and never answered.
    public func stall(_ path: String) throws { try add(path, to: "stall") }
    /// Requests to `path` get half the body and then a TCP reset.
    public func reset(_ path: String) throws { try add(path, to: "reset") }
    /// Requests to `path` get the file with the lowest bit of its middle byte flipped.
    public func tamper(_ path: String) throws { try add(path, to: "tamper") }
    /// Requests to `path` get `status` and a short body.
    public func fail(_ path: String, status: Int) throws { try set(path, .int(status), in: "status") }
    /// Requests to `path` trickle at about `bytesPerSecond`.
    public func slow(_ path: String, bytesPerSecond: Int) throws {
        try set(path, .int(bytesPerSecond), in: "slow")
    }
    /// Every path served normally again.
    public func clearFaults() throws {
        lock.withLock { faults = .object(JSONObject()) }
        try writeFaults()
    }

    /// Every request so far, oldest first.
    public func requests() -> [Request] {
        guard let bytes = try? fs.readFile(work.path("requests.log")) else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
            guard parts.count == 3 else { return nil }
            return Request(method: parts[0], path: parts[1], range: parts[2] == "-" ? nil : parts[2])
        }
    }

    /// Stops the server (its whole process group) and waits for it.
    public func stop() {
        if process.poll() == nil { process.stop(grace: 1) }
    }

    private func add(_ path: String, to list: String) throws {
        let key = path.hasPrefix("/") ? path : "/" + path
        lock.withLock {
            var paths = faults[list]?.array ?? []
            paths.append(.string(key))
            faults[list] = .array(paths)
        }
        try writeFaults()
    }

    private func set(_ path: String, _ value: JSONValue, in table: String) throws {
        let key = path.hasPrefix("/") ? path : "/" + path
        lock.withLock {
            if faults[table] == nil { faults[table] = .object(JSONObject()) }
            faults[table]?[key] = value
        }
        try writeFaults()
    }

    private func writeFaults() throws {
        let document = lock.withLock { faults }
        try fs.writeAtomically(work.path("control.json"), document.encodedBytes())
    }
}
