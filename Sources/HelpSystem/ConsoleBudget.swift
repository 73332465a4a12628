/// How much of a child's streamed output reaches the terminal: each line is cut at
/// `maxLineBytes`, and after `maxLines` lines one notice replaces the rest. The command log keeps
/// every line whole, so nothing is lost; the terminal just stays usable.
final class ConsoleBudget: @unchecked Sendable {
    /// Lines a foreground step may print before the rest goes to the log only.
    static let foregroundLines = 20_000
    static let maxLineBytes = 4_096

    private let maxLines: Int?
    private let lock = Mutex()
    private var shown = 0
    private var dropped = false

    init(maxLines: Int?) {
        self.maxLines = maxLines
    }

    /// The text to print for `line`, or nil once the budget is spent (the first refusal returns
    /// the notice instead).
    func admit(_ line: String, logged: Bool) -> String? {
        lock.withLock { () -> String? in
            if dropped { return nil }
            if let maxLines, shown >= maxLines {
                dropped = true
                return "… more output not shown here"
                    + (logged ? "; the command log in .helpcache/logs/ has all of it" : "")
            }
            shown += 1
            let bytes = line.utf8.count
            guard bytes > Self.maxLineBytes else { return line }
            var cut = line.utf8.prefix(Self.maxLineBytes)
            while let last = cut.last, last & 0xC0 == 0x80 { cut = cut.dropLast() }  // whole characters only
            if let last = cut.last, last >= 0xC0 { cut = cut.dropLast() }
            return String(decoding: cut, as: UTF8.self) + " … (\(bytes - cut.count) more bytes)"
        }
    }
}
