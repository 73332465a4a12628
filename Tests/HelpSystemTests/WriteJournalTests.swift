import HelpTestSupport
import Testing

@testable import HelpSystem

/// A set of files changed together is all old or all new, even when the writer was killed
/// between two of them: the journal it leaves names the backups the next run puts back.
@Suite struct WriteJournalTests {
    let fs = FileSystem()

    @Test func aJournalLeftBehindPutsEveryFileBackAndIsForgotten() throws {
        let folder = TempDir()
        let first = folder.path + "/pyproject.toml"
        let second = folder.path + "/__init__.py"
        try fs.writeAtomically(first, Array("version = \"1.0.0\"\n".utf8))
        try fs.writeAtomically(second, Array("__version__ = \"1.0.0\"\n".utf8))
        let backups = [
            (path: first, backup: try fs.backup(first, into: folder.path + "/backups")),
            (path: second, backup: try fs.backup(second, into: folder.path + "/backups")),
        ]
        let journal = WriteJournal(path: folder.path + "/state/journal.json")
        try journal.begin(backups)
        // Killed after the first write: one file new, one old.
        try fs.writeAtomically(first, Array("version = \"1.0.1\"\n".utf8))

        #expect(try journal.recover() == [first])
        #expect(try fs.readText(first) == "version = \"1.0.0\"\n")
        #expect(try fs.readText(second) == "__version__ = \"1.0.0\"\n")
        #expect(!fs.exists(journal.path))
        #expect(try journal.recover().isEmpty)
    }

    @Test func aFinishedChangeLeavesNoJournalAndRecoveryChangesNothing() throws {
        let folder = TempDir()
        let file = folder.path + "/VERSION"
        try fs.writeAtomically(file, Array("1.0.0\n".utf8))
        let journal = WriteJournal(path: folder.path + "/journal.json")
        try journal.begin([(path: file, backup: try fs.backup(file, into: folder.path + "/b"))])
        try fs.writeAtomically(file, Array("2.0.0\n".utf8))
        try journal.end()
        #expect(try journal.recover().isEmpty)
        #expect(try fs.readText(file) == "2.0.0\n")
    }

    @Test func aJournalThatIsNotOneIsBadDataAndKept() throws {
        let folder = TempDir()
        let journal = WriteJournal(path: folder.path + "/journal.json")
        try fs.writeAtomically(journal.path, Array("[1, 2]".utf8))
        #expect(throws: HelpError.self) { try journal.recover() }
        #expect(fs.exists(journal.path))
    }
}
