import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpCLI

/// The shared component-selection group (`--component NAME`, `--<component>`, `--all`) of install,
/// run, test, config and cache explain.
@Suite struct ComponentSelectionTests {
    @Test("every per-component command declares the same group")
    func everyPerComponentCommandHasTheGroup() {
        for spec in [InstallCommand.spec, RunCommand.spec, TestCommand.spec, ConfigCommand.spec, CacheCommand.spec] {
            for option in ComponentSelection.options {
                #expect(spec.options.contains(option), "\(spec.name) lacks --\(option.long)")
            }
        }
    }

    @Test("names come in order without repeats, aliases included; --all with a name is a usage error")
    func parsing() throws {
        let parser = ArgumentParser(
            options: ComponentSelection.options + [.repeatable("only", valueName: "NAME", help: "")])
        func selection(_ words: [String]) throws -> ComponentSelection {
            let invocation = Invocation(arguments: try parser.parse(words), globals: GlobalOptions())
            return try ComponentSelection(invocation, aliases: ["only"])
        }
        #expect(try selection(["--component", "b", "--only", "a", "--component", "b"]).names == ["b", "a"])
        #expect(try selection(["--all"]) == ComponentSelection(all: true))
        #expect(try selection([]).isDefault)
        #expect(throws: HelpError.self) { try selection(["--all", "--only", "a"]) }
    }

    @Test("commands refuse selections that make no sense for them, with exit 64")
    func refusals() {
        let cases: [([String], String)] = [
            (["install", "httpx", "--all"], "error: packages go into one component, not --all"),
            (["test", "--changed", "--all"], "error: --changed chooses components itself"),
            (["config", "show", "--all", "--component", "server"], "error: --all and --component"),
            (
                ["cache", "explain", "--component", "a", "--component", "b"],
                "error: 'help cache explain' takes one component"
            ),
            (["cache", "clean", "--all"], "error: --all does not apply to 'help cache clean'"),
        ]
        for (words, message) in cases {
            let cli = CLIHarness()
            #expect(cli.run(words) == 64, "\(words)")
            #expect(cli.stderr.hasPrefix(message), "\(words): \(cli.stderr)")
        }
    }
}
