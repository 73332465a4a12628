/// The values PEP 508 markers are evaluated against: those of one Python interpreter on one
/// machine, plus the extras being installed.
public struct MarkerEnvironment: Sendable, Equatable {
    /// The variables markers may name.
    public static let variables: Set<String> = [
        "python_version", "python_full_version", "os_name", "sys_platform", "platform_release", "platform_system",
        "platform_version", "platform_machine", "platform_python_implementation", "implementation_name",
        "implementation_version", "extra",
    ]

    /// Old spellings (PEP 345, setuptools) and the names they stand for.
    static let aliases: [String: String] = [
        "os.name": "os_name", "sys.platform": "sys_platform", "platform.version": "platform_version",
        "platform.machine": "platform_machine", "platform.python_implementation": "platform_python_implementation",
        "python_implementation": "platform_python_implementation",
    ]

    /// Variable name -> value; a variable that is absent reads as "".
    public var values: [String: String]
    /// The extras being installed (`pkg[socks]` -> ["socks"]); `extra == "socks"` tests them.
    public var extras: Set<String>

    /// An environment from explicit values.
    public init(values: [String: String], extras: Set<String> = []) {
        self.values = values
        self.extras = extras
    }

    /// CPython on Linux: `python_version` and `implementation_version` follow from the full
    /// version (`3.11.4` -> `3.11`); the kernel release and machine are as `uname` gives them.
    public static func linuxCPython(
        fullVersion: String, machine: String = "x86_64", kernelRelease: String = "", extras: Set<String> = []
    ) -> MarkerEnvironment {
        let short = fullVersion.split(separator: ".").prefix(2).joined(separator: ".")
        return MarkerEnvironment(
            values: [
                "python_version": short, "python_full_version": fullVersion, "os_name": "posix",
                "sys_platform": "linux",
                "platform_release": kernelRelease, "platform_system": "Linux", "platform_version": "",
                "platform_machine": machine, "platform_python_implementation": "CPython",
                "implementation_name": "cpython",
                "implementation_version": fullVersion,
            ], extras: extras)
    }
}
