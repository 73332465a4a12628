import HelpCache
import Testing

@Suite struct GlobPatternTests {
    @Test("a star matches within one path segment only")
    func star() {
        #expect(GlobPattern("src/*.py").matches("src/app.py"))
        #expect(!GlobPattern("src/*.py").matches("src/pkg/app.py"))
        #expect(!GlobPattern("src/*.py").matches("lib/app.py"))
    }

    @Test("a double star matches any number of folders, including none")
    func doubleStar() {
        let pattern = GlobPattern("src/**/test_*.py")
        #expect(pattern.matches("src/test_a.py"))
        #expect(pattern.matches("src/a/b/test_a.py"))
        #expect(!pattern.matches("lib/a/test_a.py"))
        #expect(GlobPattern("docs/**").matches("docs/a/b.md"))
        #expect(GlobPattern("**/fixtures").matches("tests/unit/fixtures/data.json"))
    }

    @Test("question marks and character classes match one character")
    func questionAndClasses() {
        #expect(GlobPattern("file?.txt").matches("file1.txt"))
        #expect(!GlobPattern("file?.txt").matches("file12.txt"))
        #expect(GlobPattern("v[0-9].cfg").matches("v7.cfg"))
        #expect(!GlobPattern("v[0-9].cfg").matches("vx.cfg"))
        #expect(GlobPattern("v[!0-9].cfg").matches("vx.cfg"))
        #expect(GlobPattern("[ab]c").matches("bc"))
        #expect(!GlobPattern("a?b").matches("a/b"))
    }

    @Test("a pattern without a slash matches a name at any depth, like .gitignore")
    func basenamePatterns() {
        #expect(GlobPattern("*.log").matches("a/b/c.log"))
        #expect(GlobPattern("*.log").matches("c.log"))
        #expect(!GlobPattern("/c.log").matches("a/c.log"))
        #expect(GlobPattern("/c.log").matches("c.log"))
    }

    @Test("matching a folder matches everything inside it; a trailing slash means folders only")
    func folders() {
        #expect(GlobPattern("generated").matches("generated/x/y.py"))
        #expect(GlobPattern("tmp/").matches("a/tmp/file"))
        #expect(!GlobPattern("tmp/").matches("a/tmp"))
        #expect(GlobPattern("./src/main.py").matches("src/main.py"))
    }

    @Test("input rules keep what the inputs admit and drop what exclude names")
    func rules() {
        let rules = InputRules(inputs: ["src/**", "pyproject.toml"], exclude: ["*.md", "src/vendor"])
        #expect(rules.admits("src/app.py"))
        #expect(rules.admits("pyproject.toml"))
        #expect(!rules.admits("README.txt"))
        #expect(!rules.admits("src/notes.md"))
        #expect(!rules.admits("src/vendor/lib.py"))
    }
}
