import HelpSystem

/// The pip wheel an interpreter carries for `ensurepip`, and an unpacked copy of it in the user's
/// cache. A new environment is made with `venv --without-pip` and the install run by this copy
/// puts pip into it along with everything else: ensurepip would instead run pip from inside the
/// zip (compiling every module it imports on each run) in a process of its own.
public struct BundledPip: Sendable, Equatable {
    /// `<stdlib>/ensurepip/_bundled/pip-X-py3-none-any.whl` (Debian: `/usr/share/python-wheels`).
    public var wheel: String
    /// `${XDG_CACHE_HOME:-~/.cache}/help/pip/<wheel name>`: pip's package alone, without its
    /// dist-info, so pip does not take itself for installed in the environment it fills.
    public var unpacked: String

    public init(wheel: String, unpacked: String) {
        self.wheel = wheel
        self.unpacked = unpacked
    }

    /// The bundled wheel of `interpreter` (of `version`, as the interpreter reported it), found
    /// from the file system alone; nil when the interpreter has none or no cache folder is known.
    public static func locate(
        interpreter: String, version: PythonVersion, environment: [String: String], fileSystem: FileSystem
    ) -> BundledPip? {
        guard let cache = Wheelhouse.cacheRoot(environment: environment),
            let real = fileSystem.realPath(interpreter), version.release.count >= 2
        else { return nil }
        var prefix = parent(parent(real))
        // A pyenv shim is a script: the build it runs is the one of the version it reported.
        if parent(real).hasSuffix("/shims") {
            prefix = parent(parent(real)) + "/versions/\(version)"
        }
        let stdlib = prefix + "/lib/python\(version.release[0]).\(version.release[1])"
        var folders = [stdlib + "/ensurepip/_bundled"]
        if prefix == "/usr" { folders.append("/usr/share/python-wheels") }
        for folder in folders {
            let names = ((try? fileSystem.listDirectory(folder)) ?? []).map(\.name)
                .filter { $0.hasPrefix("pip-") && $0.hasSuffix(".whl") }.sorted()
            if let name = names.last {
                return BundledPip(
                    wheel: folder + "/" + name, unpacked: cache + "/pip/" + String(name.dropLast(".whl".count)))
            }
        }
        return nil
    }

    /// True once the unpacked copy is in place.
    public func isUnpacked(fileSystem: FileSystem) -> Bool { fileSystem.exists(unpacked + "/pip/__main__.py") }

    /// Unpacks the wheel's `pip/` folder with `python`, into a temporary folder renamed into place
    /// so a concurrent run never sees half a copy.
    public func unpack(python: String) -> Command {
        let script = """
            import os, shutil, sys, zipfile
            wheel, target = sys.argv[1], sys.argv[2]
            temporary = "%s.tmp%d" % (target, os.getpid())
            with zipfile.ZipFile(wheel) as archive:
                archive.extractall(temporary, [n for n in archive.namelist() if n.startswith("pip/")])
            try:
                os.rename(temporary, target)
            except OSError:
                shutil.rmtree(temporary)
            """
        return Command(
            python, ["-c", script, wheel, unpacked], unsetEnvironment: ["PYTHONHOME", "PYTHONPATH"], timeout: 120)
    }

    /// Runs `python -m pip` from the unpacked copy.
    public var environment: [String: String] { ["PYTHONPATH": unpacked] }

    private static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
