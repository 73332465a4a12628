import HelpProject
import HelpSystem

/// `help build --docker`: an image per component that has a Dockerfile, tagged with the
/// component's version and `latest`. Images live in the engine, not in `dist/`, so they are not
/// cached or listed in SHA256SUMS.
enum DockerImage {
    /// The components of `selection` with a Dockerfile in their folder.
    static func components(_ selection: [Component], project: Project) -> [Component] {
        selection.filter { FileSystem().exists(project.folder(of: $0) + "/Dockerfile") }
    }

    /// Refuses the run up front when images are wanted and no engine is installed.
    static func requireEngine(runner: any ProcessRunner) throws {
        guard runner.locate("docker") == nil else { return }
        throw HelpError.unavailable(
            "--docker needs the docker command, and it is not installed",
            hint: "Install Docker (or set HELP_DOCKER to its path), or build without --docker.")
    }

    /// The image name: the component name in lower case (Docker refuses upper case).
    static func name(of component: Component) -> String { component.name.lowercased() }

    /// `docker build -t NAME:VERSION -t NAME:latest FOLDER`.
    static func command(for component: Component, version: String, folder: String) -> Command {
        let name = name(of: component)
        return Command(
            "docker", ["build", "-t", "\(name):\(version)", "-t", "\(name):latest", folder],
            workingDirectory: folder, timeout: 3600)
    }

    /// Builds the image and notes it on `result`; a failed build fails the component.
    static func build(_ component: Component, folder: String, result: inout BuildResult, runner: any ProcessRunner) {
        guard result.status == .built || result.status == .restored || result.status == .skipped else { return }
        let version = result.version ?? "latest"
        do {
            let outcome = try runner.run(command(for: component, version: version, folder: folder))
            if outcome.succeeded {
                result.notes.append("image \(name(of: component)):\(version) and :latest")
                result.image = "\(name(of: component)):\(version)"
            } else {
                result.status = .failed
                result.notes.append("docker build failed (exit \(outcome.exitCode))\(StepRunner.tail(outcome))")
            }
        } catch {
            result.status = .failed
            result.notes.append("docker build: \(error)")
        }
    }
}
