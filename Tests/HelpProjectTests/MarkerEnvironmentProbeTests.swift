import HelpSystem
import Testing

@testable import HelpProject

/// Reading an interpreter's marker values from the probe's output.
@Suite struct MarkerEnvironmentProbeTests {
    @Test func readsTheProbesLinesAndIgnoresUnknownNames() throws {
        let output =
            "implementation_name\tcpython\npython_full_version\t3.12.1\npython_version\t3.12\n"
            + "sys_platform\tlinux\nplatform_version\t#1 SMP Debian\nunknown\tx\nnoise without tab\n"
        let environment = try MarkerEnvironment(probeOutput: output, extras: ["dev"])
        #expect(environment.values["python_full_version"] == "3.12.1")
        #expect(environment.values["platform_version"] == "#1 SMP Debian")
        #expect(environment.values["unknown"] == nil)
        #expect(environment.extras == ["dev"])
        #expect(
            try MarkerExpression.parse("python_version >= '3.10' and sys_platform == 'linux'").evaluate(in: environment)
        )
    }

    @Test func aFailedProbeIsADataError() {
        #expect(throws: HelpError.self) { try MarkerEnvironment(probeOutput: "Traceback (most recent call last):\n") }
        #expect(throws: HelpError.self) { try MarkerEnvironment(probeOutput: "") }
    }

    @Test func theScriptNamesEveryVariableItPrints() {
        for name in [
            "python_full_version", "python_version", "sys_platform", "platform_machine", "implementation_name",
        ] {
            #expect(MarkerEnvironment.probeScript.contains("\"\(name)\""))
        }
    }
}
