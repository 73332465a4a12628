import HelpSystem

/// A `key=value` label a node carries from the moment it registers (`node-label` in K3s's
/// config). Keys and values follow the Kubernetes rules, and the keys the kubelet refuses to set
/// on itself (`node-role.kubernetes.io/*` and the rest of the `kubernetes.io` and `k8s.io`
/// namespaces, bar a few well-known ones) are refused here, before anything runs.
public struct NodeLabel: Sendable, Equatable, CustomStringConvertible {
    public var key: String
    public var value: String

    /// A label known to be valid (the GPU label, labels read back from state).
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    /// Parses `key=value` as given to `--label`; a usage error names the label and the rule.
    public init(parsing text: String) throws {
        guard let equals = text.firstIndex(of: "=") else {
            throw HelpError.usage(
                "label \(JSONValue.quoted(text)) has no value", hint: "write --label key=value, such as gpu-kind=a100")
        }
        key = String(text[..<equals])
        value = String(text[text.index(after: equals)...])
        if let problem = Self.keyProblem(key) {
            throw HelpError.usage("label key \(JSONValue.quoted(key)) \(problem)", hint: Self.keyHint)
        }
        if let problem = Self.valueProblem(value) {
            throw HelpError.usage("label value \(JSONValue.quoted(value)) of \(key) \(problem)", hint: Self.valueHint)
        }
        try Self.refuseReservedKey(key)
    }

    public var description: String { key + "=" + value }

    // MARK: - Kubernetes rules

    static let keyHint =
        "a key is an optional DNS-subdomain prefix and '/', then up to 63 letters, digits, '-', '_' "
        + "or '.', starting and ending with a letter or digit (example.com/gpu-kind)"
    static let valueHint =
        "a value is empty or up to 63 letters, digits, '-', '_' or '.', starting and ending with "
        + "a letter or digit"

    /// Why `key` is not a valid label or taint key, or nil when it is.
    static func keyProblem(_ key: String) -> String? {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return "has more than one '/'" }
        if parts.count == 2, let problem = prefixProblem(String(parts[0])) { return problem }
        let name = String(parts.last ?? "")
        if name.isEmpty { return "has an empty name" }
        return qualifiedProblem(name)
    }

    /// Why `value` is not a valid label value, or nil when it is (empty is valid).
    static func valueProblem(_ value: String) -> String? {
        value.isEmpty ? nil : qualifiedProblem(value)
    }

    private static func qualifiedProblem(_ text: String) -> String? {
        if text.utf8.count > 63 { return "is longer than 63 characters" }
        guard text.unicodeScalars.allSatisfy({ isAlphanumeric($0) || "-_.".unicodeScalars.contains($0) }) else {
            return "holds a character other than letters, digits, '-', '_' and '.'"
        }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            isAlphanumeric(first), isAlphanumeric(last)
        else { return "must start and end with a letter or digit" }
        return nil
    }

    private static func prefixProblem(_ prefix: String) -> String? {
        if prefix.isEmpty { return "has an empty prefix before '/'" }
        if prefix.utf8.count > 253 { return "has a prefix longer than 253 characters" }
        for label in prefix.split(separator: ".", omittingEmptySubsequences: false) {
            let scalars = label.unicodeScalars
            guard let first = scalars.first, let last = scalars.last, label.utf8.count <= 63,
                isLowerAlphanumeric(first), isLowerAlphanumeric(last),
                scalars.allSatisfy({ isLowerAlphanumeric($0) || $0 == "-" })
            else { return "has a prefix that is not a lower-case DNS subdomain" }
        }
        return nil
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isLowerAlphanumeric(scalar) || (scalar >= "A" && scalar <= "Z")
    }

    private static func isLowerAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
    }

    // MARK: - What the kubelet refuses

    /// Keys in the kubernetes.io and k8s.io namespaces the kubelet may still set on its own node.
    private static let kubeletKeys: Set<String> = [
        "kubernetes.io/hostname", "kubernetes.io/os", "kubernetes.io/arch", "beta.kubernetes.io/os",
        "beta.kubernetes.io/arch", "beta.kubernetes.io/instance-type", "node.kubernetes.io/instance-type",
        "topology.kubernetes.io/zone", "topology.kubernetes.io/region", "failure-domain.beta.kubernetes.io/zone",
        "failure-domain.beta.kubernetes.io/region",
    ]

    /// The kubelet stops at start-up on a `--node-labels` key it may not set; K3s would then fail
    /// to register long after the install looked fine.
    static func refuseReservedKey(_ key: String) throws {
        guard let slash = key.firstIndex(of: "/") else { return }
        let prefix = String(key[..<slash])
        if prefix == "node-role.kubernetes.io" {
            throw HelpError.usage(
                "label \(JSONValue.quoted(key)) cannot be set at join: the kubelet refuses node-role.kubernetes.io/* "
                    + "labels on its own node",
                hint: "label it from a server once it joined (k3s kubectl label node NAME \(key)=true), or use a "
                    + "prefix of your own such as example.com/role=worker")
        }
        let namespaced = ["kubernetes.io", "k8s.io"].contains { prefix == $0 || prefix.hasSuffix("." + $0) }
        let allowedPrefix = ["kubelet.kubernetes.io", "node.kubernetes.io"].contains {
            prefix == $0 || prefix.hasSuffix("." + $0)
        }
        if namespaced && !allowedPrefix && !kubeletKeys.contains(key) {
            throw HelpError.usage(
                "label \(JSONValue.quoted(key)) is in a namespace the kubelet may not set (\(prefix))",
                hint: "use a prefix of your own such as example.com/, or node.kubernetes.io/ or kubelet.kubernetes.io/")
        }
    }
}

