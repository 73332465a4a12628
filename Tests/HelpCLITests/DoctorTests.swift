import Testing
import HelpSystem
import HelpTestSupport
@testable import HelpCLI

@Suite struct DoctorTests {
    static let common: Set<String> = ["python3", "git", "curl", "tar", "apt-get"]

    private func doctor(_ runner: ScriptedRunner, in folder: String) throws -> (code: Int32, json: JSONValue, cli: CLIHarness) {
        let cli = CLIHarness()
        let code = cli.run(["-C", folder, "doctor", "--json"], runner: runner)
        return (code, try JSONValue.parse(cli.stdout), cli)
    }

    private func tool(_ json: JSONValue, _ name: String) -> JSONValue? {
        json["tools"]?.array?.first { $0["name"]?.string == name }
    }

    @Test func allRequiredToolsPresentIsOkWithVersionsAndPaths() throws {
        let folder = TempDir()
        let runner = ScriptedRunner(tools: Self.common, answers: [
            "git --version": ProcessResult(termination: .exited(0), stdout: "git version 2.39.5\n"),
        ])
        let result = try doctor(runner, in: folder.path)
        #expect(result.code == 0)
        #expect(result.json["ok"] == true)
        #expect(tool(result.json, "git")?["version"]?.string == "2.39.5")
        #expect(tool(result.json, "git")?["path"]?.string == "/fake/bin/git")
        #expect(tool(result.json, "node")?["required"] == false)
        #expect(runner.commandLines.contains("python3 -m ensurepip --version"))
    }

    @Test func missingRequiredToolExits69WithAnInstallCommandForThisSystem() throws {
        let folder = TempDir()
        let result = try doctor(ScriptedRunner(tools: Self.common.subtracting(["curl"])), in: folder.path)
        #expect(result.code == 69)
        #expect(result.json["ok"] == false)
        #expect(result.json["package_manager"]?.string == "apt")
        #expect(tool(result.json, "curl")?["state"]?.string == "missing")
        #expect(tool(result.json, "curl")?["hint"]?.string == "sudo apt-get install curl")
    }

    @Test func nodeIsRequiredOnlyWhenTheProjectHasANodeComponent() throws {
        let folder = try TempDir.project(["package.json": #"{"name": "web", "scripts": {"test": "node --test"}}"#])
        let result = try doctor(ScriptedRunner(tools: Self.common), in: folder.path)
        #expect(result.code == 69)
        #expect(result.json["kinds"] == ["node"])
        #expect(tool(result.json, "node")?["required"] == true)
        #expect(tool(result.json, "npm")?["state"]?.string == "missing")
    }

    @Test func pythonWithoutEnsurepipIsBrokenAndPointsAtTheVenvPackage() throws {
        let folder = TempDir()
        let runner = ScriptedRunner(tools: Self.common, answers: [
            "python3 -m ensurepip --version": ProcessResult(
                termination: .exited(1), stderr: "ensurepip is disabled in Debian/Ubuntu for the system python.\n"),
        ])
        let result = try doctor(runner, in: folder.path)
        #expect(result.code == 69)
        let python = try #require(tool(result.json, "python3"))
        #expect(python["state"]?.string == "broken")
        #expect(python["hint"]?.string == "sudo apt-get install python3-venv")
        #expect(python["problems"]?[0]?.string?.contains("ensurepip is disabled") == true)
    }

    @Test func humanOutputIsATableThenWhatToFix() {
        let folder = TempDir()
        let cli = CLIHarness()
        #expect(cli.run(["-C", folder.path, "doctor"], runner: ScriptedRunner(tools: Self.common.subtracting(["tar"]))) == 69)
        #expect(cli.stdout.contains("TOOL"))
        #expect(cli.stdout.contains("tar (required, release archives): missing\n  fix: sudo apt-get install tar\n"))
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
        #expect(hint.text(for: .brew) == "brew install node")
        #expect(hint.text(for: .dnf) == "install it with your package manager (apt: nodejs; brew: node)")
        #expect(InstallHint(manual: "see the site").text(for: .apt) == "see the site")
    }
}
