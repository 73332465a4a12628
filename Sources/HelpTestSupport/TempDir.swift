import HelpSystem

/// A fresh temporary folder for one test, removed with everything in it when released.
public final class TempDir: @unchecked Sendable {
    public let path: String

    public init(prefix: String = "help-test") {
        guard let made = try? FileSystem().makeUniqueDirectory(prefix: "/tmp/\(prefix)-") else {
            preconditionFailure("cannot create a temporary folder in /tmp")
        }
        path = made
    }

    deinit {
        try? FileSystem().remove(path)
    }

    /// The absolute path of `relative` inside the folder.
    public func path(_ relative: String) -> String {
        relative.isEmpty ? path : path + "/" + relative
    }
}
