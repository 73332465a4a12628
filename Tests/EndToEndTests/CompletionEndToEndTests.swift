import HelpSystem
import HelpTestSupport
import Testing

/// The scripts of `help completion SHELL` loaded into real bash, zsh and fish processes, with the
/// built binary on PATH as `help` and a copy of Examples/auth-service as the current folder:
/// commands, options, option values and the project's component flags complete.
@Suite("shell completion end to end")
struct CompletionEndToEndTests {
    let copy: TempDir
    let bin = TempDir(prefix: "help-e2e-bin")
    let fs = FileSystem()

    init() throws {
        copy = try BuiltHelp.copyOfExample("auth-service")
        try fs.createDirectories(bin.path("home"))
        let link = try run("ln", ["-s", try #require(BuiltHelp.path), bin.path("help")])
        #expect(link.exitCode == 0)
    }

    static func has(_ shell: String) -> Bool {
        ToolLookup(environment: Environment.current().values).locate(shell) != nil
    }

    func run(_ executable: String, _ arguments: [String]) throws -> ProcessResult {
        var env = Environment.current().values
        env["PATH"] = bin.path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["HOME"] = bin.path("home")
        env["XDG_CACHE_HOME"] = bin.path("home")
        env["NO_COLOR"] = "1"
        let runner = PosixProcessRunner(environment: env, console: BufferConsole().console)
        return try runner.run(Command(executable, arguments, workingDirectory: copy.path, timeout: 60))
    }

    /// The script for `shell`, written to a file the shell sources.
    func script(_ shell: String) throws -> String {
        let result = try run(bin.path("help"), ["completion", shell])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let path = bin.path("help." + shell)
        try fs.writeAtomically(path, Array(result.stdout.utf8))
        return path
    }

    /// The registered commands, as `help --help` lists them.
    func registeredCommands() throws -> [String] {
        let overview = try run(bin.path("help"), ["--help"]).stdout.split(separator: "\n")
        let start = try #require(overview.firstIndex(of: "Commands:"))
        return overview[(start + 1)...].prefix { $0.hasPrefix("  ") }.map {
            String($0.split(separator: " ").first ?? "")
        }
    }

    @Test(.enabled(if: has("bash")))
    func bashCompletesCommandsOptionsValuesAndComponentFlags() throws {
        let source = try script("bash")
        let program = """
            source \(Command.shellQuote(source))
            t() { COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=(); _help
                  echo "${COMPREPLY[*]}"; }
            t help ''
            t help bu
            t help test --s
            t help -C \(Command.shellQuote(copy.path)) install --py
            t help --color al
            t help cache --action b
            """
        let result = try run("bash", ["--norc", "-c", program])
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count >= 6, "\(result.stdout)\(result.stderr)")
        let commands = try registeredCommands()
        #expect(lines.first?.split(separator: " ").map(String.init) == commands)
        #expect(
            Array(lines.dropFirst().prefix(5)) == ["build", "--since --server", "--python-client", "always", "build"])
    }

    @Test(.enabled(if: has("zsh")))
    func zshCompletesCommandsOptionsAndComponentFlags() throws {
        let source = try script("zsh")
        // compadd only works inside a completion widget; here it prints what it was given.
        let program = """
            autoload -U compinit && compinit -D
            source \(Command.shellQuote(source))
            compadd() { [[ $1 == -a ]] && print -r -- ${(P)2} }
            t() { words=("$@"); CURRENT=$#words; PREFIX=$words[-1]; _help }
            t help ''
            t help test --s
            t help --color a
            """
        let result = try run("zsh", ["-f", "-c", program])
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.count == 3, "\(result.stdout)\(result.stderr)")
        let commands = try registeredCommands()
        #expect(lines.first == commands)
        #expect(lines.dropFirst().first?.contains("--server") == true)
        #expect(lines.dropFirst().first?.contains("--since") == true)
        #expect(lines.last == ["auto", "always", "never"])
    }

    @Test(.enabled(if: has("fish")))
    func fishCompletesCommandsOptionsValuesAndComponentFlags() throws {
        let source = try script("fish")
        let program = """
            source \(Command.shellQuote(source))
            complete -C 'help '
            echo ---
            complete -C 'help test --s'
            echo ---
            complete -C 'help -C \(copy.path) install --py'
            echo ---
            complete -C 'help cache --action b'
            """
        let result = try run("fish", ["--no-config", "-c", program])
        var sections: [[String]] = [[]]
        for line in result.stdout.split(separator: "\n") {
            if line == "---" {
                sections.append([])
            } else {
                sections[sections.count - 1].append(String(line.split(separator: "\t").first ?? ""))
            }
        }
        #expect(sections.count == 4, "\(result.stdout)\(result.stderr)")
        let commands = try registeredCommands()
        #expect(Set(sections[0]) == Set(commands))
        #expect(Set(sections[1]) == ["--since", "--server"])
        #expect(sections[2] == ["--python-client"])
        #expect(sections[3] == ["build"])
    }
}
