import HelpSystem

/// The operating system and architecture a node plan is for, in the words installers use:
/// `linux-x86_64`, `linux-arm64`, `macos-arm64`. Detected from uname, or given (`--platform`)
/// to print another machine's plan.
public struct NodePlatform: Sendable, Equatable, CustomStringConvertible {
    public var os: String
    public var architecture: String

    public static let supported = ["linux-x86_64", "linux-arm64", "macos-x86_64", "macos-arm64"]

    /// `linux-arm64` and the like; exit 64 for anything else.
    public init(_ text: String) throws {
        guard Self.supported.contains(text), let dash = text.firstIndex(of: "-") else {
            throw HelpError.usage(
                "unsupported platform '\(text)'", hint: "Use one of: " + Self.supported.joined(separator: ", ") + ".")
        }
        os = String(text[..<dash])
        architecture = String(text[text.index(after: dash)...])
    }

    /// This machine; exit 69 when it is not one a node can be.
    public static func current() throws -> NodePlatform {
        let tag = Platform.tag()  // linux-x86_64, linux-aarch64, darwin-arm64
        let normal = tag.replacing("aarch64", with: "arm64").replacing("darwin", with: "macos")
        do {
            return try NodePlatform(normal)
        } catch {
            throw HelpError.unavailable(
                "this machine (\(tag)) cannot be a node", hint: "Nodes run Linux or macOS on x86_64 or arm64.")
        }
    }

    public var description: String { os + "-" + architecture }

    /// Miniforge's and Miniconda's installer name part: `Linux-x86_64`, `Linux-aarch64`, `MacOSX-arm64`.
    public var condaInstallerSuffix: String {
        let system = os == "linux" ? "Linux" : "MacOSX"
        let machine = os == "linux" && architecture == "arm64" ? "aarch64" : architecture
        return system + "-" + machine
    }

    /// Tailscale's package architecture: `amd64`, `arm64`.
    public var tailscaleArchitecture: String { architecture == "x86_64" ? "amd64" : "arm64" }
}
