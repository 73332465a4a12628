import HelpProject
import HelpSystem

/// The commands that build one component's release artifacts into a staging folder, computed
/// without side effects so unit tests (and `--explain`) can read them.
public struct BuildPlanner: Sendable {
    /// Operating system and architecture words for Swift tarball names (`linux`, `x86_64`).
    public var os: String
    public var architecture: String

    public init(os: String = "linux", architecture: String) {
        self.os = os
        self.architecture = architecture
    }

    /// The argv that identifies the build in its cache key: the tool and its flags, without the
    /// folders (which differ between checkouts and must not change the key).
    public static func identity(of component: Component) -> [String] {
        switch component.kind {
        case .python: return ["python", "-m", "build", "--sdist", "--wheel"]
        case .node: return ["npm", "pack"]
        case .swift: return ["swift", "build", "-c", "release", "--static-swift-stdlib", "+tar"]
        }
    }

    /// `python -m pip install build` in the component's environment, for when `build` is missing.
    public func installBuild(python: String, folder: String) -> Command {
        Command(python, ["-m", "pip", "install", "--quiet", "build"], workingDirectory: folder, timeout: 900)
    }

    /// The commands that leave the artifacts in `staging`. `python` is the component environment's
    /// interpreter; `version` names the Swift tarball.
    public func steps(for component: Component, folder: String, staging: String, python: String?, version: String?)
        -> [PlanStep]
    {
        switch component.kind {
        case .python:
            let command = Command(
                python ?? "python3", ["-m", "build", "--sdist", "--wheel", "--outdir", staging],
                workingDirectory: folder, timeout: 1800)
            return [PlanStep(title: "\(component.name): sdist and wheel", command: command, reason: "python -m build")]
        case .node:
            let command = Command(
                "npm", ["pack", "--pack-destination", staging], workingDirectory: folder,
                timeout: 600)
            return [PlanStep(title: "\(component.name): npm tarball", command: command, reason: "npm pack")]
        case .swift:
            let product = Self.product(of: component)
            let compile = Command(
                "swift", ["build", "-c", "release", "--static-swift-stdlib", "--product", product],
                workingDirectory: folder, timeout: 3600)
            let pack = tarball(product: product, folder: folder, staging: staging, version: version ?? "0.0.0")
            return [
                PlanStep(title: "\(component.name): release binary", command: compile, reason: "swift build"),
                PlanStep(title: "\(component.name): tarball", command: pack, reason: "tar"),
            ]
        }
    }

    /// The executable product a Swift component ships: its package name, else the component name.
    public static func product(of component: Component) -> String {
        component.swift?.packageName ?? component.name
    }

    /// `<product>-<version>-<os>-<arch>.tar.gz`.
    public func tarballName(product: String, version: String) -> String {
        "\(product)-\(version)-\(os)-\(architecture).tar.gz"
    }

    /// `tar` packing `bin/<product>` and, when the component has a `Templates/` folder,
    /// `share/help/Templates/` (where an installed binary looks for them), with fixed owners, order
    /// and times so the same binary gives the same tarball.
    func tarball(product: String, folder: String, staging: String, version: String) -> Command {
        var arguments = [
            "-czf", staging + "/" + tarballName(product: product, version: version),
            "--owner=0", "--group=0", "--numeric-owner", "--sort=name", "--mtime=@0",
            "--transform", "s,^\(product)$,bin/\(product),;s,^Templates,share/help/Templates,",
            "-C", folder + "/.build/release", product,
        ]
        if FileSystem().isDirectory(folder + "/Templates") { arguments += ["-C", folder, "Templates"] }
        return Command("tar", arguments, workingDirectory: folder, timeout: 600)
    }
}
