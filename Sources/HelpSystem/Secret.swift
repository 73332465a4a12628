/// A value that must never be shown: keys, tokens, passwords. It prints as `***` everywhere
/// (interpolation, dumps, logs, JSON); only `reveal()` gives the value, for a child's environment
/// or stdin, never argv.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    private let value: String

    public init(_ value: String) { self.value = value }

    /// The value itself: only for a child's environment or stdin.
    public func reveal() -> String { value }

    public var description: String { "***" }
    public var debugDescription: String { "Secret(***)" }

    /// Replaces every occurrence of any of `secrets` in `text` with `***`, so logs stay clean even
    /// when a child echoes a value it was given.
    public static func redact(_ text: String, _ secrets: [Secret]) -> String {
        var out = text
        for secret in secrets where secret.value.count >= 4 {
            out = out.replacingAll(secret.value, with: "***")
        }
        return out
    }
}

extension String {
    /// Literal (non-regex) replacement without Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, self.contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
