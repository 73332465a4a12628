/// "Did you mean …?": the known spelling nearest to a mistyped one, by Damerau-Levenshtein
/// distance (insertions, deletions, substitutions and swaps of neighbours each cost one).
public enum Suggestion {
    /// The candidate nearest to `word`, or nil when none is within `maxDistance` (by default about
    /// a third of the word, at least one edit, so only plausible typos are suggested). Ties go to
    /// the earlier candidate, so the declaration order decides.
    public static func nearest(to word: String, in candidates: [String], maxDistance: Int? = nil) -> String? {
        let limit = maxDistance ?? max(1, min(3, word.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let d = distance(word.lowercased(), candidate.lowercased())
            if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.candidate
    }

    /// The nearest candidate whatever the distance; for short lists (command names) where any
    /// guess, next to a pointer to the full list, beats none.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        nearest(to: word, in: candidates, maxDistance: Int.max)
    }

    /// Edits needed to turn `a` into `b` (optimal string alignment form of Damerau-Levenshtein).
    public static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a)
        let t = Array(b)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        // Three rolling rows: the swap rule looks two rows back.
        var previous2 = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[t.count]
    }
}
