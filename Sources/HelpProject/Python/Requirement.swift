import HelpSystem

/// A PEP 508 dependency specifier: `name[extra,…] <specifiers or @ url> ; marker`, such as
/// `uvicorn[standard]>=0.30; python_version >= "3.9"` or `pkg @ https://example.org/pkg.whl`.
public struct Requirement: Sendable, Hashable, CustomStringConvertible {
    /// The name as written.
    public var name: String
    /// Extras as written, in order.
    public var extras: [String]
    public var specifier: SpecifierSet
    /// The direct reference of `name @ url`; the specifier is empty then.
    public var url: String?
    public var marker: Marker?

    /// A requirement from its parts.
    public init(name: String, extras: [String] = [], specifier: SpecifierSet = SpecifierSet(), url: String? = nil,
                marker: Marker? = nil) {
        self.name = name
        self.extras = extras
        self.specifier = specifier
        self.url = url
        self.marker = marker
    }

    /// Parses PEP 508 text; throws `HelpError.badData` saying what is wrong and where.
    public init(_ text: String) throws {
        var parser = RequirementParser(text)
        self = try parser.parse()
    }

    /// The PEP 503 name, for comparing requirements (`Flask_SQLAlchemy` -> `flask-sqlalchemy`).
    public var normalizedName: String { normalizeName(name) }

    /// True when `other` names the same distribution.
    public func sameName(as other: Requirement) -> Bool { normalizedName == other.normalizedName }

    /// Canonical PEP 508 text: `name[a,b]>=1,<2; marker`, `name @ url ; marker`.
    public var description: String {
        var text = name
        if !extras.isEmpty { text += "[" + extras.joined(separator: ",") + "]" }
        if let url {
            text += " @ " + url
            if marker != nil { text += " " }
        } else {
            text += specifier.description
        }
        if let marker { text += "; \(marker)" }
        return text
    }

    /// True when the requirement applies in `environment` (no marker, or a marker that holds).
    public func applies(in environment: MarkerEnvironment) throws -> Bool {
        try marker?.evaluate(in: environment) ?? true
    }

    /// True when `version` satisfies the specifier (a URL requirement accepts any version).
    public func isSatisfied(by version: PythonVersion, prereleases: Bool? = nil) -> Bool {
        url != nil || specifier.contains(version, prereleases: prereleases)
    }
}
