import HelpSystem

/// The ecosystem a component is built with.
public enum ComponentKind: String, Sendable, Equatable, CaseIterable {
    case python, node, swift
}

/// What a component is for; decides what `help run` starts and what depends on what.
public enum ComponentRole: String, Sendable, Equatable, CaseIterable {
    /// Something `help run` starts and clients talk to (an ASGI app, a web server).
    case server
    /// A library whose tests talk to a server of the same project.
    case client
    case library
    /// A program with an entry point that is not a server.
    case app
}

/// The commands of a component as argv arrays, run in its folder (Python ones inside its virtualenv).
/// Nil when there is nothing sensible to run.
public struct ComponentCommands: Sendable, Equatable {
    public var test: [String]?
    public var run: [String]?
    public var lint: [String]?
    public var build: [String]?

    /// The names accepted in help.json's `commands`.
    public static let names = ["test", "run", "lint", "build"]

    /// Commands as given; nil where there is none.
    public init(test: [String]? = nil, run: [String]? = nil, lint: [String]? = nil, build: [String]? = nil) {
        self.test = test
        self.run = run
        self.lint = lint
        self.build = build
    }

    /// The command called `name` (one of `names`).
    public subscript(name: String) -> [String]? {
        get {
            switch name {
            case "test": return test
            case "run": return run
            case "lint": return lint
            case "build": return build
            default: return nil
            }
        }
        set {
            switch name {
            case "test": test = newValue
            case "run": run = newValue
            case "lint": lint = newValue
            case "build": build = newValue
            default: break
            }
        }
    }
}

/// One buildable, testable part of the project: a folder with a Python, Node or Swift project file,
/// found by `ComponentDetector` and/or declared in help.json.
public struct Component: Sendable, Equatable {
    /// The folder name (the root component takes the project folder's name), or the help.json key.
    public var name: String
    /// Path relative to the project root; `.` for the root itself.
    public var path: String
    public var kind: ComponentKind
    public var role: ComponentRole
    /// Why the kind and role were chosen, in words: "alembic.ini present", "FastAPI( in app/main.py".
    public var evidence: [String]
    public var commands: ComponentCommands
    /// The ASGI application as `module:attribute`, such as `app.main:app`.
    public var asgiApp: String?
    public var python: PythonMarkers?
    public var node: NodeMarkers?
    public var swift: SwiftMarkers?
    /// Extra environment for its commands (help.json `env`).
    public var environment: [String: String]
    /// Globs of files that count as its inputs beyond the defaults, and of files to leave out.
    public var inputs: [String]
    public var exclude: [String]
    /// Names of components it needs (declared in help.json, or inferred by `Project`).
    public var dependsOn: [String]
    /// True when help.json mentions it; false when it was only detected.
    public var declared: Bool

    /// A component as detection or help.json describes it.
    public init(
        name: String, path: String, kind: ComponentKind, role: ComponentRole = .library, evidence: [String] = [],
        commands: ComponentCommands = ComponentCommands(), asgiApp: String? = nil, python: PythonMarkers? = nil,
        node: NodeMarkers? = nil, swift: SwiftMarkers? = nil, environment: [String: String] = [:],
        inputs: [String] = [], exclude: [String] = [], dependsOn: [String] = [], declared: Bool = false
    ) {
        self.name = name
        self.path = path
        self.kind = kind
        self.role = role
        self.evidence = evidence
        self.commands = commands
        self.asgiApp = asgiApp
        self.python = python
        self.node = node
        self.swift = swift
        self.environment = environment
        self.inputs = inputs
        self.exclude = exclude
        self.dependsOn = dependsOn
        self.declared = declared
    }

    /// The command-line flag that selects it: `server` -> `--server`, `Python_Client` -> `--python-client`.
    public var flag: String { "--" + Component.flagName(for: name) }

    /// `name` lowercased with every run of other characters than letters and digits turned into one `-`.
    public static func flagName(for name: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in name.lowercased().unicodeScalars {
            let isWordCharacter = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            if isWordCharacter {
                if pendingDash && !result.isEmpty { result.append("-") }
                result.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return result
    }
}