/// A `key=value:Effect` taint the node registers with (`node-taint`): pods without a matching
/// toleration stay away (NoSchedule), avoid it (PreferNoSchedule) or are evicted (NoExecute).
public struct NodeTaint: Sendable, Equatable, CustomStringConvertible {
    /// What a taint does to pods that do not tolerate it.
    public enum Effect: String, Sendable, CaseIterable {
        case noSchedule = "NoSchedule"
        case preferNoSchedule = "PreferNoSchedule"
        case noExecute = "NoExecute"
    }

    public var key: String
    public var value: String
    public var effect: Effect

    /// Parses `key=value:Effect` or `key:Effect` as given to `--taint`.
    public init(parsing text: String) throws {
        let effects = Effect.allCases.map(\.rawValue).joined(separator: ", ")
        guard let colon = text.lastIndex(of: ":") else {
            throw HelpError.usage(
                "taint \(JSONValue.quoted(text)) has no effect", hint: "write --taint key=value:NoSchedule (\(effects))"
            )
        }
        let rawEffect = String(text[text.index(after: colon)...])
        guard let effect = Effect(rawValue: rawEffect) else {
            throw HelpError.usage(
                "taint effect \(JSONValue.quoted(rawEffect)) in \(JSONValue.quoted(text)) is not one of \(effects)",
                hint: "write --taint key=value:NoSchedule")
        }
        let pair = text[..<colon]
        let equals = pair.firstIndex(of: "=")
        key = String(pair[..<(equals ?? pair.endIndex)])
        value = equals.map { String(pair[pair.index(after: $0)...]) } ?? ""
        self.effect = effect
        if let problem = NodeLabel.keyProblem(key) {
            throw HelpError.usage("taint key \(JSONValue.quoted(key)) \(problem)", hint: NodeLabel.keyHint)
        }
        if let problem = NodeLabel.valueProblem(value) {
            throw HelpError.usage(
                "taint value \(JSONValue.quoted(value)) of \(key) \(problem)", hint: NodeLabel.valueHint)
        }
    }

    public var description: String { key + (value.isEmpty ? "" : "=" + value) + ":" + effect.rawValue }
}
