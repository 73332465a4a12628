/// The attempts behind `Downloader.fetch`: curl runs in the background while its `.part` file is
/// watched for the progress bar and for Ctrl-C; a failed attempt is retried with backoff when it
/// is transient, continuing where it stopped.
extension Downloader {
    /// Downloads `url` into `part` (continuing a partial file), or throws: 69 when the server
    /// refuses for good, 75 when every attempt failed for a reason that could pass.
    func transfer(url: String, to part: String, expectedSize: Int64?, step: ProgressStep) throws {
        do {
            try backoff.run(
                isTransient: { ($0 as? CurlTransfer.Failure)?.transient ?? false },
                onRetry: { error, attempt, wait in
                    let message = (error as? CurlTransfer.Failure)?.message ?? "\(error)"
                    console.info("    attempt \(attempt) failed (\(message)); retrying in \(Int(wait.rounded()))s")
                },
                { _ in try attempt(CurlTransfer(url: url, partPath: part, timeouts: timeouts), expectedSize, step) }
            )
        } catch let failure as CurlTransfer.Failure {
            if failure.transient {
                throw HelpError(
                    "download failed after \(backoff.attempts) attempts: \(failure.message)",
                    hint: "Check the network (or the mirror); run again to continue where it stopped.",
                    code: .tempFailure)
            }
            try? fileSystem.remove(part)
            throw HelpError.unavailable(
                "download refused: \(failure.message)",
                hint: mirror == nil
                    ? "Check the URL pinned in the cluster profile."
                    : "Put the file on the mirror at that path (the upstream host and path below its base).")
        }
    }

    /// One curl run, watched every 200 ms.
    private func attempt(_ transfer: CurlTransfer, _ expectedSize: Int64?, _ step: ProgressStep) throws {
        let child = try runner.start(transfer.command)
        var result: ProcessResult
        while true {
            if let done = child.poll() {
                result = done
                break
            }
            if let signal = interruption() {
                child.stop(grace: 1)
                throw HelpError("interrupted (\(Signals.name(of: signal)))", code: .interrupted)
            }
            step.update(progressLine(received: currentSize(transfer.partPath), expected: expectedSize))
            MonotonicTime.sleep(seconds: 0.2)
        }
        guard let failure = CurlTransfer.failure(of: result, url: transfer.url) else { return }
        if failure.restart { try? fileSystem.remove(transfer.partPath) }
        throw failure
    }

    private func currentSize(_ path: String) -> Int64 {
        (try? fileSystem.stat(path).size) ?? 0
    }

    /// `12.3 MiB of 80.0 MiB [######--------------] 15%`, or the byte count alone when the size
    /// is not known beforehand.
    func progressLine(received: Int64, expected: Int64?) -> String {
        let done = ByteSize.format(UInt64(max(0, received)))
        guard let expected, expected > 0 else { return done }
        let fraction = min(1, Double(received) / Double(expected))
        let filled = Int((fraction * 20).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: 20 - filled)
        return "\(done) of \(ByteSize.format(UInt64(expected))) [\(bar)] \(Int((fraction * 100).rounded(.down)))%"
    }
}
