import HelpCache
import HelpSystem
import HelpTasks
import HelpTestSupport

/// A release of `help` served over loopback HTTP the way a mirror lays it out: `SHA256SUMS` and
/// `help/help-<version>-linux-<arch>.tar.gz`, packed from the debug binary the tests run with the
/// same `ReleaseTarball` and `DistIndex` code `help build` uses for the release binary (a release
/// build of the package takes minutes; packing takes about a second).
struct ReleaseFixture {
    let server: LoopbackHTTPServer
    let version: String
    let tarballName: String
    let fs = FileSystem()

    init() throws {
        guard let binary = BuiltHelp.path else {
            throw HelpError("the help binary was not built", hint: "run 'swift build' first")
        }
        server = try LoopbackHTTPServer()
        version = try Self.checkoutVersion()
        let platform = Platform.detect(environment: Environment.current().values)
        let planner = BuildPlanner(architecture: platform.architecture)
        tarballName = planner.tarballName(product: "help", version: version)
        let staging = server.root + "/help"
        try fs.createDirectories(staging)
        let tarball = ReleaseTarball(
            product: "help", binary: binary, templates: BuiltHelp.checkoutRoot + "/Templates", staging: staging,
            name: tarballName)
        let runner = PosixProcessRunner(environment: Environment.current().values, console: BufferConsole().console)
        for command in tarball.commands {
            let result = try runner.run(command)
            guard result.succeeded else { throw HelpError("\(command.displayLine) failed: \(result.stderr)") }
        }
        try fs.remove(tarball.strippedBinary)
        var result = BuildResult(component: "help")
        result.status = .built
        result.version = version
        result.artifacts = [
            BuildArtifact(
                name: tarballName, sha256: try FileHasher.hash(path: tarball.path).hex,
                size: Int(try fs.stat(tarball.path).size))
        ]
        try DistIndex.write([result], dist: server.root)
    }

    /// The first line of the checkout's VERSION file.
    static func checkoutVersion() throws -> String {
        let text = try FileSystem().readText(BuiltHelp.checkoutRoot + "/VERSION")
        return text.split(separator: "\n").first.map { String($0) } ?? ""
    }

    /// The served path of the tarball.
    var tarballPath: String { "help/" + tarballName }
}
