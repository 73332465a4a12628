import HelpSystem
import Testing

/// One case of `Catalogue/bad-inputs.json` (the format is described in `Catalogue/README.md`): the
/// project to build, the command line, and what `help` must answer and leave alone.
struct BadInputCase: Sendable, CustomTestStringConvertible {
    var name: String
    /// Text files to write, `relative path -> content`; a path ending in `/` is an empty folder.
    var files: [(String, String)] = []
    /// Files with arbitrary bytes, `relative path -> hex` (spaces allowed).
    var bytes: [(String, [UInt8])] = []
    /// Symlinks, `relative path -> target`.
    var symlinks: [(String, String)] = []
    /// Named pipes to create.
    var fifos: [String] = []
    /// Modes to set last, `relative path -> octal`.
    var modes: [(String, UInt32)] = []
    var arguments: [String] = []
    var stdin: String?
    var exitCode: Int32 = 0
    /// A substring of the first line on stderr.
    var error: String?
    /// A substring of the hint.
    var hint: String?
    /// Substrings anywhere in stderr and stdout.
    var stderr: String?
    var stdout: String?
    /// Files that must be byte-identical afterwards.
    var unchanged: [String] = []
    /// Paths that must not exist afterwards.
    var absent: [String] = []
    /// Paths that must exist afterwards.
    var present: [String] = []
    /// Only meaningful when not run as root (permissions do not stop root).
    var needsNonRoot = false
    /// Variables for `help`'s environment (`{bin}` is the folder of `tools`).
    var environment: [(String, String)] = []
    /// Executable scripts put in a folder first on PATH, `name -> script`.
    var tools: [(String, String)] = []
    /// Large files: `path -> (text, times, prefix)`, the prefix then the text repeated.
    var repeats: [(String, String, Int, String)] = []
    /// A listener on a loopback port for the run; `{port}` stands for it.
    var busyPort = false
    /// SIGINT once stderr holds this text (Ctrl-C at that step)…
    var interruptWhen: String?
    /// …or after this many seconds.
    var interruptAfter: Double?
    /// The project on a 1 MiB tmpfs, filled up after the files are written.
    var fullDisk = false
    /// Why the catalogue could not be read, for the one case that reports it.
    var loadError: String?

    var testDescription: String { name }

    // MARK: - Reading the catalogue

    /// Every case of the catalogue; a catalogue that cannot be read is one failing case saying why.
    static func all() -> [BadInputCase] {
        let path = BuiltHelp.checkoutRoot + "/Tests/EndToEndTests/Catalogue/bad-inputs.json"
        do {
            let document = try JSONValue.parse(try FileSystem().readFile(path), source: "bad-inputs.json")
            guard let cases = document["cases"]?.array else { throw HelpError.badData("no \"cases\" array") }
            return try cases.map(BadInputCase.init(json:))
        } catch {
            return [BadInputCase(name: "catalogue", loadError: "\(path): \(error)")]
        }
    }

    init(name: String, loadError: String) {
        self.name = name
        self.loadError = loadError
    }

    init(json: JSONValue) throws {
        guard let name = json["name"]?.string, let arguments = json["args"]?.array?.compactMap(\.string),
            let exitCode = json["exit"]?.int
        else { throw HelpError.badData("a case needs \"name\", \"args\" and \"exit\": \(json)") }
        self.name = name
        self.arguments = arguments
        self.exitCode = Int32(exitCode)
        files = Self.pairs(json["files"])
        bytes = try Self.pairs(json["bytes"]).map { ($0.0, try Self.hex($0.1, case: name)) }
        symlinks = Self.pairs(json["symlinks"])
        fifos = json["fifos"]?.array?.compactMap(\.string) ?? []
        modes = try Self.pairs(json["modes"]).map { path, text in
            guard let mode = UInt32(text, radix: 8) else {
                throw HelpError.badData("\(name): mode '\(text)' is not octal")
            }
            return (path, mode)
        }
        stdin = json["stdin"]?.string
        error = json["error"]?.string
        hint = json["hint"]?.string
        stderr = json["stderr"]?.string
        stdout = json["stdout"]?.string
        unchanged = json["unchanged"]?.array?.compactMap(\.string) ?? []
        absent = json["absent"]?.array?.compactMap(\.string) ?? []
        present = json["present"]?.array?.compactMap(\.string) ?? []
        needsNonRoot = json["needs_non_root"]?.bool ?? false
        environment = Self.pairs(json["env"])
        tools = Self.pairs(json["tools"])
        repeats = try (json["repeat"]?.object ?? [:]).map { member in
            guard let parts = member.value.array, parts.count >= 2, let text = parts[0].string,
                let times = parts[1].int
            else { throw HelpError.badData("\(name): repeat \(member.key) must be [text, times, prefix?]") }
            return (member.key, text, times, parts.count > 2 ? parts[2].string ?? "" : "")
        }
        busyPort = json["busy_port"]?.bool ?? false
        interruptWhen = json["interrupt_when"]?.string
        interruptAfter = json["interrupt_after"]?.double
        fullDisk = json["full_disk"]?.bool ?? false
    }

    private static func pairs(_ value: JSONValue?) -> [(String, String)] {
        (value?.object).map { object in object.compactMap { member in member.value.string.map { (member.key, $0) } } }
            ?? []
    }

    private static func hex(_ text: String, case name: String) throws -> [UInt8] {
        let digits = Array(text.filter { $0 != " " })
        guard digits.count % 2 == 0 else { throw HelpError.badData("\(name): odd number of hex digits") }
        return try stride(from: 0, to: digits.count, by: 2).map { index in
            guard let byte = UInt8(String(digits[index...index + 1]), radix: 16) else {
                throw HelpError.badData("\(name): '\(text)' is not hex")
            }
            return byte
        }
    }
}
