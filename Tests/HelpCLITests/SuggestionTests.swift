import Testing

@testable import HelpCLI

@Suite struct SuggestionTests {
    @Test func distanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
        #expect(Suggestion.distance("kitten", "sitting") == 3)
        #expect(Suggestion.distance("", "abc") == 3)
        #expect(Suggestion.distance("json", "jsno") == 1)
        #expect(Suggestion.distance("doctor", "doctor") == 0)
    }

    @Test func nearestOnlySuggestsPlausibleTypos() {
        #expect(Suggestion.nearest(to: "doctr", in: ["components", "doctor", "hash"]) == "doctor")
        #expect(Suggestion.nearest(to: "zzzzzz", in: ["components", "doctor", "hash"]) == nil)
    }

    @Test func closestAlwaysNamesACandidate() {
        #expect(Suggestion.closest(to: "nosuch", in: ["components", "doctor", "hash"]) != nil)
        #expect(Suggestion.closest(to: "x", in: []) == nil)
    }
}
