/// Reads the PEP 440 grammar (appendix B) by hand: optional `v`, epoch, release, then optional
/// pre, post, dev and local parts, each with the separators and alternative spellings the PEP
/// accepts, case-insensitively, with surrounding whitespace ignored.
struct PythonVersionParser {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) {
        var bytes = Array(text.utf8)
        while let last = bytes.last, PythonVersionParser.isSpace(last) { bytes.removeLast() }
        let leading = bytes.prefix(while: PythonVersionParser.isSpace).count
        self.bytes = bytes.dropFirst(leading).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    }

    /// The version, or nil when the text does not follow the grammar to its end.
    mutating func parse() -> PythonVersion? {
        if peek() == UInt8(ascii: "v") { index += 1 }
        guard var release = digits() else { return nil }
        var epoch = 0
        if peek() == UInt8(ascii: "!") {
            index += 1
            epoch = release
            guard let first = digits() else { return nil }
            release = first
        }
        var numbers = [release]
        while peek() == UInt8(ascii: "."), isDigit(at: index + 1) {
            index += 1
            guard let number = digits() else { return nil }
            numbers.append(number)
        }
        guard let pre = preRelease(), let post = postRelease(), let dev = devRelease(),
              let local = localLabel(), index == bytes.count else { return nil }
        return PythonVersion(epoch: epoch, release: numbers, pre: pre.value, post: post.value,
                             dev: dev.value, local: local)
    }

    // MARK: - Optional parts

    /// A found-or-absent part; nil from the functions below means the text is malformed.
    private struct Part<Value> { var value: Value? }

    private mutating func preRelease() -> Part<PythonVersion.PreRelease>? {
        let start = index
        skipSeparator()
        let labels: [(String, PythonVersion.PreReleaseKind)] = [
            ("alpha", .alpha), ("a", .alpha), ("beta", .beta), ("b", .beta),
            ("preview", .candidate), ("pre", .candidate), ("rc", .candidate), ("c", .candidate),
        ]
        guard let kind = labels.first(where: { consume($0.0) })?.1 else {
            index = start
            return Part(value: nil)
        }
        guard let number = optionalNumber() else { return nil }
        return Part(value: PythonVersion.PreRelease(kind, number))
    }

    private mutating func postRelease() -> Part<Int>? {
        let start = index
        if peek() == UInt8(ascii: "-"), isDigit(at: index + 1) {
            index += 1
            return digits().map { Part(value: $0) }
        }
        skipSeparator()
        guard consume("post") || consume("rev") || consume("r") else {
            index = start
            return Part(value: nil)
        }
        return optionalNumber().map { Part(value: $0) }
    }

    private mutating func devRelease() -> Part<Int>? {
        let start = index
        skipSeparator()
        guard consume("dev") else {
            index = start
            return Part(value: nil)
        }
        return optionalNumber().map { Part(value: $0) }
    }

    /// `+` then alphanumeric runs joined by `-`, `_` or `.`; numeric runs become numbers.
    private mutating func localLabel() -> [PythonVersion.LocalPart]? {
        guard peek() == UInt8(ascii: "+") else { return [] }
        index += 1
        var parts: [PythonVersion.LocalPart] = []
        while true {
            let start = index
            while let byte = peek(), isAlphanumeric(byte) { index += 1 }
            guard index > start else { return nil }
            let run = bytes[start..<index]
            if run.allSatisfy(isDigitByte) {
                let digits = run.drop { $0 == UInt8(ascii: "0") }
                parts.append(.number(digits.isEmpty ? "0" : String(decoding: digits, as: UTF8.self)))
            } else {
                parts.append(.word(String(decoding: run, as: UTF8.self)))
            }
            guard let byte = peek(), isSeparator(byte) else { return parts }
            index += 1
        }
    }

    // MARK: - Scanning

    /// After a label: an optional separator and number; a label alone counts as 0. The separator is
    /// taken even without a number, as the PEP's regular expression does.
    private mutating func optionalNumber() -> Int? {
        skipSeparator()
        guard isDigit(at: index) else { return 0 }
        return digits()
    }

    /// A run of decimal digits as an Int; nil when there is none or it overflows.
    private mutating func digits() -> Int? {
        guard isDigit(at: index) else { return nil }
        var value = 0
        while isDigit(at: index) {
            let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times.addingReportingOverflow(Int(bytes[index] - UInt8(ascii: "0")))
            if overflowA || overflowB { return nil }
            value = sum
            index += 1
        }
        return value
    }

    private mutating func consume(_ word: String) -> Bool {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count, bytes[index..<index + utf8.count].elementsEqual(utf8) else {
            return false
        }
        index += utf8.count
        return true
    }

    private mutating func skipSeparator() {
        if let byte = peek(), isSeparator(byte) { index += 1 }
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }
    private func isDigit(at position: Int) -> Bool { position < bytes.count && isDigitByte(bytes[position]) }
    private func isDigitByte(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    private func isSeparator(_ byte: UInt8) -> Bool { byte == 45 || byte == 95 || byte == 46 }
    private func isAlphanumeric(_ byte: UInt8) -> Bool { isDigitByte(byte) || (byte >= 97 && byte <= 122) }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (byte >= 9 && byte <= 13) }
}
