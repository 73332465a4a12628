import HelpSystem

/// What running an environment's interpreter told us: whether it runs at all, its version, and
/// whether pip is importable.
public enum ProbeResult: Sendable, Equatable {
    /// No interpreter file where one should be.
    case missing
    /// The interpreter is there but does not run (base interpreter removed, wrong architecture).
    case broken(String)
    case healthy(version: PythonVersion, hasPip: Bool)
}

/// Asks an interpreter about itself with one short child process.
public enum EnvironmentProbe {
    /// Prints the version and whether pip can be imported, without importing pip (which is slow).
    static let script =
        "import sys, importlib.util; print('%d.%d.%d' % sys.version_info[:3]); print(importlib.util.find_spec('pip') is not None)"

    /// The probe command for `python` (an environment's or a base interpreter).
    public static func command(python: String) -> Command {
        Command(
            python, ["-c", script], environment: ["PYTHONDONTWRITEBYTECODE": "1"],
            unsetEnvironment: ["PYTHONHOME", "PYTHONPATH"], timeout: 30)
    }

    /// Runs the probe; a missing file or a failing start is `.missing` / `.broken`, never a throw.
    public static func run(python: String, runner: any ProcessRunner, exists: (String) -> Bool) -> ProbeResult {
        guard exists(python) else { return .missing }
        do {
            return interpret(try runner.run(command(python: python)))
        } catch let error as HelpError {
            return .broken(error.message)
        } catch {
            return .broken("\(error)")
        }
    }

    /// Reads the probe's output.
    public static func interpret(_ result: ProcessResult) -> ProbeResult {
        guard result.succeeded else {
            let why = result.stderr.split(separator: "\n").last.map(String.init) ?? "exit status \(result.exitCode)"
            return .broken(why)
        }
        let lines = result.stdout.split(separator: "\n").map(String.init)
        guard lines.count >= 2, let version = PythonVersion(interpreterReport: lines[0]) else {
            return .broken("unexpected answer: \(result.stdout.prefix(80))")
        }
        return .healthy(version: version, hasPip: lines[1] == "True")
    }
}
