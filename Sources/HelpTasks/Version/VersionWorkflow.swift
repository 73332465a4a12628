import HelpCache
import HelpProject
import HelpSystem

/// What `help version` was asked for.
public struct VersionOptions: Sendable, Equatable {
    public var components: [String] = []
    /// Exit 65 when the places of a component disagree.
    public var check = false
    public var bump: ReleaseVersion.Part?
    public var set: String?

    public init() {}
}

/// One component's version and the places it is written; `newVersion` after a bump or set.
public struct ComponentVersions: Sendable {
    public var component: String
    public var kind: ComponentKind
    public var places: [VersionPlace]
    public var newVersion: String?

    public var version: String? { places.first?.value }

    /// Places whose value differs from the first one (PEP 440 equality for Python).
    public var disagreeing: [VersionPlace] {
        guard let first = places.first else { return [] }
        let same: (String, String) -> Bool = {
            kind == .python ? PackageMetadata.normalized($0) == PackageMetadata.normalized($1) : $0 == $1
        }
        return places.filter { !same($0.value, first.value) }
    }
}

/// `help version`: lists every component's version and where it is written, flags disagreements,
/// and with `--bump`/`--set` rewrites every place of the chosen components in one transaction:
/// all files parsed and edited in memory first, backed up under `.helpcache/backups/`, then
/// written atomically; a failed write puts back the ones already written.
public enum VersionWorkflow {
    public static func run(_ options: VersionOptions, context: Context) throws -> [ComponentVersions] {
        let project = try Project.load(from: context.workingDirectory)
        let cache = HelpCacheFolder(projectRoot: project.root.path)
        for file in try journal(cache).recover() {
            context.console.warn("put back \(file): a version change was interrupted before every file was written")
        }
        let found = try planned(options, project: project, runner: context.runner)
        guard options.bump != nil || options.set != nil else { return found }
        try write(found, cache: cache)
        return found
    }

    /// The chosen components' versions and places, with `newVersion` set when `options` bumps or
    /// sets one; nothing is written.
    static func planned(_ options: VersionOptions, project: Project, runner: any ProcessRunner) throws
        -> [ComponentVersions]
    {
        var selectionOptions = TestOptions()
        selectionOptions.components = options.components
        let selection = try TestSelection.choose(project: project, options: selectionOptions, runner: runner)
        var found: [ComponentVersions] = []
        for component in selection.components {
            let places = try VersionPlace.find(
                component: component, folder: project.folder(of: component),
                root: project.root.path)
            found.append(ComponentVersions(component: component.name, kind: component.kind, places: places))
        }
        guard options.bump != nil || options.set != nil else { return found }
        for index in found.indices where found[index].version != nil {
            found[index].newVersion = try newVersion(for: found[index], options: options)
        }
        return found
    }

    /// The version a component moves to, refused when invalid for its ecosystem or lower than now.
    static func newVersion(for entry: ComponentVersions, options: VersionOptions) throws -> String {
        let current = entry.version ?? ""
        let grammar = entry.kind == .python ? "PEP 440" : "semver"
        let next = try options.set ?? ReleaseVersion.bumped(current, part: options.bump ?? .patch, kind: entry.kind)
        guard ReleaseVersion.isValid(next, kind: entry.kind) else {
            throw HelpError.badData(
                "'\(next)' is not a valid \(grammar) version for \(entry.component)",
                hint: entry.kind == .python
                    ? "For example 1.2.0, 1.2.0rc1, 1.2.0.post1."
                    : "For example 1.2.0 or 1.2.0-rc.1.")
        }
        if ReleaseVersion.isLower(next, than: current, kind: entry.kind) {
            throw HelpError.badData(
                "\(entry.component): \(next) is lower than the current \(current)",
                hint: "Versions only move forward; give a higher one.")
        }
        return next
    }

    /// Edits in memory, then backs up and writes every file; on a failure restores what was written.
    /// Returns each written file with its backup, so a later failure (a release) can put them back.
    @discardableResult
    static func write(_ entries: [ComponentVersions], cache: HelpCacheFolder) throws -> [(
        path: String, backup: String
    )] {
        let fs = FileSystem()
        let journal = journal(cache)
        try journal.recover()
        var texts: [String: String] = [:]
        var order: [String] = []
        for entry in entries {
            guard let version = entry.newVersion else { continue }
            for place in entry.places {
                if (try? fs.stat(place.path, followLinks: false))?.kind == .symlink {
                    throw HelpError.badData(
                        "\(place.display) is a symbolic link; refusing to write through it",
                        hint: "Edit the file it points to by hand.")
                }
                if texts[place.path] == nil { order.append(place.path) }
                let text = try texts[place.path] ?? fs.readEditableText(place.path)
                texts[place.path] = try place.rewritten(text, to: version)
            }
        }
        var saved: [(path: String, backup: String)] = []
        for path in order { saved.append((path, try fs.backup(path, into: cache.backups))) }
        try journal.begin(saved)
        var written: [(path: String, backup: String)] = []
        do {
            for (path, backup) in saved {
                try fs.writeAtomically(path, Array(texts[path]!.utf8))
                written.append((path, backup))
            }
        } catch {
            for item in written { try? fs.restore(item.backup, to: item.path) }
            try? journal.end()
            throw error
        }
        try journal.end()
        return written
    }

    /// Where a version change in progress is recorded, so a killed one is undone by the next run.
    static func journal(_ cache: HelpCacheFolder) -> WriteJournal {
        WriteJournal(path: cache.state + "/version-journal.json")
    }
}
