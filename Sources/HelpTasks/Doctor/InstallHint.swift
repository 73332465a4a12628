import HelpSystem

/// How to get a tool on each kind of system: package names for apt, dnf and Homebrew, and words
/// for when no package manager has it.
public struct InstallHint: Sendable, Equatable {
    public var apt: [String]
    /// Also used for yum, which takes the same package names.
    public var dnf: [String]
    public var brew: [String]
    /// What to do where no listed package manager has it.
    public var manual: String?

    /// Package names per manager, and words for systems none of them covers.
    public init(apt: [String] = [], dnf: [String] = [], brew: [String] = [], manual: String? = nil) {
        self.apt = apt
        self.dnf = dnf
        self.brew = brew
        self.manual = manual
    }

    /// The packages for `manager`; empty when none is known for it.
    public func packages(for manager: PackageManager) -> [String] {
        switch manager {
        case .apt: return apt
        case .dnf, .yum: return dnf
        case .brew: return brew
        case .apk, .pacman: return []
        }
    }

    /// One line to act on: the install command for this system (with sudo unless root), else the
    /// manual words, else every known package name so the reader can translate.
    public func text(for manager: PackageManager?, asRoot: Bool) -> String {
        if let manager, case let names = packages(for: manager), !names.isEmpty {
            return manager.installCommand(names, asRoot: asRoot).joined(separator: " ")
        }
        if let manual { return manual }
        let known = [PackageManager.apt, .dnf, .brew].compactMap { manager -> String? in
            let names = packages(for: manager)
            return names.isEmpty ? nil : "\(manager.rawValue): " + names.joined(separator: " ")
        }
        return "install it with your package manager (" + known.joined(separator: "; ") + ")"
    }

    /// The line for `platform`.
    public func text(on platform: Platform) -> String {
        text(for: platform.packageManager, asRoot: platform.isRoot)
    }
}
