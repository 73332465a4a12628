import HelpSystem
import HelpTasks
import HelpTestSupport
import Testing

@testable import HelpCLI

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct DoctorTests {
    static let common: Set<String> = ["python3", "git", "curl", "tar"]
    /// A PATH whose only program is a fake `apt-get`, so the package manager is apt on any machine.
    let aptSystem = FakeTool()
    /// How hints start here: no sudo when the tests run as root.
    let aptInstall = (geteuid() == 0 ? "" : "sudo ") + "apt-get install -y "

    init() throws {
        try aptSystem.install("apt-get")
    }

    private func doctor(_ runner: RecordingProcessRunner, in folder: String) throws -> (
        code: Int32, json: JSONValue, cli: CLIHarness
    ) {
        let cli = CLIHarness()
        let code = cli.run(
            ["-C", folder, "doctor", "--json"], environment: ["PATH": aptSystem.binPath], runner: runner)
        return (code, try JSONValue.parse(cli.stdout), cli)
    }

    private func tool(_ json: JSONValue, _ name: String) -> JSONValue? {
        json["tools"]?.array?.first { $0["name"]?.string == name }
    }

    @Test func allRequiredToolsPresentIsOkWithVersionsAndPaths() throws {
        let folder = TempDir()
        let runner = RecordingProcessRunner.tools(
            Self.common,
            answers: [
                "git --version": ProcessResult(termination: .exited(0), stdout: "git version 2.39.5\n")
            ])
        let result = try doctor(runner, in: folder.path)
        #expect(result.code == 0)
        #expect(result.json["ok"] == true)
        #expect(tool(result.json, "git")?["version"]?.string == "2.39.5")
        #expect(tool(result.json, "git")?["path"]?.string == "/usr/bin/git")
        #expect(tool(result.json, "node")?["required"] == false)
        #expect(
            runner.commands.contains {
                $0.executable.hasSuffix("/python3") && $0.arguments == ["-m", "ensurepip", "--version"]
            })
    }

    @Test func missingRequiredToolExits69WithAnInstallCommandForThisSystem() throws {
        let folder = TempDir()
        let result = try doctor(RecordingProcessRunner.tools(Self.common.subtracting(["curl"])), in: folder.path)
        #expect(result.code == 69)
        #expect(result.json["ok"] == false)
        #expect(result.json["system"]?["package_manager"]?.string == "apt")
        #expect(tool(result.json, "curl")?["state"]?.string == "missing")
        #expect(tool(result.json, "curl")?["hint"]?.string == aptInstall + "curl")
    }

    @Test func nodeIsRequiredOnlyWhenTheProjectHasANodeComponent() throws {
        let folder = try TempDir.project(["package.json": #"{"name": "web", "scripts": {"test": "node --test"}}"#])
        let result = try doctor(RecordingProcessRunner.tools(Self.common), in: folder.path)
        #expect(result.code == 69)
        #expect(result.json["kinds"] == ["node"])
        #expect(tool(result.json, "node")?["required"] == true)
        #expect(tool(result.json, "npm")?["state"]?.string == "missing")
    }

    @Test func pythonWithoutEnsurepipIsBrokenAndPointsAtTheVenvPackage() throws {
        let folder = TempDir()
        let runner = RecordingProcessRunner.tools(
            Self.common,
            answers: [
                "python3 -m ensurepip --version": ProcessResult(
                    termination: .exited(1), stderr: "ensurepip is disabled in Debian/Ubuntu for the system python.\n")
            ])
        let result = try doctor(runner, in: folder.path)
        #expect(result.code == 69)
        let python = try #require(tool(result.json, "python3"))
        #expect(python["state"]?.string == "broken")
        #expect(python["hint"]?.string == aptInstall + "python3-venv")
        #expect(python["problems"]?[0]?.string?.contains("ensurepip is disabled") == true)
    }

    @Test func humanOutputIsATableThenWhatToFix() {
        let folder = TempDir()
        let cli = CLIHarness()
        let runner = RecordingProcessRunner.tools(Self.common.subtracting(["tar"]))
        #expect(cli.run(["-C", folder.path, "doctor"], environment: ["PATH": aptSystem.binPath], runner: runner) == 69)
        #expect(cli.stdout.contains("TOOL"))
        #expect(cli.stdout.contains("tar (required, release archives): missing\n  fix: \(aptInstall)tar\n"))
        #expect(cli.stderr.contains("error: required tool missing or broken: tar"))
    }

    @Test func versionNumbersAreFoundInWhatToolsPrint() {
        #expect(VersionText.number(in: "git version 2.39.5\n") == "2.39.5")
        #expect(VersionText.number(in: "v20.20.2\n") == "20.20.2")
        #expect(VersionText.number(in: "Docker version 28.2.2, build e6534b4") == "28.2.2")
        #expect(VersionText.number(in: "k3s version v1.30.4+k3s1 (98262b5d)") == "1.30.4+k3s1")
        #expect(VersionText.number(in: "tool without numbers") == "tool without numbers")
        #expect(VersionText.number(in: "") == nil)
    }

    @Test func installHintFallsBackToManualWordsThenToEveryPackageName() {
        let hint = InstallHint(apt: ["nodejs"], brew: ["node"])
        #expect(hint.text(for: .brew, asRoot: false) == "brew install node")
        #expect(hint.text(for: .apt, asRoot: false) == "sudo apt-get install -y nodejs")
        #expect(hint.text(for: .dnf, asRoot: true) == "install it with your package manager (apt: nodejs; brew: node)")
        #expect(hint.text(for: nil, asRoot: true) == "install it with your package manager (apt: nodejs; brew: node)")
        #expect(InstallHint(manual: "see the site").text(for: .apt, asRoot: true) == "see the site")
    }
}

extension RecordingProcessRunner {
    /// A runner on which only `tools` are installed (every other tool of the doctor's catalogue is
    /// missing); `answers` maps `name arg…` to a result, anything else prints `name 1.0.0`.
    static func tools(_ tools: Set<String>, answers: [String: ProcessResult] = [:]) -> RecordingProcessRunner {
        let runner = RecordingProcessRunner()
        for spec in ToolCatalog.all where !tools.contains(spec.name) { runner.makeMissing(spec.name) }
        for name in tools {
            runner.on(name) { command in
                let line = ([name] + command.arguments).joined(separator: " ")
                return answers[line] ?? ProcessResult(termination: .exited(0), stdout: "\(name) 1.0.0\n")
            }
        }
        return runner
    }
}
