import Testing

@testable import HelpTasks

@Suite struct TestOutputParserTests {
    @Test func readsPytestSummaryFailuresAndCoverage() {
        let output = """
            ..F.
            ---------- coverage: platform linux ----------
            Name          Stmts   Miss  Cover
            TOTAL           120      3    97.5%
            =========================== short test summary info ============================
            FAILED tests/test_client.py::test_fails - assert 1 == 2
            ERROR tests/test_db.py::test_setup
            1 failed, 18 passed, 2 skipped, 1 error in 1.20s
            """
        let parsed = TestOutputParser.pytest(output)
        #expect(parsed.passed == 18)
        #expect(parsed.failed == 2)
        #expect(parsed.skipped == 2)
        #expect(parsed.failures == ["tests/test_client.py::test_fails", "tests/test_db.py::test_setup"])
        #expect(parsed.coverage == 97.5)
    }

    @Test func readsNodeTapCountsAndCoverage() {
        let output = """
            not ok 3 - rejects a bad token
            # tests 12
            # pass 11
            # fail 1
            # skipped 0
            # all files          |  95.12 |    90.00 |   100.00 |
            """
        let parsed = TestOutputParser.node(output)
        #expect(parsed.passed == 11)
        #expect(parsed.failed == 1)
        #expect(parsed.failures == ["rejects a bad token"])
        #expect(parsed.coverage == 95.12)
    }

    @Test func readsSwiftTestingClosingLine() {
        let parsed = TestOutputParser.swift("✔ Test run with 454 tests in 77 suites passed after 88.287 seconds.")
        #expect(parsed.passed == 454)
        #expect(parsed.failed == 0)
    }

    /// Found by the fuzzer: "issue" as the first word of a summary line read the word before it.
    @Test func oddSwiftSummariesNeverCrashOrGoNegative() {
        let odd = TestOutputParser.swift("issuet run with 12 tests in 3 suites failed with 1 issue.\n")
        #expect(odd.passed == 11)
        #expect(odd.failed == 1)
        let real = TestOutputParser.swift(
            "✘ Test run with 12 tests in 3 suites failed after 1.2 seconds with 2 issues.")
        #expect(real.passed == 10 && real.failed == 2)
        let xctest = TestOutputParser.swift("Executed 1 test, with 5 failures (0 unexpected) in 0.1 seconds")
        #expect(xctest.passed == 0 && xctest.failed == 1)
    }
}
