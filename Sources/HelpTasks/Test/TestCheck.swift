import HelpProject
import HelpSystem

/// One quality check of a component, reported and cached on its own.
public enum TestCheckKind: String, Sendable, CaseIterable, Comparable {
    case tests, lint, format, types

    /// Which `--only` group the check belongs to.
    public var group: String {
        switch self {
        case .tests: return "tests"
        case .lint, .format: return "lint"
        case .types: return "types"
        }
    }

    public static func < (a: TestCheckKind, b: TestCheckKind) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// A check ready to run: the child command, the words that identify it in the cache (stable across
/// runs, unlike temp paths in argv), and how its output is read.
public struct TestCheck: Sendable {
    public var component: String
    public var kind: TestCheckKind
    public var command: Command
    /// What the cache key records as "the command": the tool and its fixed arguments.
    public var identity: [String]
    /// A file the check writes its machine-readable results to (pytest's JUnit XML), read afterwards.
    public var resultFile: String?
    /// When set, the tool is missing: the check is reported as skipped with this install hint.
    public var missingHint: String?
    /// Why the check runs the way it does (shown in the report), such as the files `--changed` chose.
    public var note: String?
    /// When set, nothing of this check needs to run (`--changed` reached no test): reported as
    /// skipped with this reason.
    public var nothingToRun: String?

    public init(
        component: String, kind: TestCheckKind, command: Command, identity: [String],
        resultFile: String? = nil, missingHint: String? = nil
    ) {
        self.component = component
        self.kind = kind
        self.command = command
        self.identity = identity
        self.resultFile = resultFile
        self.missingHint = missingHint
    }
}

extension TestCheck {
    /// Adds `text` to the check's note (after what is there, `; ` between).
    mutating func add(note text: String) {
        note = note.map { $0 + "; " + text } ?? text
    }
}
