import HelpProject
import HelpSystem
import HelpTasks

/// `help self-update [--check]`: the installed binary against the latest release in the release
/// folder install.sh uses (HELP_INSTALL_BASE), and the verified swap to it.
public enum SelfUpdateCommand {
    public static let spec = CommandSpec(
        name: "self-update",
        summary: "Update this help binary to the latest release (--check only compares)",
        discussion: """
            Reads SHA256SUMS (and the optional 'latest' file naming the version) from HELP_INSTALL_BASE \
            (default \(ReleaseIndex.defaultBase)), the folder install.sh installs from. When a newer \
            help-VERSION-OS-ARCH.tar.gz is listed, it is downloaded into the download cache, verified \
            against SHA256SUMS (a mismatch is exit 65 and changes nothing), and swapped in by rename; \
            the old binary stays as help.old until the new one answers --version, and is put back when \
            it does not. Templates of an installation (../share/help/Templates) are replaced too.
            """,
        options: [.flag("check", help: "Only say whether a newer release exists")],
        examples: [
            .init("help self-update --check", "Installed and latest version"),
            .init("help self-update", "Install the latest release over this binary"),
            .init("HELP_INSTALL_BASE=http://mirror.local/help help self-update", "Update from a mirror"),
        ],
        run: { try run($0, $1) })

    static func run(_ invocation: Invocation, _ context: Context) throws -> Report {
        guard let binary = TemplateLocator.currentExecutable() else {
            throw HelpError.io("cannot tell where this help binary is", hint: "Reinstall it with install.sh.")
        }
        let platform = Platform.detect(environment: context.environment)
        let update = SelfUpdate(
            context: context, installed: HelpVersion.number, binary: binary,
            os: platform.kernel == "darwin" ? "macos" : "linux",
            architecture: platform.architecture)
        let checkOnly = invocation.flag("check")
        let outcome = try update.run(checkOnly: checkOnly)
        let newer = ReleaseIndex.isOlder(outcome.installed, than: outcome.latest)
        let line: String
        if outcome.updated {
            line = "updated \(binary): \(outcome.installed) → \(outcome.latest)"
        } else if newer {
            line = "help \(outcome.installed) is installed; \(outcome.latest) is available (run 'help self-update')"
        } else {
            line = "help \(outcome.installed) is up to date (latest: \(outcome.latest))"
        }
        let json: JSONValue = [
            "installed": .string(outcome.installed), "latest": .string(outcome.latest),
            "update_available": .bool(newer && !outcome.updated), "updated": .bool(outcome.updated),
            "binary": .string(binary),
        ]
        return Report(lines: [line], json: json)
    }
}
