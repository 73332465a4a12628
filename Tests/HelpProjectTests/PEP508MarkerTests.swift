import HelpSystem
import Testing

@testable import HelpProject

/// PEP 508 environment markers: parsing into a tree, canonical text, and evaluation.
@Suite struct PEP508MarkerTests {
    private let linux = MarkerEnvironment.linuxCPython(
        fullVersion: "3.11.4", machine: "x86_64", kernelRelease: "6.1.0-13-amd64")
    private func holds(_ marker: String, extras: Set<String> = []) throws -> Bool {
        var environment = linux
        environment.extras = extras
        return try MarkerExpression.parse(marker).evaluate(in: environment)
    }

    @Test func parsesIntoATreeWithAndBindingTighterThanOr() throws {
        let marker = try MarkerExpression.parse("os_name == 'nt' or python_version >= \"3.9\" and extra == 'dev'")
        guard case .or(let left, .and(let middle, let right)) = marker else {
            Issue.record("unexpected shape \(marker)")
            return
        }
        #expect(left == .compare(.variable("os_name"), .equal, .literal("nt")))
        #expect(middle == .compare(.variable("python_version"), .greaterOrEqual, .literal("3.9")))
        #expect(right == .compare(.variable("extra"), .equal, .literal("dev")))
    }

    @Test func writesCanonicalTextKeepingNeededParentheses() throws {
        #expect(
            try MarkerExpression.parse("(python_version<'3.8' or os_name=='nt')and  extra=='x'").description
                == "(python_version < \"3.8\" or os_name == \"nt\") and extra == \"x\"")
        #expect(
            try MarkerExpression.parse("'linux' not  in sys_platform").description == "\"linux\" not in sys_platform")
        #expect(try MarkerExpression.parse("os.name == 'posix'").description == "os_name == \"posix\"")
    }

    @Test func comparesVersionsAsPEP440() throws {
        #expect(try holds("python_version >= '3.9'"))
        #expect(try holds("python_version > '3.9'"))
        #expect(try !holds("python_version < '3.10'"))
        #expect(try holds("python_full_version >= '3.11.4'"))
        #expect(try holds("python_full_version == '3.11.*'"))
        #expect(try holds("python_version ~= '3.8'"))
        #expect(try holds("python_version != '3.1'"))
        #expect(try holds("implementation_version === '3.11.4'"))
        #expect(try holds("'3.12' > python_version"))
    }

    @Test func fallsBackToStringsWhenAValueIsNotAVersion() throws {
        #expect(try holds("sys_platform == 'linux'"))
        #expect(try holds("platform_system != 'Windows'"))
        #expect(try holds("'linux' in sys_platform"))
        #expect(try holds("'win' not in sys_platform"))
        #expect(try holds("platform_machine in 'x86_64 aarch64'"))
        // "6.1.0-13-amd64" is no PEP 440 version, so these compare as strings.
        #expect(try holds("platform_release >= '6.0'"))
        #expect(try !holds("platform_release < '10'"))
        #expect(try !holds("sys_platform ~= 'linux'"))
        #expect(try holds("platform_python_implementation == 'CPython' and implementation_name == 'cpython'"))
    }

    @Test func testsExtrasByNormalizedName() throws {
        #expect(try holds("extra == 'Dev_Tools'", extras: ["dev-tools"]))
        #expect(try !holds("extra == 'docs'", extras: ["dev-tools"]))
        #expect(try !holds("extra == 'docs'"))
        #expect(try holds("extra != 'docs'", extras: ["test"]))
        #expect(try !holds("extra != 'docs'", extras: ["docs", "test"]))
        #expect(try holds("python_version >= '3' and (extra == 'a' or extra == 'b')", extras: ["b"]))
    }

    /// Expected values printed by `packaging.markers.Marker(m).evaluate(env)` (packaging 26.2) for the same environment.
    @Test(arguments: [
        (#"python_version >= "3.9""#, true),
        (#"python_version < "3.11""#, false),
        (#"python_version == "3.11.*""#, true),
        (#"python_full_version ~= "3.11.0""#, true),
        (#"python_full_version > "3.11""#, true),
        (#""3.12" > python_version"#, true),
        (#"python_version != "3.11.0""#, false),
        (#"python_full_version < "3.11.4rc1""#, false),
        (#"python_full_version <= "3.11.4a1""#, false),
        (#"python_version > "3""#, true),
        (#"platform_release > "6""#, true),
        (#"platform_release == "6.1""#, true),
        (#"implementation_version === "3.11.4""#, true),
        (#"python_version in "3.10 3.11""#, true),
        (#"python_version not in "3.1""#, true),
        (#"(os_name == "nt" or python_version >= "3") and sys_platform == "linux""#, true),
    ])
    func agreesWithPackagingOnVersionComparisons(marker: String, expected: Bool) throws {
        let environment = MarkerEnvironment.linuxCPython(fullVersion: "3.11.4", kernelRelease: "6.1.0")
        let parsed = try MarkerExpression.parse(marker)
        #expect(parsed.evaluate(in: environment) == expected)
        #expect(parsed.description == marker)
    }

    @Test(arguments: [
        "", "python_version", "python_version >= ", "version >= '3'", "python_version => '3'", "(os_name == 'nt'",
        "os_name == 'nt')", "os_name == 'nt' and", "os_name == \"nt'", "os_name not 'nt'",
        "os_name == 'nt' xor os_name == 'a'",
    ])
    func rejectsMalformedMarkers(text: String) {
        #expect(throws: HelpError.self) { try MarkerExpression.parse(text) }
    }
}
