#if canImport(Glibc)
import Glibc
#endif

/// A fresh temporary folder for one test, removed when the value is released.
public final class TempDir: @unchecked Sendable {
    public let path: String

    public init(prefix: String = "help-test") {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        path = String(cString: template)
    }

    deinit {
        // rm -rf without a shell string: argv only.
        var pid: pid_t = 0
        let args = ["/bin/rm", "-rf", path]
        var cargs = args.map { strdup($0) } + [nil]
        posix_spawn(&pid, "/bin/rm", nil, nil, &cargs, environ)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        for arg in cargs { free(arg) }
    }
}
