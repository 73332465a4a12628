/// PEP 503 normalization of a distribution or extra name: lowercase, and every run of `-`, `_`
/// and `.` becomes one `-` (`Foo.Bar__baz` -> `foo-bar-baz`), so spellings of one name compare equal.
public func normalizeName(_ name: String) -> String {
    var result = ""
    result.reserveCapacity(name.utf8.count)
    var inRun = false
    for character in name.lowercased() {
        if character == "-" || character == "_" || character == "." {
            inRun = true
            continue
        }
        if inRun { result.append("-") }
        inRun = false
        result.append(character)
    }
    if inRun { result.append("-") }
    return result
}

/// True for a valid PEP 508 name: ASCII letters and digits, with `.`, `_` or `-` only inside.
public func isValidPackageName(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    guard let first = bytes.first, let last = bytes.last else { return false }
    let isAlphanumeric: (UInt8) -> Bool = { ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) }
    return isAlphanumeric(first) && isAlphanumeric(last)
        && bytes.allSatisfy { isAlphanumeric($0) || $0 == 45 || $0 == 46 || $0 == 95 }
}
