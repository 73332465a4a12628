import HelpProvision
import HelpSystem

/// `help cluster profile|token|status|discover`: the cluster as a whole, as seen from one machine.
public enum ClusterCommand {
    static let actions = ["profile"] + ClusterNodeActions.names

    public static let spec = CommandSpec(
        name: "cluster",
        summary: "Record the cluster's profile; show K3s join tokens, node status and tailnet peers",
        discussion: """
            profile (run where the Ray head runs): writes the exact Ray and Python versions, the head's \
            address (its Tailscale IP when it has one), the auth mode (RAY_AUTH_MODE), the repository and \
            ref, and download pins (--pin NAME/PLATFORM=URL, hashed here) — never a secret. \
            help setup-node --profile FILE uses it. token, status and discover serve K3s clusters made by \
            help join-cluster.
            """,
        options: [
            .value("head", valueName: "HOST:PORT", help: "profile: the Ray head's address"),
            .value("repo", valueName: "URL", help: "profile: the team's repository"),
            .value("ref", valueName: "REF", help: "profile: its branch or tag"),
            .value("out", valueName: "FILE", help: "profile: write here (atomically) instead of stdout"),
            .repeatable("pin", valueName: "NAME/PLATFORM=URL", help: "profile: a download to pin by SHA-256"),
            .value("python", valueName: "PATH", help: "profile: the head's interpreter (default python3)"),
        ] + ClusterNodeActions.options,
        positionals: [PositionalSpec("ACTION", help: "profile, token, status or discover")],
        examples: [
            .init("help cluster profile --head 127.0.0.1:6379 --repo URL --ref main --out cluster.json", "On the head")
        ] + ClusterNodeActions.examples,
        run: { try run($0, $1) })

    static func run(_ invocation: Invocation, _ context: Context) throws -> Report {
        let action = invocation.positionals.first ?? ""
        guard actions.contains(action) else {
            throw HelpError.usage(
                "unknown action '\(action)'", hint: "Use one of: " + actions.joined(separator: ", ") + ".")
        }
        guard action == "profile" else { return try ClusterNodeActions.run(action, invocation, context) }
        guard let head = invocation.value("head") else {
            throw HelpError.usage(
                "cluster profile needs --head HOST:PORT", hint: "The address workers join, such as 100.64.0.1:6379.")
        }
        let profiler = ClusterProfiler(context: context, python: invocation.value("python") ?? "python3")
        let profile = try profiler.profile(
            head: head, repository: invocation.value("repo"), ref: invocation.value("ref"),
            pins: invocation.values("pin"))
        let text = profile.json.encoded(.pretty) + "\n"
        if let out = invocation.value("out") {
            let path = out.hasPrefix("/") ? out : context.workingDirectory + "/" + out
            try context.fileSystem.writeAtomically(path, Array(text.utf8))
            return Report(
                lines: [
                    "Wrote \(out): Ray \(profile.rayVersion ?? "?"), Python \(profile.pythonVersion ?? "?"), head \(profile.headAddress ?? "?")"
                ],
                json: profile.json)
        }
        return Report(lines: [String(text.dropLast())], json: profile.json)
    }
}
