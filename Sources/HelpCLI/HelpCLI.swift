#if canImport(Glibc)
import Glibc
#endif
import HelpSystem

/// The command-line front: parses arguments, builds the context, dispatches, renders, and turns
/// every outcome into an exit code. `main.swift` only calls `main`.
public enum HelpCLI {
    public static func main(_ arguments: [String], environment: [String: String]) -> Int32 {
        let console = Console.standard(style: .init())
        console.result("help")
        return ExitCode.ok.rawValue
    }

    /// The process environment as a dictionary, read once at start.
    public static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let pair = String(cString: entry)
            if let eq = pair.firstIndex(of: "=") {
                result[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
            }
            pointer += 1
        }
        return result
    }
}
