import Testing

@testable import HelpCLI

@Suite struct ArgumentParserTests {
    let parser = ArgumentParser(
        options: GlobalOptions.table + [
            .repeatable("only", valueName: "NAME", help: "Only this component"),
            .value("format", short: "f", valueName: "FMT", help: "Output format", allowedValues: ["text", "table"]),
        ],
        positionals: [PositionalSpec("FILE", arity: .zeroOrMore, help: "Files")])

    // MARK: - Value forms

    @Test func longValueIsReadFromTheNextWordOrAfterAnEqualsSign() throws {
        #expect(try parser.parse(["--project", "srv"]).value("project") == "srv")
        #expect(try parser.parse(["--project=srv"]).value("project") == "srv")
        #expect(try parser.parse(["--project=a=b"]).value("project") == "a=b")
    }

    @Test func shortValueIsReadAttachedOrFromTheNextWord() throws {
        #expect(try parser.parse(["-C", "srv"]).value("project") == "srv")
        #expect(try parser.parse(["-Csrv"]).value("project") == "srv")
    }

    @Test func bundledShortFlagsAreEachCounted() throws {
        let parsed = try parser.parse(["-vh"])
        #expect(parsed.flag("verbose") && parsed.flag("help"))
        #expect(try parser.parse(["-vv"]).count("verbose") == 2)
    }

    @Test func aBundleMayEndWithAnOptionThatTakesTheNextWord() throws {
        let parsed = try parser.parse(["-vC", "srv", "a.txt"])
        #expect(parsed.flag("verbose"))
        #expect(parsed.value("project") == "srv")
        #expect(parsed.positionals == ["a.txt"])
    }

    @Test func repeatableOptionKeepsEveryValueInOrder() throws {
        #expect(try parser.parse(["--only", "a", "--only=b", "--only", "c"]).values("only") == ["a", "b", "c"])
    }

    @Test func singleValueOptionGivenTwiceKeepsTheLast() throws {
        #expect(try parser.parse(["--color", "always", "--color=never"]).value("color") == "never")
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try parser.parse(["a", "--", "--json", "-v"])
        #expect(parsed.positionals == ["a", "--json", "-v"])
        #expect(!parsed.flag("json"))
    }

    @Test func loneDashIsAPositionalWord() throws {
        #expect(try parser.parse(["-"]).positionals == ["-"])
    }

    @Test func stoppingAtTheCommandNameLeavesItsWordsUnread() throws {
        let parsed = try parser.parse(["-v", "doctor", "--json", "x"], mode: .untilFirstPositional)
        #expect(parsed.flag("verbose"))
        #expect(!parsed.flag("json"))
        #expect(parsed.remainder == ["doctor", "--json", "x"])
    }

    @Test func doubleDashBeforeTheCommandKeepsItsWordsPositional() throws {
        let parsed = try parser.parse(["--", "hash", "-v"], mode: .untilFirstPositional)
        #expect(parsed.remainder == ["hash", "--", "-v"])
    }

    // MARK: - Mistakes

    @Test func unknownLongOptionSuggestsTheNearestSpelling() {
        #expect(throws: ArgumentError.unknownOption("--verbos", suggestion: "--verbose")) {
            try parser.parse(["--verbos"])
        }
        #expect(throws: ArgumentError.unknownOption("--jsno", suggestion: "--json")) { try parser.parse(["--jsno"]) }
    }

    @Test func unknownOptionFarFromAnyNameGetsNoSuggestion() {
        #expect(throws: ArgumentError.unknownOption("--frobnicate", suggestion: nil)) {
            try parser.parse(["--frobnicate"])
        }
        #expect(throws: ArgumentError.unknownOption("-x", suggestion: nil)) { try parser.parse(["-x"]) }
    }

    @Test func longOptionWrittenWithOneDashSuggestsTheTwoDashForm() {
        #expect(throws: ArgumentError.unknownOption("-verbose", suggestion: "--verbose")) {
            try parser.parse(["-verbose"])
        }
    }

    @Test func valueOptionWithoutAValueIsAnError() {
        #expect(throws: ArgumentError.missingValue(option: "--project")) { try parser.parse(["--project"]) }
        #expect(throws: ArgumentError.missingValue(option: "-C")) { try parser.parse(["-C", "--json"]) }
    }

    @Test func flagGivenAValueIsAnError() {
        #expect(throws: ArgumentError.unexpectedValue(option: "--json", value: "yes")) {
            try parser.parse(["--json=yes"])
        }
    }

    // MARK: - Validation

    @Test func valueOutsideTheAllowedListFailsValidation() throws {
        let parsed = try parser.parse(["--color", "sometimes"])
        #expect(
            throws: ArgumentError.invalidChoice(
                option: "--color", value: "sometimes", allowed: ["auto", "always", "never"])
        ) {
            try parser.validate(parsed)
        }
        try parser.validate(try parser.parse(["-f", "table"]))
    }

    @Test func requiredOptionAndArgumentCountsAreChecked() throws {
        let strict = ArgumentParser(
            options: [.value("check", valueName: "SUMS", help: "Sums file", isRequired: true)],
            positionals: [
                PositionalSpec("NAME", help: "A name"), PositionalSpec("EXTRA", arity: .optional, help: "More"),
            ])
        #expect(throws: ArgumentError.missingOption(option: "--check")) { try strict.validate(try strict.parse(["a"])) }
        #expect(throws: ArgumentError.missingArgument(name: "NAME")) {
            try strict.validate(try strict.parse(["--check", "s"]))
        }
        #expect(throws: ArgumentError.unexpectedArgument("c")) {
            try strict.validate(try strict.parse(["--check", "s", "a", "b", "c"]))
        }
        try strict.validate(try strict.parse(["--check", "s", "a", "b"]))
    }

    // MARK: - Messages

    @Test func everyArgumentErrorBecomesAUsageErrorWithAHint() {
        let error = ArgumentError.unknownOption("--verbos", suggestion: "--verbose").helpError(command: "doctor")
        #expect(error.code == .usage)
        #expect(error.message == "unknown option '--verbos'")
        #expect(error.hint == "did you mean '--verbose'? Run 'help doctor --help' for its options.")
        let choice = ArgumentError.invalidChoice(
            option: "--color", value: "alway", allowed: ["auto", "always", "never"]
        ).helpError(command: nil)
        #expect(choice.hint == "did you mean 'always'? Use one of: auto, always, never.")
    }
}
