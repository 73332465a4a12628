/// Numbers, booleans, dates and times: read as one token, then checked against TOML's forms.
extension TOMLScanner {
    mutating func parseScalar() throws -> TOMLValue {
        let start = index
        var token = readToken()
        // A date and a time may be separated by one space: `1979-05-27 07:32:00`.
        if TOMLScanner.isDate(token[...]), peek() == 0x20, let next = peek(1), TOMLScanner.isDigit(next) {
            index += 1
            token += " " + readToken()
        }
        guard !token.isEmpty else { throw error("expected a value", at: start) }
        switch token {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan", "-nan": return .float(.nan)
        default: break
        }
        if let value = TOMLScanner.integer(token) { return .integer(value) }
        if TOMLScanner.isFloat(token), let value = Double(token.filter { $0 != "_" }) { return .float(value) }
        if TOMLScanner.isDateTime(token) { return .dateTime(token) }
        throw error("'\(token)' is not a TOML value", at: start)
    }

    private mutating func readToken() -> String {
        let start = index
        while let byte = peek(),
            TOMLScanner.isDigit(byte) || (byte | 0x20 >= 97 && byte | 0x20 <= 122)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
        {
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    // MARK: - Forms

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// Digits with single underscores only between digits.
    private static func isDigitRun(_ text: Substring, digits: (Character) -> Bool = { $0.isASCII && $0.isNumber })
        -> Bool
    {
        guard let first = text.first, let last = text.last, digits(first), digits(last) else { return false }
        var previousUnderscore = false
        for character in text {
            if character == "_" {
                if previousUnderscore { return false }
                previousUnderscore = true
            } else {
                guard digits(character) else { return false }
                previousUnderscore = false
            }
        }
        return true
    }

    static func integer(_ token: String) -> Int64? {
        let lowered = token.lowercased()
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where token.hasPrefix(prefix) {
            let body = lowered.dropFirst(2)
            let isDigit: (Character) -> Bool = { $0.isASCII && ($0.hexDigitValue.map { $0 < radix } ?? false) }
            guard isDigitRun(body, digits: isDigit) else { return nil }
            return Int64(body.filter { $0 != "_" }, radix: radix)
        }
        var body = token[...]
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        guard isDigitRun(body), body == "0" || body.first != "0" else { return nil }
        return Int64(token.filter { $0 != "_" })
    }

    static func isFloat(_ token: String) -> Bool {
        var body = token[...]
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        let exponentSplit = body.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "E", maxSplits: 1, omittingEmptySubsequences: false) }
        guard exponentSplit.count <= 2, let mantissa = exponentSplit.first else { return false }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, isDigitRun(parts[0]), parts[0] == "0" || parts[0].first != "0" else { return false }
        if parts.count == 2, !isDigitRun(parts[1]) { return false }
        if exponentSplit.count == 2 {
            var exponent = exponentSplit[1]
            if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
            guard isDigitRun(exponent) else { return false }
        }
        return parts.count == 2 || exponentSplit.count == 2
    }

    static func isDate(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 45, bytes[7] == 45 else { return false }
        let month = Int(String(text.dropFirst(5).prefix(2))) ?? 0
        let day = Int(String(text.suffix(2))) ?? 0
        return bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || isDigit($0.element) }
            && (1...12).contains(month) && (1...31).contains(day)
    }

    static func isTime(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 8, bytes[2] == 58, bytes[5] == 58 else { return false }
        let clock = [0, 1, 3, 4, 6, 7].allSatisfy { isDigit(bytes[$0]) }
        let hour = Int(String(text.prefix(2))) ?? 99
        let minute = Int(String(text.dropFirst(3).prefix(2))) ?? 99
        let second = Int(String(text.dropFirst(6).prefix(2))) ?? 99
        guard clock, hour < 24, minute < 60, second <= 60 else { return false }
        if bytes.count == 8 { return true }
        return bytes[8] == 46 && bytes.count > 9 && bytes[9...].allSatisfy(isDigit)
    }

    /// Offset or local date-time, local date, or local time.
    static func isDateTime(_ token: String) -> Bool {
        if isDate(token[...]) { return true }
        if isTime(token[...]) { return true }
        guard token.count > 11, isDate(token.prefix(10)) else { return false }
        let separator = token[token.index(token.startIndex, offsetBy: 10)]
        guard separator == "T" || separator == "t" || separator == " " else { return false }
        var time = token.dropFirst(11)
        if time.last == "Z" || time.last == "z" {
            time = time.dropLast()
        } else if time.count > 6, let sign = time.dropLast(5).last, sign == "+" || sign == "-" {
            let offset = time.suffix(5)
            guard offset.utf8.count == 5, Array(offset.utf8)[2] == 58,
                let hours = Int(offset.prefix(2)), let minutes = Int(offset.suffix(2)), hours < 24, minutes < 60
            else { return false }
            time = time.dropLast(6)
        }
        return isTime(time)
    }
}
