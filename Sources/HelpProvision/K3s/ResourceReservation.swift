import HelpSystem

/// CPU and memory the kubelet keeps away from pods (`system-reserved` for the operating system
/// and the people working on the machine, `kube-reserved` for K3s itself). `--reserve` gives the
/// total and it is split evenly between the two; without it the total is scaled to the machine.
public struct ResourceReservation: Sendable, Equatable {
    public var milliCPU: Int
    public var memoryBytes: Int64
    /// True when the amounts come from the machine's size rather than `--reserve`.
    public var scaled: Bool

    public init(milliCPU: Int, memoryBytes: Int64, scaled: Bool = false) {
        self.milliCPU = milliCPU
        self.memoryBytes = memoryBytes
        self.scaled = scaled
    }

    // MARK: - Defaults

    /// The total for a machine of this size: a tenth of its CPUs (at least 250m, at most 2 CPUs),
    /// and memory on the sliding scale managed Kubernetes services use (25% of the first 4 GiB, 20%
    /// of the next 4, 10% of the next 8, 6% up to 128 GiB, 2% above; at least 256 MiB).
    public static func defaults(for machine: MachineSize) -> ResourceReservation {
        let cpu = min(2000, max(250, machine.cpuCount * 100))
        let gib = Double(1 << 30)
        let memory = Double(machine.memoryBytes)
        var reserved = 0.0
        var lower = 0.0
        for (upTo, share) in [(4.0, 0.25), (8.0, 0.20), (16.0, 0.10), (128.0, 0.06), (Double.infinity, 0.02)] {
            let slice = min(memory, upTo * gib) - lower * gib
            if slice > 0 { reserved += slice * share }
            lower = upTo
        }
        let mebibytes = max(256, Int64(reserved) >> 20)
        return ResourceReservation(milliCPU: cpu, memoryBytes: mebibytes << 20, scaled: true)
    }

    // MARK: - Parsing

    /// `cpu=500m,memory=2Gi` (either may be left out, keeping `defaults`' amount); a usage error
    /// names the part that does not read.
    public static func parse(_ text: String, defaults: ResourceReservation) throws -> ResourceReservation {
        var result = defaults
        result.scaled = false
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            let hint = "write --reserve cpu=500m,memory=2Gi (cpu in cores or millicores, memory with Ki, Mi, Gi)"
            guard pair.count == 2 else {
                throw HelpError.usage("reservation \(JSONValue.quoted(String(part))) is not name=amount", hint: hint)
            }
            switch pair[0] {
            case "cpu":
                guard let milli = milliCPU(pair[1]) else {
                    throw HelpError.usage("reservation cpu=\(pair[1]) is not a CPU amount", hint: hint)
                }
                result.milliCPU = milli
            case "memory":
                guard let bytes = bytes(pair[1]) else {
                    throw HelpError.usage("reservation memory=\(pair[1]) is not a memory amount", hint: hint)
                }
                result.memoryBytes = bytes
            default:
                throw HelpError.usage(
                    "unknown reservation \(JSONValue.quoted(pair[0])): only cpu and memory", hint: hint)
            }
        }
        return result
    }

    /// `500m`, `2`, `1.5` as millicores.
    static func milliCPU(_ text: String) -> Int? {
        if text.hasSuffix("m") { return Int(text.dropLast()).flatMap { $0 >= 0 ? $0 : nil } }
        guard let cores = Double(text), cores >= 0, cores < 1e6, text.first?.isNumber == true else { return nil }
        return Int((cores * 1000).rounded())
    }

    /// `2Gi`, `512Mi`, `1G`, `1048576` as bytes.
    static func bytes(_ text: String) -> Int64? {
        let units: [(String, Double)] = [
            ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776), ("K", 1e3), ("M", 1e6),
            ("G", 1e9),
            ("T", 1e12),
        ]
        let unit = units.first { text.hasSuffix($0.0) }
        let number = unit.map { String(text.dropLast($0.0.count)) } ?? text
        guard let amount = Double(number), amount >= 0, number.first?.isNumber == true else { return nil }
        let total = amount * (unit?.1 ?? 1)
        guard total < 1e15 else { return nil }
        return Int64(total.rounded())
    }

    // MARK: - Presentation

    /// The half that goes to each of `system-reserved` and `kube-reserved`, as the kubelet reads it.
    public var half: String {
        "cpu=\(milliCPU / 2)m,memory=" + Self.quantity(memoryBytes / 2)
    }

    /// The total for people: `cpu=500m,memory=2Gi`.
    public var total: String {
        "cpu=\(milliCPU)m,memory=" + Self.quantity(memoryBytes)
    }

    /// The largest binary unit that divides the amount exactly.
    static func quantity(_ bytes: Int64) -> String {
        for (unit, size) in [("Gi", Int64(1) << 30), ("Mi", 1 << 20), ("Ki", 1 << 10)]
        where bytes % size == 0 && bytes > 0 {
            return "\(bytes / size)\(unit)"
        }
        return String(bytes)
    }
}
