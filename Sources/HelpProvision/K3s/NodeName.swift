#if canImport(Glibc)
    import Glibc
#endif

/// The name K3s registers this machine under: `K3S_NODE_NAME` when set, else the host name in
/// lower case (what K3s itself does).
public enum NodeName {
    /// This machine's node name.
    public static func current(environment: [String: String]) -> String {
        if let name = environment["K3S_NODE_NAME"], !name.isEmpty { return name }
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.lowercased()
    }
}
