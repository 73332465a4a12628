import HelpSystem
import Testing
@testable import HelpProject

/// PEP 508 environment markers: the expression tree, canonical text and evaluation.
@Suite struct MarkerTests {
    private let linux311 = MarkerEnvironment(pythonFullVersion: "3.11.7", platformRelease: "6.1.0-18-amd64")

    private func holds(_ text: String, _ environment: MarkerEnvironment? = nil) throws -> Bool {
        try Marker(text).evaluate(in: environment ?? linux311)
    }

    @Test func andBindsTighterThanOr() throws {
        let marker = try Marker("os_name == 'nt' or python_version >= '3.8' and extra == 'dev'")
        guard case .or(_, .and) = marker else {
            Issue.record("expected or(…, and(…)), got \(marker)")
            return
        }
        #expect(marker.description == "os_name == \"nt\" or python_version >= \"3.8\" and extra == \"dev\"")
    }

    @Test func parenthesesGroupAndRenderOnlyWhereNeeded() throws {
        let marker = try Marker("(sys_platform == 'linux' or sys_platform == 'darwin') and (python_version < '3.12')")
        #expect(marker.description == "(sys_platform == \"linux\" or sys_platform == \"darwin\") and python_version < \"3.12\"")
        #expect(try Marker(marker.description) == marker)
        #expect(marker.variables == ["sys_platform", "python_version"])
    }

    @Test func legacyDottedNamesBecomeCanonical() throws {
        #expect(try Marker("os.name == 'posix'").description == "os_name == \"posix\"")
        #expect(try Marker("python_implementation == 'CPython'").description == "platform_python_implementation == \"CPython\"")
        #expect(try Marker("'linux' in sys.platform").variables == ["sys_platform"])
    }

    @Test func comparesVersionsByPEP440() throws {
        #expect(try holds("python_version >= '3.9'"))
        #expect(try holds("python_version > '3.9'"))  // as versions; as strings "3.11" < "3.9"
        #expect(try !holds("python_version < '3.9'"))
        #expect(try holds("python_full_version == '3.11.*'"))
        #expect(try holds("python_version ~= '3.10'"))
        #expect(try holds("python_full_version != '3.11.6'"))
        #expect(try holds("'3.8' <= python_version"))
    }

    @Test func comparesStringsWhenNotVersions() throws {
        #expect(try holds("sys_platform == 'linux'"))
        #expect(try holds("platform_machine != 'aarch64'"))
        #expect(try holds("'lin' in sys_platform"))
        #expect(try holds("'win' not in sys_platform"))
        #expect(try holds("platform_release >= '5'"))
        #expect(try holds("platform_system < 'Windows'"))
        #expect(throws: HelpError.self) { try holds("sys_platform ~= 'linux'") }
    }

    @Test func extrasCompareNormalized() throws {
        let dev = linux311.with(extra: "Dev_Tools")
        #expect(try holds("extra == 'dev-tools'", dev))
        #expect(try holds("extra == 'DEV.tools'", dev))
        #expect(try !holds("extra == 'dev-tools'"))
        #expect(try holds("extra == ''"))
        var groups = linux311
        groups.dependencyGroups = ["test"]
        #expect(try holds("'test' in dependency_groups", groups))
        #expect(try holds("'lint' not in dependency_groups", groups))
    }

    @Test func environmentDerivesTheOtherVariables() {
        #expect(linux311["python_version"] == "3.11")
        #expect(linux311["platform_python_implementation"] == "CPython")
        #expect(linux311["os.name"] == "posix")
        #expect(MarkerEnvironment(pythonFullVersion: "3.13.0rc1")["python_version"] == "3.13")
    }

    @Test func readsTheProbeOutput() throws {
        let output = "implementation_name\tcpython\npython_full_version\t3.12.1\npython_version\t3.12\n"
            + "sys_platform\tlinux\nplatform_version\t#1 SMP Debian\nunknown\tx\n"
        let environment = try MarkerEnvironment(probeOutput: output)
        #expect(environment["python_full_version"] == "3.12.1")
        #expect(environment["platform_version"] == "#1 SMP Debian")
        #expect(environment["unknown"] == nil)
        #expect(throws: HelpError.self) { try MarkerEnvironment(probeOutput: "Traceback (most recent call last)") }
        #expect(MarkerEnvironment.probeScript.contains("python_full_version"))
    }

    @Test(arguments: ["", "python_version", "python_version >=", "python_version >= '3", "(python_version < '3'",
                      "python_version < '3')", "python_version not '3'", "color == 'red'", "python_version <> '3'",
                      "python_version < '3' and", "python_version < '3' xor os_name == 'a'"])
    func rejectsMalformedMarkers(text: String) {
        #expect(throws: HelpError.self) { try Marker(text) }
    }
}
