/// One attempt at fetching a URL into a `.part` file with the real `curl`: `--fail` so an HTTP
/// error is an error rather than a saved error page, `--location` for release redirects, `-C -`
/// to continue what an earlier attempt left, and the connect and low-speed limits so no attempt
/// waits on the network without a timeout. Retrying is the caller's business (`Backoff`); this
/// type says whether a failure is worth retrying.
struct CurlTransfer: Sendable {
    /// Why an attempt failed.
    struct Failure: Error, Sendable {
        var message: String
        /// A network hiccup, a timeout, a 5xx: worth another attempt.
        var transient: Bool
        /// The partial file cannot be continued (416, no range support): start over.
        var restart: Bool
    }

    var url: String
    var partPath: String
    var timeouts: DownloadTimeouts

    /// The argv after `curl`. `--write-out` prints the HTTP status on stdout (the body goes to the
    /// file), so a 404 is told from a 503.
    var arguments: [String] {
        [
            "--fail", "--location", "--silent", "--show-error", "--max-redirs", "10",
            "--connect-timeout", Self.seconds(timeouts.connect),
            "--speed-limit", String(timeouts.lowSpeedBytes), "--speed-time", String(timeouts.lowSpeedSeconds),
            "--continue-at", "-", "--output", partPath, "--write-out", "%{http_code}", url,
        ]
    }

    /// The whole command; its own timeout is a last guard should curl itself hang.
    var command: Command {
        var command = Command("curl", arguments)
        command.logsStdout = true
        return command
    }

    /// The failure `result` describes, nil when the attempt succeeded.
    static func failure(of result: ProcessResult, url: String) -> Failure? {
        if result.succeeded { return nil }
        let status = Int(result.stdout.trimming(" \n")) ?? 0
        let said = result.stderr.split(separator: "\n").last.map { $0.trimming(" \t\r") } ?? ""
        let reason = said.isEmpty ? "curl exited with \(result.exitCode)" : said
        switch result.exitCode {
        case 22 where status == 416:
            return Failure(message: "\(url): \(reason)", transient: true, restart: true)
        case 22 where status == 408 || status == 429 || status >= 500:
            return Failure(message: "\(url): HTTP \(status)", transient: true, restart: false)
        case 22:
            return Failure(message: "\(url): HTTP \(status)", transient: false, restart: false)
        case 33, 36:  // the server cannot continue at the offset: begin again
            return Failure(message: "\(url): \(reason)", transient: true, restart: true)
        case 3, 1:  // a malformed URL or an unsupported protocol will not get better
            return Failure(message: "\(url): \(reason)", transient: false, restart: false)
        default:  // connect, resolve, timeouts, resets, partial files, TLS hiccups
            return Failure(message: "\(url): \(reason)", transient: true, restart: false)
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
