import HelpCache
import HelpSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `help self-update`: compares this binary's version with the latest in the release folder,
/// and replaces the binary with the newer release once its tarball matches SHA256SUMS. The
/// replacement is two renames in the binary's folder; the old binary waits as `help.old` until
/// the new one has answered `--version`, and is put back when it does not.
public struct SelfUpdate: Sendable {
    /// What `run` found or did.
    public struct Outcome: Sendable, Equatable {
        public var installed: String
        public var latest: String
        public var updated: Bool
        public var binary: String
    }

    public var context: Context
    /// The version of the running binary.
    public var installed: String
    /// The running binary's real path.
    public var binary: String
    public var os: String
    public var architecture: String

    public init(context: Context, installed: String, binary: String, os: String, architecture: String) {
        self.context = context
        self.installed = installed
        self.binary = binary
        self.os = os
        self.architecture = architecture
    }

    /// The folder of the binary.
    var folder: String {
        guard let slash = binary.lastIndex(of: "/") else { return "." }
        return slash == binary.startIndex ? "/" : String(binary[..<slash])
    }

    var base: String {
        var base =
            context.environment["HELP_INSTALL_BASE"].flatMap { $0.isEmpty ? nil : $0 } ?? ReleaseIndex.defaultBase
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }

    /// Checks, and unless `checkOnly`, updates when the release folder has a newer version.
    public func run(checkOnly: Bool) throws -> Outcome {
        // Beside the binary, so every rename below stays on one file system.
        let work = folder + "/.help-update.\(getpid())"
        let fs = context.fileSystem
        try fs.createDirectories(work)
        defer { try? fs.remove(work) }
        guard try fetch(base + "/SHA256SUMS", to: work + "/SHA256SUMS") else {
            throw HelpError.unavailable(
                "\(base)/SHA256SUMS was not found", hint: "Point HELP_INSTALL_BASE at a folder of help releases.")
        }
        let index = ReleaseIndex(sums: try fs.readText(work + "/SHA256SUMS"), os: os, architecture: architecture)
        var wanted: String?
        if try fetch(base + "/latest", to: work + "/latest") {
            wanted = try fs.readText(work + "/latest").split(whereSeparator: \.isWhitespace).first.map(String.init)
        }
        guard let entry = index.entry(version: wanted) else {
            throw HelpError.unavailable(
                "no help \(wanted ?? "release") for \(os) \(architecture) in \(base)/SHA256SUMS",
                hint: "Releases are listed there as help-VERSION-\(os)-\(architecture).tar.gz.")
        }
        var outcome = Outcome(installed: installed, latest: entry.version, updated: false, binary: binary)
        guard ReleaseIndex.isOlder(installed, than: entry.version), !checkOnly else { return outcome }
        let downloader = Downloader(context: context, mirror: nil, digest: { try FileHasher.hash(path: $0).hex })
        let tarball = try downloader.fetch(DownloadRequest(url: base + "/" + entry.path, sha256: entry.sha256))
        try replace(with: tarball.path, work: work)
        outcome.updated = true
        return outcome
    }

    /// `curl -fsSL URL -o file`; false when the server answers 404, throws 75 for other failures.
    func fetch(_ url: String, to file: String) throws -> Bool {
        let command = Command(
            "curl", ["-fsSL", "--retry", "3", "--connect-timeout", "20", "-o", file, url], timeout: 120)
        let result = try context.runner.run(command)
        if result.succeeded { return true }
        if result.exitCode == 22 && result.stderr.contains("404") { return false }
        throw HelpError(
            "cannot download \(url): \(result.stderr.split(separator: "\n").last ?? "curl failed")",
            hint: "Check the network or HELP_INSTALL_BASE, then run it again.", code: .tempFailure)
    }

    /// Unpacks the verified tarball and swaps the binary (and the installed Templates beside it).
    func replace(with tarball: String, work: String) throws {
        let fs = context.fileSystem
        let unpacked = work + "/unpacked"
        try fs.createDirectories(unpacked)
        let untar = try context.runner.run(Command("tar", ["-xzf", tarball, "-C", unpacked], timeout: 300))
        guard untar.succeeded, fs.exists(unpacked + "/bin/help") else {
            throw HelpError.badData("the release tarball holds no bin/help", hint: "The release folder is broken.")
        }
        let staged = folder + "/.help.new"
        let old = folder + "/help.old"
        try fs.writeAtomically(staged, try fs.readFile(unpacked + "/bin/help"), mode: 0o755)
        try fs.rename(binary, to: old)
        do {
            try fs.rename(staged, to: binary)
        } catch {
            try? fs.rename(old, to: binary)
            throw error
        }
        let check = try? context.runner.run(Command(binary, ["--version"], timeout: 60))
        guard let check, check.succeeded else {
            try fs.rename(old, to: binary)
            throw HelpError(
                "the new help did not run ('\(binary) --version' failed); the old one is back in place",
                hint: "Report the broken release; nothing changed.")
        }
        try fs.remove(old)
        try replaceTemplates(from: unpacked + "/share/help/Templates")
    }

    /// An installation's `../share/help/Templates` is swapped for the release's, when both exist.
    func replaceTemplates(from source: String) throws {
        let fs = context.fileSystem
        let share = folder + "/../share/help"
        guard fs.isDirectory(source), fs.isDirectory(share + "/Templates") else { return }
        try fs.remove(share + "/.Templates.old")
        try fs.rename(share + "/Templates", to: share + "/.Templates.old")
        try fs.rename(source, to: share + "/Templates")
        try fs.remove(share + "/.Templates.old")
    }
}
