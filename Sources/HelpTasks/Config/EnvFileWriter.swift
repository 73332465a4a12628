import HelpProject
import HelpSystem

/// Carries out an `EnvFilePlan`: generates the secrets, backs the old file up under
/// `.helpcache/backups`, writes the new text atomically with mode 0600, and narrows the mode of a
/// file that needed no other change.
public struct EnvFileWriter: Sendable {
    public var fileSystem: FileSystem
    public var generator: SecretGenerator
    /// Where the previous `.env` is copied before it is replaced.
    public var backupsDirectory: String

    /// A writer with these collaborators.
    public init(
        fileSystem: FileSystem = FileSystem(), generator: SecretGenerator = SecretGenerator(), backupsDirectory: String
    ) {
        self.fileSystem = fileSystem
        self.generator = generator
        self.backupsDirectory = backupsDirectory
    }

    /// What applying a plan did, in names only: values never leave this type except in the file.
    public struct Outcome: Sendable, Equatable {
        /// The file did not exist and was written.
        public var created: Bool
        public var addedKeys: [String]
        public var generatedKeys: [String]
        /// The mode was narrowed to 0600.
        public var narrowedMode: Bool
        /// Where the previous file was copied, if it was.
        public var backup: String?
    }

    /// Applies `plan` and returns what changed.
    @discardableResult
    public func apply(_ plan: EnvFilePlan) throws -> Outcome {
        var outcome = Outcome(
            created: plan.existingText == nil, addedKeys: plan.additions.map(\.key),
            generatedKeys: plan.generatedKeys, narrowedMode: false, backup: nil)
        try plan.checkInsideProject()
        if plan.writes {
            var secrets: [String: Secret] = [:]
            for key in plan.generatedKeys { secrets[key] = try generator.make() }
            if plan.existingText != nil {
                outcome.backup = try fileSystem.backup(plan.path, into: backupsDirectory)
                // The copy holds the same values as the file, so it gets the same privacy.
                if let backup = outcome.backup { try? fileSystem.setPermissions(backup, 0o600) }
            }
            try fileSystem.writeAtomically(plan.path, Array(try plan.render(secrets: secrets).utf8), mode: 0o600)
            outcome.narrowedMode = plan.narrowsMode
        } else if plan.narrowsMode {
            guard (try? fileSystem.setPermissions(plan.path, 0o600)) != nil else {
                throw HelpError.io("cannot make \(plan.path) private (chmod 600)", hint: "check who owns the file")
            }
            outcome.narrowedMode = true
        }
        return outcome
    }
}
