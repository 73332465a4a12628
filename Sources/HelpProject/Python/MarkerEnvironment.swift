import HelpSystem

/// The values PEP 508 markers are evaluated against: one interpreter on one machine, plus the
/// extra being installed. Get real values by running `probeScript` with the target interpreter.
public struct MarkerEnvironment: Sendable, Equatable {
    /// Canonical variable name -> value (`python_version` -> `3.11`).
    public var values: [String: String]
    /// The extras requested, for `"dev" in extras` markers (normalized names).
    public var extras: Set<String> = []
    /// The dependency groups requested, for `"test" in dependency_groups` markers (normalized names).
    public var dependencyGroups: Set<String> = []

    /// An environment from the usual facts; the other variables follow from them the way CPython
    /// reports them on Linux.
    public init(pythonFullVersion: String, sysPlatform: String = "linux", platformSystem: String = "Linux",
                platformMachine: String = "x86_64", platformRelease: String = "", platformVersion: String = "",
                implementationName: String = "cpython", osName: String = "posix", extra: String? = nil) {
        let parts = pythonFullVersion.split(separator: ".")
        let majorMinor = parts.count >= 2 ? "\(parts[0]).\(parts[1].prefix { $0.isNumber })" : pythonFullVersion
        values = [
            "python_version": majorMinor, "python_full_version": pythonFullVersion, "os_name": osName,
            "sys_platform": sysPlatform, "platform_system": platformSystem, "platform_machine": platformMachine,
            "platform_release": platformRelease, "platform_version": platformVersion,
            "implementation_name": implementationName, "implementation_version": pythonFullVersion,
            "platform_python_implementation": implementationName == "cpython" ? "CPython"
                : implementationName == "pypy" ? "PyPy" : implementationName,
            "extra": extra.map(normalizeName) ?? "",
        ]
    }

    /// Reads the `name<TAB>value` lines `probeScript` prints.
    public init(probeOutput: String) throws {
        self.init(pythonFullVersion: "")
        var seen = 0
        for line in probeOutput.split(whereSeparator: \.isNewline) {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            let name = String(line[..<tab])
            guard MarkerVariables.canonical[name] == name else { continue }
            values[name] = String(line[line.index(after: tab)...])
            seen += 1
        }
        guard seen > 0, values["python_full_version"] != "" else {
            throw HelpError.badData("the interpreter's marker values could not be read",
                                    hint: "the probe printed: \(probeOutput.prefix(200))")
        }
    }

    /// A copy with `extra` set (normalized), for evaluating a dependency of that extra.
    public func with(extra: String?) -> MarkerEnvironment {
        var copy = self
        copy.values["extra"] = extra.map(normalizeName) ?? ""
        return copy
    }

    /// The value of a variable (any spelling PEP 508 accepts).
    public subscript(name: String) -> String? {
        values[MarkerVariables.canonical[name] ?? name]
    }

    /// Python code printing every marker variable of the interpreter running it as `name<TAB>value`
    /// lines, for `python -c`.
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
}
