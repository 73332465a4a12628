import HelpProject
import HelpSystem

/// The commands that build one component's release artifacts into a staging folder, computed
/// without side effects so unit tests (and `--explain`) can read them.
public struct BuildPlanner: Sendable {
    /// Operating system and architecture words for Swift tarball names (`linux`, `x86_64`).
    public var os: String
    public var architecture: String
    /// The toolchain's static Linux SDK (musl) when one is installed: Swift binaries are then
    /// linked fully static with it; otherwise with `--static-swift-stdlib` against the system libc.
    public var staticSDK: String?

    public init(os: String = "linux", architecture: String, staticSDK: String? = nil) {
        self.os = os
        self.architecture = architecture
        self.staticSDK = staticSDK
    }

    /// The argv that identifies the build in its cache key: the tool and its flags, without the
    /// folders (which differ between checkouts and must not change the key).
    public static func identity(of component: Component) -> [String] {
        switch component.kind {
        case .python: return ["python", "-m", "build", "--sdist", "--wheel"]
        case .node: return ["npm", "pack"]
        case .swift: return ["swift", "build", "-c", "release", "--static-swift-stdlib", "+strip", "+tar"]
        }
    }

    /// `python -m pip install build` in the component's environment, for when `build` is missing.
    public func installBuild(python: String, folder: String) -> Command {
        Command(python, ["-m", "pip", "install", "--quiet", "build"], workingDirectory: folder, timeout: 900)
    }

    /// `pip install --no-index --find-links WHEELHOUSE PACKAGES…` into the component's environment:
    /// what an offline build needs when it cannot let `build` fetch the backend.
    public func installOffline(_ packages: [String], python: String, folder: String, wheelhouse: String) -> Command {
        Command(
            python, ["-m", "pip", "install", "--quiet", "--no-index", "--find-links", wheelhouse] + packages,
            workingDirectory: folder, timeout: 600)
    }

    /// The commands that leave the artifacts in `staging`. `python` is the component environment's
    /// interpreter; `version` names the Swift tarball. Not `isolated` (offline), `build` uses the
    /// backend installed in the component's environment instead of fetching it.
    public func steps(
        for component: Component, folder: String, staging: String, python: String?, version: String?,
        isolated: Bool = true
    ) -> [PlanStep] {
        switch component.kind {
        case .python:
            let command = Command(
                python ?? "python3",
                ["-m", "build", "--sdist", "--wheel"] + (isolated ? [] : ["--no-isolation"]) + ["--outdir", staging],
                workingDirectory: folder, timeout: 1800)
            return [PlanStep(title: "\(component.name): sdist and wheel", command: command, reason: "python -m build")]
        case .node:
            let command = Command(
                "npm", ["pack", "--pack-destination", staging], workingDirectory: folder,
                timeout: 600)
            return [PlanStep(title: "\(component.name): npm tarball", command: command, reason: "npm pack")]
        case .swift:
            let product = Self.product(of: component)
            var arguments = ["build", "-c", "release", "--static-swift-stdlib", "--product", product]
            if let staticSDK { arguments.insert(contentsOf: ["--swift-sdk", staticSDK], at: 3) }
            let compile = Command("swift", arguments, workingDirectory: folder, timeout: 3600)
            let tarball = releaseTarball(for: component, folder: folder, staging: staging, version: version)
            let how = staticSDK.map { "fully static with \($0)" } ?? "static Swift runtime"
            let strip = tarball.commands[0]
            let pack = tarball.commands[1]
            return [
                PlanStep(title: "\(component.name): release binary (\(how))", command: compile, reason: "swift build"),
                PlanStep(title: "\(component.name): stripped copy", command: strip, reason: "strip"),
                PlanStep(title: "\(component.name): tarball", command: pack, reason: "tar"),
            ]
        }
    }

    /// How a Swift component's binary is packed: from `.build/release`, or the musl triple's folder
    /// when the static SDK links it.
    public func releaseTarball(for component: Component, folder: String, staging: String, version: String?)
        -> ReleaseTarball
    {
        let product = Self.product(of: component)
        let binaries =
            staticSDK == nil ? folder + "/.build/release" : folder + "/.build/\(architecture)-swift-linux-musl/release"
        let templates = FileSystem().isDirectory(folder + "/Templates") ? folder + "/Templates" : nil
        return ReleaseTarball(
            product: product, binary: binaries + "/" + product, templates: templates, staging: staging,
            name: tarballName(product: product, version: version ?? "0.0.0"))
    }

    /// The executable product a Swift component ships: its package name, else the component name.
    public static func product(of component: Component) -> String {
        component.swift?.packageName ?? component.name
    }

    /// `<product>-<version>-<os>-<arch>.tar.gz`.
    public func tarballName(product: String, version: String) -> String {
        "\(product)-\(version)-\(os)-\(architecture).tar.gz"
    }
}
