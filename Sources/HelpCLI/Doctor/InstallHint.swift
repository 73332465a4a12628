/// How to get a tool on each kind of system: package names for apt, dnf and Homebrew, and words
/// for when no package manager has it.
public struct InstallHint: Sendable, Equatable {
    /// The package managers doctor can name packages for, in the order they are looked for.
    public enum Manager: String, Sendable, CaseIterable {
        case apt, dnf, brew

        /// The executable whose presence tells this manager is the system's.
        var executable: String {
            switch self {
            case .apt: return "apt-get"
            case .dnf: return "dnf"
            case .brew: return "brew"
            }
        }
    }

    public var apt: [String]
    public var dnf: [String]
    public var brew: [String]
    /// What to do where no listed package manager has it.
    public var manual: String?

    public init(apt: [String] = [], dnf: [String] = [], brew: [String] = [], manual: String? = nil) {
        self.apt = apt
        self.dnf = dnf
        self.brew = brew
        self.manual = manual
    }

    /// The system's package manager: the first one whose executable `locate` finds.
    public static func detectManager(locate: (String) -> String?) -> Manager? {
        Manager.allCases.first { locate($0.executable) != nil }
    }

    /// The packages for `manager`.
    public func packages(for manager: Manager) -> [String] {
        switch manager {
        case .apt: return apt
        case .dnf: return dnf
        case .brew: return brew
        }
    }

    /// One line to act on: the install command for this system, else the manual words, else every
    /// known package name so the reader can translate.
    public func text(for manager: Manager?) -> String {
        if let manager, case let names = packages(for: manager), !names.isEmpty {
            switch manager {
            case .apt: return "sudo apt-get install " + names.joined(separator: " ")
            case .dnf: return "sudo dnf install " + names.joined(separator: " ")
            case .brew: return "brew install " + names.joined(separator: " ")
            }
        }
        if let manual { return manual }
        let known = Manager.allCases.compactMap { m -> String? in
            let names = packages(for: m)
            return names.isEmpty ? nil : "\(m.rawValue): " + names.joined(separator: " ")
        }
        return "install it with your package manager (" + known.joined(separator: "; ") + ")"
    }
}
