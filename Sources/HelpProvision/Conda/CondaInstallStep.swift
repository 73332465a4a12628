import HelpSystem

/// Conda for the node: an existing install at the prefix is reused; otherwise the Miniforge
/// installer (conda-forge, no terms to accept) or, with `--conda miniconda`, Miniconda's (whose
/// channel terms are then accepted explicitly, and said so) is downloaded, verified and run
/// with `-b -p PREFIX` (batch mode, no prompts, no shell rc edits).
struct CondaInstallStep: ProvisionStep {
    var options: SetupNodeOptions
    var downloader: @Sendable () -> Downloader

    var id: String { "conda" }
    var title: String { "conda (\(options.condaKind)) at \(options.condaPrefix)" }
    var conda: String { options.condaPrefix + "/bin/conda" }

    /// The installer's URL; Miniforge publishes a `.sha256` beside each installer.
    var installerURL: String {
        let suffix = options.platform.condaInstallerSuffix
        if options.condaKind == "miniconda" {
            return "https://repo.anaconda.com/miniconda/Miniconda3-latest-\(suffix).sh"
        }
        return "https://github.com/conda-forge/miniforge/releases/latest/download/Miniforge3-\(suffix).sh"
    }

    /// The terms Miniconda's default channels need accepted before non-interactive use (conda ≥ 24.11).
    var termsCommands: [Command] {
        ["https://repo.anaconda.com/pkgs/main", "https://repo.anaconda.com/pkgs/r"].map {
            Command(conda, ["tos", "accept", "--override-channels", "--channel", $0], timeout: 120)
        }
    }

    var installCommand: Command {
        Command("bash", ["<installer>", "-b", "-p", options.condaPrefix], timeout: 1800)
    }

    func plan(_ run: StepRun) -> [PlannedAction] {
        let pin = options.profile.pin(options.condaKind, platform: options.platform.description)
        let source =
            pin.map { "download \($0.url) (sha256 \($0.sha256.prefix(12))… pinned)" }
            ?? (options.condaKind == "miniforge"
                ? "download \(installerURL) (sha256 from \(installerURL).sha256)"
                : "download \(installerURL) (needs a sha256 pin)")
        var actions = [PlannedAction(source), PlannedAction(installCommand)]
        if options.condaKind == "miniconda" { actions += termsCommands.map { PlannedAction($0) } }
        return actions
    }

    func check(_ run: StepRun) throws -> Bool {
        run.fileSystem.exists(conda) && run.succeeds(Command(conda, ["info", "--json"], timeout: 60))
    }

    func apply(_ run: StepRun) throws -> [String: String] {
        let fetcher = downloader()
        let request: DownloadRequest
        if let pin = options.profile.pin(options.condaKind, platform: options.platform.description) {
            request = DownloadRequest(url: pin.url, sha256: pin.sha256)
        } else if options.condaKind == "miniforge" {
            let published = try fetcher.fetchText(installerURL + ".sha256")
            let sha = String(published.split(whereSeparator: { $0 == " " || $0.isNewline }).first ?? "")
            request = DownloadRequest(url: installerURL, sha256: sha)
        } else {
            throw StepFailure(
                message: "Miniconda's installer has no published checksum to verify it with",
                fix: "Pin it (help cluster profile --pin miniconda/\(options.platform)=URL) or use Miniforge.",
                code: .dataError)
        }
        let installer = try fetcher.fetch(request)
        var command = installCommand
        command.arguments[0] = installer.path
        try run.run(
            command, fix: "Read the installer's output above; remove \(options.condaPrefix) if it is half made.")
        if options.condaKind == "miniconda" {
            run.console.info("Accepting the Anaconda channel terms of service (--conda miniconda asked for them).")
            for terms in termsCommands { try run.run(terms, fix: "Accept them by hand: \(terms.displayLine)") }
        }
        return ["prefix": options.condaPrefix]
    }

    func verify(_ run: StepRun) throws {
        try run.run(
            Command(conda, ["info", "--json"], timeout: 60), fix: "Reinstall: help setup-node --rollback, then again.")
    }

    func undo(_ run: StepRun, record: [String: String]) throws {
        if let prefix = record["prefix"] { try run.fileSystem.remove(prefix) }
    }
}
