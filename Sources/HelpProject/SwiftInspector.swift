/// Reads a Swift package's manifest text (never runs it): its name and whether it builds an executable.
enum SwiftInspector {
    /// Fills in kind-specific parts of `component`.
    static func inspect(_ component: inout Component, folder: String, entries: [FileProbe.Entry]) {
        var markers = SwiftMarkers()
        if entries.contains(where: { $0.name == "Package.swift" }) {
            component.evidence.append("Package.swift present")
        }
        let manifest = FileProbe.readText(FileProbe.join(folder, "Package.swift")) ?? ""
        markers.packageName = packageName(in: manifest)
        markers.hasExecutable = manifest.contains(".executable(") || manifest.contains(".executableTarget(")
        component.swift = markers

        ComponentDetector.assignRole(
            &component, serverEvidence: [], appEvidence: markers.hasExecutable ? "executable in Package.swift" : nil)
        component.commands.build = ["swift", "build"]
        if markers.hasExecutable { component.commands.run = ["swift", "run"] }
        if entries.contains(where: { $0.name == "Tests" && $0.isDirectory }) || manifest.contains(".testTarget(") {
            component.commands.test = ["swift", "test"]
        }
    }

    /// The string after the first `name:` inside `Package(`.
    static func packageName(in manifest: String) -> String? {
        guard let package = manifest.firstRange(of: "Package("),
            let label = manifest[package.upperBound...].firstRange(of: "name:")
        else { return nil }
        let rest = manifest[label.upperBound...].drop { $0 == " " || $0 == "\t" || $0.isNewline }
        guard rest.first == "\"" else { return nil }
        let value = rest.dropFirst().prefix { $0 != "\"" && !$0.isNewline }
        return String(value)
    }
}
