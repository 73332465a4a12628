import HelpSystem

/// The K3s server a machine joins: `https://HOST:PORT` (6443 unless said otherwise) with HOST an
/// IPv4 address, a bracketed IPv6 address or a host name (a tailnet's MagicDNS name). K3s itself
/// accepts only https, and a path or query would be silently dropped, so both are refused.
public struct ServerAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int = 6443) {
        self.host = host
        self.port = port
    }

    /// Parses `--server`; a usage error names the URL and what is wrong with it.
    public init(parsing text: String) throws {
        let hint = "write --server https://100.101.102.103:6443 (the first server's Tailscale IP)"
        guard text.hasPrefix("https://") else {
            throw HelpError.usage("server URL \(JSONValue.quoted(text)) does not start with https://", hint: hint)
        }
        var rest = Substring(text.dropFirst("https://".count))
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        var hostPart: Substring
        var portPart: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else {
                throw HelpError.usage("server URL \(JSONValue.quoted(text)) has an unclosed '['", hint: hint)
            }
            hostPart = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { portPart = after.dropFirst() } else if !after.isEmpty { portPart = after }
            guard hostPart.contains(":"), hostPart.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                throw HelpError.usage("server URL \(JSONValue.quoted(text)) has no IPv6 address in [ ]", hint: hint)
            }
        } else {
            let colon = rest.lastIndex(of: ":")
            hostPart = rest[..<(colon ?? rest.endIndex)]
            portPart = colon.map { rest[rest.index(after: $0)...] }
            guard Self.isHostName(hostPart) else {
                throw HelpError.usage("server URL \(JSONValue.quoted(text)) does not name a host or IP", hint: hint)
            }
        }
        var port = 6443
        if let portPart {
            guard let number = Int(portPart), (1...65535).contains(number), portPart.allSatisfy(\.isNumber) else {
                throw HelpError.usage("server URL \(JSONValue.quoted(text)) has no valid port", hint: hint)
            }
            port = number
        }
        self.init(host: String(hostPart), port: port)
    }

    /// The URL K3s is given (`K3S_URL`).
    public var url: String {
        "https://" + (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
    }

    public var description: String { url }

    /// Letters, digits, `-` and `.` in dot-separated labels: a host name or a dotted IPv4 address.
    private static func isHostName(_ text: Substring) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 253 else { return false }
        return text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }
        }
    }
}
