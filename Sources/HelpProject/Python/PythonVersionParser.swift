/// Reads every spelling PEP 440 allows (`v1.0`, `1.0-ALPHA.2`, `1.0-1`, `1.0rev`, `1.0.dev`,
/// `1.0+Ubuntu-1`) into a `PythonVersion`, by hand so that no regular expression engine is needed.
enum PythonVersionParser {
    // MARK: - Entry

    static func parse(_ text: String) -> PythonVersion? {
        var scanner = Scanner(bytes: Array(text.lowercased().utf8))
        scanner.trimWhitespace()
        _ = scanner.take("v")
        var epoch = 0
        guard var first = scanner.number() else { return nil }
        if scanner.take("!") {
            epoch = first
            guard let n = scanner.number() else { return nil }
            first = n
        }
        var release = [first]
        while scanner.peek == UInt8(ascii: "."), scanner.peek(1).map(isDigit) == true {
            scanner.index += 1
            guard let n = scanner.number() else { return nil }
            release.append(n)
        }
        var version = PythonVersion(epoch: epoch, release: release)
        guard let pre = preRelease(&scanner), let post = postRelease(&scanner), let dev = devRelease(&scanner) else {
            return nil
        }
        version.pre = pre.value
        version.post = post.value
        version.dev = dev.value
        if scanner.take("+") {
            guard let local = localLabel(&scanner) else { return nil }
            version.local = local
        }
        return scanner.atEnd ? version : nil
    }

    // MARK: - Parts

    /// The outer optional is "malformed", the inner one "absent".
    private struct Part<T> { var value: T? }

    private static let preLabels: [(String, PythonVersion.Phase)] = [
        ("alpha", .alpha), ("a", .alpha), ("beta", .beta), ("b", .beta),
        ("preview", .candidate), ("pre", .candidate), ("rc", .candidate), ("c", .candidate),
    ]

    private static func preRelease(_ s: inout Scanner) -> Part<(phase: PythonVersion.Phase, number: Int)>? {
        let start = s.index
        _ = s.separator()
        guard let phase = preLabels.first(where: { s.take($0.0) })?.1 else {
            s.index = start
            return Part(value: nil)
        }
        guard let number = implicitNumber(&s) else { return nil }
        return Part(value: (phase, number))
    }

    private static func postRelease(_ s: inout Scanner) -> Part<Int>? {
        let start = s.index
        if s.take("-"), s.peek.map(isDigit) == true {
            guard let n = s.number() else { return nil }
            return Part(value: n)
        }
        s.index = start
        _ = s.separator()
        guard s.take("post") || s.take("rev") || s.take("r") else {
            s.index = start
            return Part(value: nil)
        }
        guard let number = implicitNumber(&s) else { return nil }
        return Part(value: number)
    }

    private static func devRelease(_ s: inout Scanner) -> Part<Int>? {
        let start = s.index
        _ = s.separator()
        guard s.take("dev") else {
            s.index = start
            return Part(value: nil)
        }
        guard let number = implicitNumber(&s) else { return nil }
        return Part(value: number)
    }

    /// The number after a label, with an optional separator; 0 when it is left out. Nil only when
    /// the digits overflow. The separator is taken even without a number, as the PEP's regular
    /// expression does (`1.0.post.` is `1.0.post0`); the next part has its own optional separator,
    /// so `1.0a.post1` still reads.
    private static func implicitNumber(_ s: inout Scanner) -> Int? {
        _ = s.separator()
        guard s.peek.map(isDigit) == true else { return 0 }
        return s.number()
    }

    private static func localLabel(_ s: inout Scanner) -> [PythonVersion.LocalSegment]? {
        var segments: [PythonVersion.LocalSegment] = []
        repeat {
            let start = s.index
            while let c = s.peek, isDigit(c) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) { s.index += 1 }
            guard s.index > start else { return nil }
            let text = String(decoding: s.bytes[start..<s.index], as: UTF8.self)
            if text.utf8.allSatisfy(isDigit) {
                guard let n = Int(text) else { return nil }
                segments.append(.number(n))
            } else {
                segments.append(.word(text))
            }
        } while s.separator()
        return segments
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    // MARK: - Scanner

    /// A cursor over lower-cased ASCII bytes.
    private struct Scanner {
        var bytes: [UInt8]
        var index = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }
        var atEnd: Bool { index == bytes.count }

        func peek(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

        mutating func trimWhitespace() {
            let space: (UInt8) -> Bool = { $0 == 32 || ($0 >= 9 && $0 <= 13) }
            while let last = bytes.last, space(last) { bytes.removeLast() }
            while let c = peek, space(c) { index += 1 }
        }

        mutating func take(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard index + w.count <= bytes.count, bytes[index..<index + w.count].elementsEqual(w) else { return false }
            index += w.count
            return true
        }

        mutating func separator() -> Bool {
            guard let c = peek, c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") else {
                return false
            }
            index += 1
            return true
        }

        /// Decimal digits as an Int; nil when there are none or they overflow.
        mutating func number() -> Int? {
            let start = index
            while let c = peek, isDigit(c) { index += 1 }
            guard index > start else { return nil }
            return Int(String(decoding: bytes[start..<index], as: UTF8.self))
        }
    }
}
