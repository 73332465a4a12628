import Testing

@testable import HelpSystem

@Suite struct HelpErrorTests {
    @Test func exitCodesFollowSysexits() {
        #expect(ExitCode.usage.rawValue == 64)
        #expect(ExitCode.dataError.rawValue == 65)
        #expect(ExitCode.unavailable.rawValue == 69)
        #expect(ExitCode.interrupted.rawValue == 130)
    }

    @Test func secretNeverPrintsItsValue() {
        let secret = Secret("hunter2-token")
        #expect("\(secret)" == "***")
        #expect(Secret.redact("token=hunter2-token;", [secret]) == "token=***;")
    }

    @Test func shellQuoteQuotesOnlyWhatNeedsIt() {
        #expect(Command.shellQuote("plain-arg") == "plain-arg")
        #expect(Command.shellQuote("it's here") == "'it'\\''s here'")
    }
}
