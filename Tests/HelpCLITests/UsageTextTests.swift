import Testing

@testable import HelpCLI

@Suite struct UsageTextTests {
    @Test func discussionWrapsAtTheWidthAndKeepsDoubleSpaces() {
        let lines = UsageText.wrap("prints '<sha256>  <name>' lines for every file given", width: 25)
        #expect(lines == ["prints '<sha256>  <name>'", "lines for every file", "given"])
        #expect(lines.allSatisfy { $0.count <= 25 })
    }

    @Test func everyRegisteredCommandHasExamplesAndASummary() {
        for command in CommandRegistry.all {
            #expect(command.examples.count >= 2, "\(command.name) needs examples")
            #expect(!command.summary.isEmpty)
            #expect(UsageText.command(command).contains("Examples:"))
        }
    }

    @Test func optionLinesListAllowedValuesAndRepeatability() {
        let lines = UsageText.optionLines([
            .value("color", valueName: "WHEN", help: "Color output", allowedValues: ["auto", "never"]),
            .repeatable("only", short: "o", valueName: "NAME", help: "Only this"),
        ])
        #expect(
            lines == [
                "      --color WHEN  Color output (one of: auto, never)",
                "  -o, --only NAME   Only this (repeatable)",
            ])
    }
}
