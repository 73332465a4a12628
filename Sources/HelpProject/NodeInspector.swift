import HelpSystem

/// Reads a Node component's package.json: scripts, dependencies, and from them its role and commands.
enum NodeInspector {
    /// Web frameworks whose presence among the runtime dependencies makes a package a server.
    static let serverFrameworks = ["express", "fastify", "koa", "@hapi/hapi", "@nestjs/core", "hono"]

    /// What `npm init` writes as the test script; it only fails, so it does not count as tests.
    static let placeholderTest = "echo \"Error: no test specified\" && exit 1"

    /// Fills in kind-specific parts of `component`; a package.json that is not valid JSON leaves the
    /// markers empty and says so in the evidence (install reports the parse error itself).
    static func inspect(_ component: inout Component, folder: String, entries: [FileProbe.Entry]) {
        var markers = NodeMarkers()
        let names = Set(entries.map(\.name))
        if names.contains("package.json") { component.evidence.append("package.json present") }
        markers.lockfile = ["package-lock.json", "yarn.lock", "pnpm-lock.yaml"].first(where: names.contains)
        if let bytes = FileProbe.read(FileProbe.join(folder, "package.json")) {
            do {
                read(try JSONValue.parse(bytes, source: "package.json"), into: &markers)
            } catch {
                component.evidence.append("package.json unreadable: \(error)")
            }
        }
        component.node = markers

        let servers = serverFrameworks.filter(markers.dependencies.contains)
        ComponentDetector.assignRole(&component, serverEvidence: servers.map { "\($0) in package.json dependencies" },
                                     appEvidence: markers.hasBin ? "bin in package.json" : nil)

        if let test = markers.script("test"), test != placeholderTest {
            component.commands.test = ["npm", "test"]
        } else {
            component.commands.test = ["node", "--test"]
        }
        if markers.script("dev") != nil {
            component.commands.run = ["npm", "run", "dev"]
        } else if markers.script("start") != nil {
            component.commands.run = ["npm", "start"]
        }
        if markers.script("lint") != nil { component.commands.lint = ["npm", "run", "lint"] }
        if markers.script("build") != nil { component.commands.build = ["npm", "run", "build"] }
    }

    private static func read(_ package: JSONValue, into markers: inout NodeMarkers) {
        markers.packageName = package["name"]?.string
        markers.hasBin = package["bin"] != nil
        for (name, command) in package["scripts"]?.object ?? JSONObject() {
            if let command = command.string { markers.scripts.append(.init(name: name, command: command)) }
        }
        markers.dependencies = package["dependencies"]?.object?.keys ?? []
        markers.devDependencies = package["devDependencies"]?.object?.keys ?? []
    }
}
