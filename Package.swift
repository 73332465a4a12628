// swift-tools-version:6.0
// help: develop, test, build and ship a monorepo; turn a machine into a cluster node.
// Zero dependencies by promise: only the Swift toolchain (stdlib, Foundation, Dispatch, Glibc).
import PackageDescription

let swiftSettings: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "help",
    products: [
        .executable(name: "help", targets: ["help"])
    ],
    targets: [
        .executableTarget(name: "help", dependencies: ["HelpCLI"], swiftSettings: swiftSettings),
        .target(
            name: "HelpCLI", dependencies: ["HelpTasks", "HelpProvision", "HelpProject", "HelpCache", "HelpSystem"],
            swiftSettings: swiftSettings, plugins: ["BuildInfoPlugin"]),
        .target(
            name: "HelpTasks", dependencies: ["HelpProject", "HelpCache", "HelpSystem"], swiftSettings: swiftSettings),
        .target(
            name: "HelpProvision", dependencies: ["HelpProject", "HelpCache", "HelpSystem"],
            swiftSettings: swiftSettings),
        .target(name: "HelpProject", dependencies: ["HelpSystem"], swiftSettings: swiftSettings),
        .target(name: "HelpCache", dependencies: ["HelpSystem", "CHelpSHA"], swiftSettings: swiftSettings),
        .target(name: "CHelpSHA"),
        .target(name: "HelpSystem", swiftSettings: swiftSettings),
        .plugin(name: "BuildInfoPlugin", capability: .buildTool()),
        .target(name: "HelpTestSupport", dependencies: ["HelpSystem"], swiftSettings: swiftSettings),
        .testTarget(
            name: "HelpSystemTests", dependencies: ["HelpSystem", "HelpTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "HelpCacheTests", dependencies: ["HelpCache", "HelpTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "HelpProjectTests", dependencies: ["HelpProject", "HelpTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "HelpTasksTests", dependencies: ["HelpTasks", "HelpTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "HelpProvisionTests", dependencies: ["HelpProvision", "HelpTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(name: "HelpCLITests", dependencies: ["HelpCLI", "HelpTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "EndToEndTests", dependencies: ["HelpTestSupport", "HelpTasks"], exclude: ["Catalogue"],
            swiftSettings: swiftSettings),
    ]
)
