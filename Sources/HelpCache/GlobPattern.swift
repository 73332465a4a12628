/// A path glob as used in `inputs` and `exclude` lists: `*` (any run within one path segment),
/// `?` (one character but `/`), `[abc]`, `[a-z]`, `[!x]` / `[^x]` classes, and `**` as a whole
/// segment (zero or more folders). A pattern with no `/` matches a name at any depth, like
/// `.gitignore`; a pattern that matches a folder matches everything inside it; a trailing `/`
/// limits the pattern to folders.
public struct GlobPattern: Sendable, Equatable, CustomStringConvertible {
    public let text: String
    private let bytes: [UInt8]
    private let onlyFolders: Bool

    /// Compiles `text`; every string is a valid pattern (an unclosed `[` is literal).
    public init(_ text: String) {
        self.text = text
        var pattern = Array(text.utf8)
        while pattern.count > 1 && pattern.first == UInt8(ascii: ".") && pattern[1] == UInt8(ascii: "/") {
            pattern.removeFirst(2)
        }
        onlyFolders = pattern.last == UInt8(ascii: "/")
        while pattern.last == UInt8(ascii: "/") { pattern.removeLast() }
        if pattern.first == UInt8(ascii: "/") {
            pattern.removeFirst()
        } else if !pattern.contains(UInt8(ascii: "/")) {
            pattern = Array("**/".utf8) + pattern
        }
        bytes = pattern
    }

    public var description: String { text }

    // MARK: - Matching

    /// Whether the relative path (with `/` separators) or one of its parent folders matches.
    public func matches(_ path: String) -> Bool {
        var copy = path
        return copy.withUTF8 { matches(path: $0) }
    }

    /// The same on UTF-8 bytes, for the scanner's hot loop.
    public func matches(path: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { pattern in
            var end = 0
            while end < path.count {
                if path[end] == UInt8(ascii: "/"),
                    GlobPattern.match(pattern, 0, UnsafeBufferPointer(rebasing: path[0..<end]), 0)
                {
                    return true
                }
                end += 1
            }
            return !onlyFolders && GlobPattern.match(pattern, 0, path, 0)
        }
    }

    /// Backtracking matcher; `**/` segments try every folder depth, `*` every split in a segment.
    private static func match(_ p: UnsafeBufferPointer<UInt8>, _ pi: Int, _ s: UnsafeBufferPointer<UInt8>, _ si: Int)
        -> Bool
    {
        let slash = UInt8(ascii: "/")
        var pi = pi
        var si = si
        while pi < p.count {
            let c = p[pi]
            if c == UInt8(ascii: "*") {
                let doubleStar = pi + 1 < p.count && p[pi + 1] == UInt8(ascii: "*")
                let segmentStart = pi == 0 || p[pi - 1] == slash
                if doubleStar && segmentStart && (pi + 2 == p.count || p[pi + 2] == slash) {
                    if pi + 2 == p.count { return true }  // trailing `**`: anything below
                    // `**/rest`: rest matches here, or after any later `/`.
                    if match(p, pi + 3, s, si) { return true }
                    var k = si
                    while k < s.count {
                        if s[k] == slash && match(p, pi + 3, s, k + 1) { return true }
                        k += 1
                    }
                    return false
                }
                var next = pi + 1
                while next < p.count && p[next] == UInt8(ascii: "*") { next += 1 }
                var k = si
                while true {
                    if match(p, next, s, k) { return true }
                    if k == s.count || s[k] == slash { return false }
                    k += 1
                }
            }
            guard si < s.count else { return false }
            if c == UInt8(ascii: "?") {
                if s[si] == slash { return false }
            } else if c == UInt8(ascii: "[") {
                guard let (matched, after) = matchClass(p, pi, s[si]) else {
                    if s[si] != c { return false }  // an unclosed `[` is a literal
                    pi += 1
                    si += 1
                    continue
                }
                if !matched || s[si] == slash { return false }
                pi = after
                si += 1
                continue
            } else if c == UInt8(ascii: "\\") && pi + 1 < p.count {
                pi += 1
                if s[si] != p[pi] { return false }
            } else if s[si] != c {
                return false
            }
            pi += 1
            si += 1
        }
        return si == s.count
    }

    /// Matches one byte against the class opening at `p[start]`; nil when the class is unclosed.
    private static func matchClass(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ byte: UInt8) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < p.count && (p[i] == UInt8(ascii: "!") || p[i] == UInt8(ascii: "^")) {
            negate = true
            i += 1
        }
        var matched = false
        var first = true
        while i < p.count {
            let c = p[i]
            if c == UInt8(ascii: "]") && !first { return (matched != negate, i + 1) }
            first = false
            if i + 2 < p.count && p[i + 1] == UInt8(ascii: "-") && p[i + 2] != UInt8(ascii: "]") {
                if byte >= c && byte <= p[i + 2] { matched = true }
                i += 3
            } else {
                if byte == c { matched = true }
                i += 1
            }
        }
        return nil
    }
}
