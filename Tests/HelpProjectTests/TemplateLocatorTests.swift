import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpProject

/// Which template file `help run` uses: the project's own before the tool's, the tool's found
/// from a checkout or an installation, the built-in copy last.
@Suite("Template resolution")
struct TemplateLocatorTests {
    let folder = TempDir(prefix: "help-templates")
    var root: String { folder.path("project") }
    var component: String { folder.path("project/server") }

    func locator(executable: String? = nil) -> TemplateLocator {
        TemplateLocator(executablePath: executable)
    }

    func write(_ relative: String, _ text: String) throws {
        try folder.write([relative: text])
    }

    @Test("without project or tool files the built-in template is used")
    func builtIn() throws {
        try folder.write(["project/server/": ""])
        let template = try locator().template(named: "development", componentFolder: component, root: root)
        #expect(template.source.origin == .builtIn && template.source.path == nil)
        #expect(template.entry("SECRET_KEY")?.isSecret == true)
    }

    @Test("component Templates/env beats component config beats root Templates/env beats root config")
    func projectOrder() throws {
        try write("project/config/development.env", "FROM=root-config\n")
        #expect(
            try locator().template(named: "development", componentFolder: component, root: root).entry("FROM")?.value
                == "root-config")
        try write("project/Templates/env/development.env", "FROM=root-templates\n")
        var template = try locator().template(named: "development", componentFolder: component, root: root)
        #expect(template.entry("FROM")?.value == "root-templates" && template.source.origin == .project)
        try write("project/server/config/development", "FROM=component-config\n")
        #expect(
            try locator().template(named: "development", componentFolder: component, root: root).entry("FROM")?.value
                == "component-config")
        try write("project/server/Templates/env/development.env", "FROM=component-templates\n")
        template = try locator().template(named: "development", componentFolder: component, root: root)
        #expect(template.entry("FROM")?.value == "component-templates" && template.source.origin == .component)
        #expect(template.source.label(relativeTo: root) == "server/Templates/env/development.env")
    }

    @Test("a binary in a checkout's .build folder uses the checkout's Templates")
    func checkout() throws {
        try write("checkout/Templates/env/development.env", "FROM=checkout\n")
        try write("checkout/.build/x86_64-unknown-linux-gnu/release/help", "")
        try write("project/server/", "")
        let executable = folder.path("checkout/.build/x86_64-unknown-linux-gnu/release/help")
        #expect(locator(executable: executable).toolTemplatesDirectory() == folder.path("checkout/Templates"))
        let template = try locator(executable: executable).template(
            named: "development", componentFolder: component, root: root)
        #expect(template.entry("FROM")?.value == "checkout" && template.source.origin == .tool)
    }

    @Test("an installed binary uses ../share/help/Templates beside bin/")
    func installed() throws {
        try write("prefix/share/help/Templates/env/test.env", "FROM=installed\n")
        try write("prefix/bin/help", "")
        let locator = locator(executable: folder.path("prefix/bin/help"))
        #expect(locator.toolTemplatesDirectory() == folder.path("prefix/share/help/Templates"))
        try write("project/server/", "")
        #expect(
            try locator.template(named: "test", componentFolder: component, root: root).entry("FROM")?.value
                == "installed")
    }

    @Test("a binary elsewhere falls back to the built-in copies")
    func alone() throws {
        try write("bin/help", "")
        #expect(locator(executable: folder.path("bin/help")).toolTemplatesDirectory() == nil)
    }

    @Test("an unknown environment name is a usage error listing the places to add it")
    func unknownName() throws {
        try folder.write(["project/server/": ""])
        do {
            _ = try locator().template(named: "staging", componentFolder: component, root: root)
            Issue.record("no error")
        } catch let error as HelpError {
            #expect(error.code == .usage)
            #expect(error.hint?.contains("server/Templates/env") == true)
        }
        #expect(throws: HelpError.self) {
            try locator().template(named: "../etc", componentFolder: component, root: root)
        }
    }
}
