import HelpSystem
import Testing

@testable import HelpProject

@Suite("Interpreter discovery and choice")
struct InterpreterChoiceTests {
    let machine: [String] = [
        "/pyenv/versions/3.8.18/bin/python3.8", "/pyenv/versions/3.11.7/bin/python3.11",
        "/pyenv/versions/3.12.1/bin/python3.12",
        "/usr/bin/python3.11", "/usr/bin/python3",
    ]

    func discovery() -> InterpreterDiscovery {
        let files = Set(machine)
        return InterpreterDiscovery(
            environment: ["PYENV_ROOT": "/pyenv", "PATH": "/usr/local/bin:/usr/bin"],
            isExecutable: { files.contains($0) },
            listDirectory: { $0 == "/pyenv/versions" ? ["3.12.1", "3.8.18", "pypy3.10-7.3", "3.11.7", "3.13.0t"] : [] })
    }

    @Test("pyenv builds, python3.X on PATH and python3 are all found, other implementations skipped")
    func discoversAll() {
        let found = discovery().candidates(fallbackVersion: { _ in PythonVersion(release: [3, 11, 2]) })
        #expect(
            found.map(\.path) == [
                "/pyenv/versions/3.11.7/bin/python3.11", "/pyenv/versions/3.12.1/bin/python3.12",
                "/pyenv/versions/3.8.18/bin/python3.8",
                "/usr/bin/python3.11", "/usr/bin/python3",
            ])
        #expect(found.last?.origin == .fallback)
    }

    @Test("a .python-version pin picks the newest build of that minor version")
    func pinWins() {
        let found = discovery().candidates(fallbackVersion: { _ in PythonVersion(release: [3, 11, 2]) })
        let chosen = InterpreterChooser.choose(
            from: found, for: InterpreterRequest(pin: PythonVersionFile(text: "3.11\n")))
        #expect(chosen?.path == "/pyenv/versions/3.11.7/bin/python3.11")
    }

    @Test("without a pin the default python3 is used when requires-python allows it")
    func defaultPython3() {
        let found = discovery().candidates(fallbackVersion: { _ in PythonVersion(release: [3, 11, 2]) })
        #expect(InterpreterChooser.choose(from: found, for: InterpreterRequest())?.path == "/usr/bin/python3")
    }

    @Test("otherwise the newest interpreter that satisfies requires-python")
    func newestFitting() throws {
        let found = discovery().candidates(fallbackVersion: { _ in PythonVersion(release: [3, 11, 2]) })
        let requirement = InterpreterRequest(requiresPython: try SpecifierSet(">=3.12"))
        #expect(
            InterpreterChooser.choose(from: found, for: requirement)?.version == PythonVersion(release: [3, 12, 1]))
        let impossible = InterpreterRequest(requiresPython: try SpecifierSet(">=3.14"))
        #expect(InterpreterChooser.choose(from: found, for: impossible) == nil)
    }

    @Test("pyvenv.cfg gives the base version, whether written by venv or uv")
    func pyvenvConfig() {
        #expect(
            VirtualEnvironmentConfig(text: "home = /x/bin\nversion = 3.11.7\n").version
                == PythonVersion(release: [3, 11, 7]))
        #expect(
            VirtualEnvironmentConfig(text: "home = /x/bin\nversion_info = 3.12.1.final.0\n").version
                == PythonVersion(release: [3, 12, 1]))
        #expect(VirtualEnvironmentConfig(text: "home = /x/bin\n").home == "/x/bin")
    }

    @Test("the probe's answer is read into a version and pip presence; a failure is broken")
    func probeInterpretation() {
        #expect(
            EnvironmentProbe.interpret(ProcessResult(termination: .exited(0), stdout: "3.11.7\nTrue\n"))
                == .healthy(version: PythonVersion(release: [3, 11, 7]), hasPip: true))
        #expect(
            EnvironmentProbe.interpret(ProcessResult(termination: .exited(0), stdout: "3.12.1\nFalse\n"))
                == .healthy(version: PythonVersion(release: [3, 12, 1]), hasPip: false))
        #expect(
            EnvironmentProbe.interpret(ProcessResult(termination: .exited(127), stderr: "not found\n"))
                == .broken("not found"))
    }
}

@Suite("Environment choice")
struct EnvironmentChoiceTests {
    let root = "/repo"
    let component = "/repo/server"

