import HelpSystem

/// The real marker values of an interpreter: run `probeScript` with it (`python -c probeScript`,
/// through the ProcessRunner) and read its output with `init(probeOutput:)`.
extension MarkerEnvironment {
    /// Python code printing every PEP 508 marker variable of the interpreter running it, one
    /// `name<TAB>value` line each.
    public static let probeScript = """
        import os, platform, sys
        i = sys.implementation
        v = i.version
        iv = "%d.%d.%d" % (v.major, v.minor, v.micro) + ("" if v.releaselevel == "final" else v.releaselevel[0] + str(v.serial))
        for k, x in (("implementation_name", i.name), ("implementation_version", iv), ("os_name", os.name),
                     ("platform_machine", platform.machine()), ("platform_release", platform.release()),
                     ("platform_system", platform.system()), ("platform_version", platform.version()),
                     ("python_full_version", platform.python_version()),
                     ("platform_python_implementation", platform.python_implementation()),
                     ("python_version", ".".join(platform.python_version_tuple()[:2])), ("sys_platform", sys.platform)):
            print(k + "\\t" + " ".join(str(x).splitlines()))
        """

    /// Reads the lines `probeScript` printed; unknown names are ignored. Throws `HelpError.badData`
    /// when the output holds no `python_full_version` (the probe failed).
    public init(probeOutput: String, extras: Set<String> = []) throws {
        var values: [String: String] = [:]
        for line in probeOutput.split(whereSeparator: \.isNewline) {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            let name = String(line[..<tab])
            guard MarkerEnvironment.variables.contains(name) else { continue }
            values[name] = String(line[line.index(after: tab)...])
        }
        guard let full = values["python_full_version"], !full.isEmpty else {
            throw HelpError.badData(
                "the interpreter's marker values could not be read",
                hint: "the probe printed: \(probeOutput.prefix(200))")
        }
        self.init(values: values, extras: extras)
    }
}
