/// A PEP 440 version (`1!2.0rc1.post2.dev3+ubuntu.1`), ordered exactly as the PEP orders them so
/// that specifiers and conflict checks agree with pip.
public struct PythonVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The pre-release phases, in the order the PEP sorts them.
    public enum Phase: Int, Sendable, Hashable, Comparable, CustomStringConvertible {
        case alpha, beta, candidate

        public var description: String { ["a", "b", "rc"][rawValue] }

        public static func < (a: Phase, b: Phase) -> Bool { a.rawValue < b.rawValue }
    }

    /// One dot-separated part of a local version label; numbers sort above words.
    public enum LocalSegment: Sendable, Hashable, Comparable, CustomStringConvertible {
        case number(Int)
        case word(String)

        public var description: String {
            switch self {
            case .number(let n): return String(n)
            case .word(let w): return w
            }
        }

        public static func < (a: LocalSegment, b: LocalSegment) -> Bool {
            switch (a, b) {
            case (.number(let x), .number(let y)): return x < y
            case (.word(let x), .word(let y)): return x < y
            case (.word, .number): return true
            case (.number, .word): return false
            }
        }
    }

    public var epoch: Int
    /// Release numbers as written (`1.0` keeps its trailing zero; comparison ignores it).
    public var release: [Int]
    public var pre: (phase: Phase, number: Int)? {
        get { preParts.map { ($0.phase, $0.number) } }
        set { preParts = newValue.map { PreParts(phase: $0.phase, number: $0.number) } }
    }
    public var post: Int?
    public var dev: Int?
    /// Local label segments (`+ubuntu.1` -> [ubuntu, 1]); empty when there is none.
    public var local: [LocalSegment]

    private struct PreParts: Sendable, Hashable {
        var phase: Phase
        var number: Int
    }
    private var preParts: PreParts?

    /// A version from its parts; `release` must not be empty.
    public init(
        epoch: Int = 0, release: [Int], pre: (phase: Phase, number: Int)? = nil, post: Int? = nil, dev: Int? = nil,
        local: [LocalSegment] = []
    ) {
        precondition(!release.isEmpty, "a version has at least one release number")
        self.epoch = epoch
        self.release = release
        self.preParts = pre.map { PreParts(phase: $0.phase, number: $0.number) }
        self.post = post
        self.dev = dev
        self.local = local
    }

    /// Parses any spelling the PEP accepts; nil when the text is not a PEP 440 version.
    public init?(_ text: String) {
        guard let parsed = PythonVersionParser.parse(text) else { return nil }
        self = parsed
    }

    // MARK: - Derived forms

    /// True for alpha, beta, candidate and development releases.
    public var isPrerelease: Bool { preParts != nil || dev != nil }
    public var isDevrelease: Bool { dev != nil }
    public var isPostrelease: Bool { post != nil }

    /// The version without its local label.
    public var `public`: PythonVersion {
        var copy = self
        copy.local = []
        return copy
    }

    /// Epoch and release only (`1!2.0rc1.post3` -> `1!2.0`).
    public var baseVersion: PythonVersion { PythonVersion(epoch: epoch, release: release) }

    /// The canonical spelling: `1!2.0rc1.post2.dev3+ubuntu.1`.
    public var normalized: String {
        var text = epoch != 0 ? "\(epoch)!" : ""
        text += release.map(String.init).joined(separator: ".")
        if let preParts { text += "\(preParts.phase)\(preParts.number)" }
        if let post { text += ".post\(post)" }
        if let dev { text += ".dev\(dev)" }
        if !local.isEmpty { text += "+" + local.map(\.description).joined(separator: ".") }
        return text
    }

    public var description: String { normalized }

    // MARK: - Ordering

    /// Release numbers with trailing zeros removed, so `1.0` and `1` compare and hash alike.
    var trimmedRelease: ArraySlice<Int> {
        var end = release.count
        while end > 1 && release[end - 1] == 0 { end -= 1 }
        return release[0..<end]
    }

    /// Where the pre-release part sorts: a dev release of a final sorts before every pre-release,
    /// and a version without pre-release sorts after all of them.
    private var preRank: (Int, Int, Int) {
        if let preParts { return (1, preParts.phase.rawValue, preParts.number) }
        if post == nil && dev != nil { return (0, 0, 0) }
        return (2, 0, 0)
    }

    public static func < (a: PythonVersion, b: PythonVersion) -> Bool { compare(a, b) < 0 }

    public static func == (a: PythonVersion, b: PythonVersion) -> Bool { compare(a, b) == 0 }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(epoch)
        hasher.combine(Array(trimmedRelease))
        hasher.combine(preParts)
        hasher.combine(post)
        hasher.combine(dev)
        hasher.combine(local)
    }

    /// -1, 0 or 1 as `a` sorts before, with or after `b`.
    public static func compare(_ a: PythonVersion, _ b: PythonVersion) -> Int {
        if a.epoch != b.epoch { return a.epoch < b.epoch ? -1 : 1 }
        let ra = a.trimmedRelease
        let rb = b.trimmedRelease
        for index in 0..<max(ra.count, rb.count) {
            let x = index < ra.count ? ra[ra.startIndex + index] : 0
            let y = index < rb.count ? rb[rb.startIndex + index] : 0
            if x != y { return x < y ? -1 : 1 }
        }
        let pa = a.preRank
        let pb = b.preRank
        if pa != pb { return pa < pb ? -1 : 1 }
        // No post release sorts before any post release; no dev release sorts after any dev release.
        let posta = (a.post == nil ? 0 : 1, a.post ?? 0)
        let postb = (b.post == nil ? 0 : 1, b.post ?? 0)
        if posta != postb { return posta < postb ? -1 : 1 }
        let deva = (a.dev == nil ? 1 : 0, a.dev ?? 0)
        let devb = (b.dev == nil ? 1 : 0, b.dev ?? 0)
        if deva != devb { return deva < devb ? -1 : 1 }
        // No local label sorts first; then segment by segment, a shorter label first on a tie.
        if a.local != b.local { return a.local.lexicographicallyPrecedes(b.local) ? -1 : 1 }
        return 0
    }
}