    @Test("a healthy, fitting environment in the component is reused")
    func reusesComponentEnvironment() {
        let decision = EnvironmentChooser.decide(
            componentDirectory: component, rootDirectory: root, requirement: InterpreterRequest(),
            isEnvironment: { $0.root == "/repo/server/venv" },
            probe: { _ in .healthy(version: PythonVersion(release: [3, 11, 7]), hasPip: true) })
        #expect(
            decision
                == .reuse(
                    VirtualEnvironment(root: "/repo/server/venv"),
                    reason: "reusing server/venv (Python 3.11.7, fits any Python 3)"))
    }

    @Test("the root environment is used when the component has none")
    func fallsBackToRoot() {
        let decision = EnvironmentChooser.decide(
            componentDirectory: component, rootDirectory: root, requirement: InterpreterRequest(),
            isEnvironment: { $0.root == "/repo/.venv" },
            probe: { _ in .healthy(version: PythonVersion(release: [3, 11, 7]), hasPip: true) })
        #expect(decision.environment.root == "/repo/.venv")
        #expect(!decision.needsCreation)
    }

    @Test("a broken .venv in the component is recreated, with the reason")
    func recreatesBroken() {
        let decision = EnvironmentChooser.decide(
            componentDirectory: component, rootDirectory: root, requirement: InterpreterRequest(),
            isEnvironment: { $0.root == "/repo/server/.venv" }, probe: { _ in .broken("No such file or directory") })
        guard case .recreate(let env, let reason) = decision else {
            Issue.record("expected recreate, got \(decision)")
            return
        }
        #expect(env.root == "/repo/server/.venv")
        #expect(reason.contains("does not run"))
    }

    @Test("an environment with the wrong Python is passed over and a new one created in the component")
    func unfitIsSkipped() throws {
        let requirement = InterpreterRequest(requiresPython: try SpecifierSet(">=3.10"))
        let decision = EnvironmentChooser.decide(
            componentDirectory: component, rootDirectory: root, requirement: requirement,
            isEnvironment: { $0.root == "/repo/.venv" },
            probe: { _ in .healthy(version: PythonVersion(release: [3, 8, 18]), hasPip: true) })
        #expect(
            decision
                == .create(
                    VirtualEnvironment(root: "/repo/server/.venv"),
                    reason: ".venv: Python 3.8.18 does not satisfy requires-python >=3.10; creating server/.venv"))
    }

    @Test("an environment without pip is not reused")
    func withoutPip() {
        let decision = EnvironmentChooser.decide(
            componentDirectory: component, rootDirectory: root, requirement: InterpreterRequest(),
            isEnvironment: { $0.root == "/repo/server/.venv" },
            probe: { _ in .healthy(version: PythonVersion(release: [3, 11, 7]), hasPip: false) })
        #expect(decision.needsCreation)
        #expect(decision.reason.contains("no pip"))
    }
}

@Suite("Poetry constraints")
struct PoetryConstraintTests {
    @Test(
        "caret and tilde become PEP 440 ranges",
        arguments: [
            ("^1.2.3", "<2,>=1.2.3"), ("^0.2.3", "<0.3,>=0.2.3"), ("^0.0.3", "<0.0.4,>=0.0.3"),
            ("~1.2.3", "<1.3,>=1.2.3"), ("~1", "<2,>=1"), ("*", ""), ("1.2.3", "==1.2.3"), (">=1.0, <2", "<2,>=1.0"),
        ])
    func converts(pair: (String, String)) throws {
        #expect(try PyProject.poetrySpecifier(pair.0).description == pair.1)
    }

    @Test("a requirement keeps extras, a path dependency has none, and nonsense is refused")
    func requirements() throws {
        let uvicorn = PyProject.PoetryDependency(
            name: "uvicorn", constraint: "^0.30", extras: ["standard"], markers: nil, isOptional: false, source: nil)
        #expect(try PyProject.requirement(of: uvicorn)?.description == "uvicorn[standard]<0.31,>=0.30")
        let local = PyProject.PoetryDependency(
            name: "shared", constraint: nil, extras: [], markers: nil, isOptional: false, source: "../shared")
        #expect(try PyProject.requirement(of: local) == nil)
        #expect(throws: HelpError.self) { try PyProject.poetrySpecifier("^x.y") }
    }
}

@Suite("Node dependencies")
struct NodeDependenciesTests {
    @Test("no dependencies means nothing to install, whatever node_modules looks like")
    func noDependencies() {
        let state = NodeDependencies.assess(directory: "/p", dependencyCount: 0, modificationTime: { _ in nil })
        #expect(state.state == .nothingToInstall)
    }

    @Test("a manifest newer than node_modules/.package-lock.json is stale; npm ci with a lock file")
    func staleness() {
        let times: [String: Int64] = [
            "/p/package.json": 20, "/p/package-lock.json": 5, "/p/node_modules/.package-lock.json": 10,
        ]
        let deps = NodeDependencies.assess(directory: "/p", dependencyCount: 2, modificationTime: { times[$0] })
        #expect(deps.state == .stale("package.json changed since the last install"))
        #expect(
            deps.syncCommand(dev: true, offline: false).arguments
                == ["ci", "--no-audit", "--no-fund"] + NodeDependencies.fetchBounds)
        let fresh: [String: Int64] = ["/p/package.json": 5, "/p/node_modules/.package-lock.json": 10]
        let upToDate = NodeDependencies.assess(directory: "/p", dependencyCount: 2, modificationTime: { fresh[$0] })
        #expect(upToDate.state == .upToDate)
        #expect(
            upToDate.syncCommand(dev: false, offline: false).arguments
                == ["install", "--no-audit", "--no-fund"] + NodeDependencies.fetchBounds + ["--omit=dev"])
    }
}
