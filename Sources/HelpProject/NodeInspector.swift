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
            let file = component.path == "." ? "package.json" : component.path + "/package.json"
            do {
                guard bytes.contains(where: { !" \t\r\n".utf8.contains($0) }) else {
                    throw HelpError.badData("\(file) is empty")
                }
                try read(try JSONValue.parse(bytes, source: file), file: file, into: &markers)
            } catch {
                let message = (error as? HelpError)?.message ?? "\(error)"
                markers = NodeMarkers()
                markers.problem = message
                component.evidence.append("package.json unreadable: \(message)")
            }
        }
        component.node = markers

        let servers = serverFrameworks.filter(markers.dependencies.contains)
        ComponentDetector.assignRole(
            &component, serverEvidence: servers.map { "\($0) in package.json dependencies" },
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

    /// Takes the fields help uses; one of the wrong type is an error naming the file and the field,
    /// as npm would refuse it too.
    private static func read(_ package: JSONValue, file: String, into markers: inout NodeMarkers) throws {
        func wrong(_ field: String, _ expected: String, _ value: JSONValue) -> HelpError {
            .badData("\(file): \"\(field)\" must be \(expected), found \(value.typeName)")
        }
        guard package.object != nil else {
            throw HelpError.badData("\(file): expected an object, found \(package.typeName)")
        }
        if let name = package["name"] {
            guard let text = name.string else { throw wrong("name", "a string", name) }
            markers.packageName = text
        }
        markers.hasBin = package["bin"] != nil
        if let scripts = package["scripts"] {
            guard let object = scripts.object else { throw wrong("scripts", "an object of strings", scripts) }
            for (name, command) in object {
                guard let text = command.string else { throw wrong("scripts." + name, "a string", command) }
                markers.scripts.append(.init(name: name, command: text))
            }
        }
        for field in ["dependencies", "devDependencies"] {
            guard let value = package[field] else { continue }
            guard let names = value.object?.keys else { throw wrong(field, "an object of versions", value) }
            if field == "dependencies" { markers.dependencies = names } else { markers.devDependencies = names }
        }
    }
}
