import HelpSystem

/// Flux on a server, optional (`--gitops-url URL --gitops-path PATH`): `flux check --pre` first,
/// then `flux bootstrap git`, which pushes Flux's manifests to the repository and makes the
/// cluster follow it. Credentials come from the environment only: `GIT_PASSWORD` (a secret in
/// flux's environment, the variable flux reads itself) and `GIT_USERNAME`; an SSH URL uses the
/// machine's SSH agent or the deploy key flux generates. `--rollback` runs `flux uninstall`.
struct K3sFluxStep: ProvisionStep {
    var gitops: JoinClusterOptions.GitOps
    var files: K3sFiles
    /// `GIT_USERNAME`, when set: not a secret, so it may go on the command line.
    var username: String?
    var password: Secret?

    var id: String { "flux" }
    var title: String { "Flux from \(gitops.url) (\(gitops.path))" }

    /// The admin kubeconfig K3s writes on a server, which flux needs (it does not read K3s's own).
    private var environment: [String: String] { ["KUBECONFIG": files.kubeconfig] }

    var checkCommand: Command {
        Command("flux", ["check", "--pre"], environment: environment, timeout: 120)
    }

    var bootstrapCommand: Command {
        var arguments = ["bootstrap", "git", "--url=" + gitops.url, "--path=" + gitops.path, "--silent"]
        if let username { arguments.append("--username=" + username) }
        return Command(
            "flux", arguments, environment: environment, secrets: password.map { ["GIT_PASSWORD": $0] } ?? [:],
            output: .stream(prefix: "flux"), timeout: 600)
    }

    func plan(_ run: StepRun) -> [PlannedAction] {
        [PlannedAction(checkCommand), PlannedAction(bootstrapCommand), PlannedAction("verify: flux check")]
    }

    /// Bootstrapping again is how flux repairs or upgrades itself, so it is never skipped by a
    /// check; a run after a verified one skips it through the state instead.
    func check(_ run: StepRun) throws -> Bool { false }

    func apply(_ run: StepRun) throws -> [String: String] {
        try run.run(checkCommand, fix: "flux check --pre names what the cluster lacks for Flux.")
        try run.run(
            bootstrapCommand,
            fix: "Check that GIT_PASSWORD (https) or the SSH key can push to \(gitops.url).", transient: true)
        return ["bootstrapped": gitops.url]
    }

    func verify(_ run: StepRun) throws {
        try run.run(
            Command("flux", ["check"], environment: environment, timeout: 120),
            fix: "kubectl -n flux-system get pods shows which controller is not ready.", transient: true)
    }

    func undo(_ run: StepRun, record: [String: String]) throws {
        try run.run(
            Command("flux", ["uninstall", "--silent"], environment: environment, timeout: 300),
            fix: "Run flux uninstall by hand.")
    }
}
