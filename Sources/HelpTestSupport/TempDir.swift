#if canImport(Glibc)
import Glibc
#endif
import HelpSystem

/// A fresh temporary folder for one test, removed with everything in it when released.
public final class TempDir: @unchecked Sendable {
    public let path: String

    public init(prefix: String = "help-test") {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        path = String(cString: template)
    }

    deinit {
        try? FileSystem().remove(path)
    }

    /// The absolute path of `relative` inside the folder.
    public func path(_ relative: String) -> String {
        relative.isEmpty ? path : path + "/" + relative
    }
}
