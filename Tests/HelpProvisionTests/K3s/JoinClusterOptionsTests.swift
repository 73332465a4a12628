import HelpProvision
import HelpSystem
import Testing

@Suite("join-cluster options")
struct JoinClusterOptionsTests {
    static let machine = MachineSize(cpuCount: 4, memoryBytes: 8 << 30)

    static func words(_ role: String = "agent", server: String? = "https://100.64.0.1:6443") -> JoinClusterOptions.Words
    {
        var words = JoinClusterOptions.Words()
        words.role = role
        words.server = server
        return words
    }

    static func options(
        _ words: JoinClusterOptions.Words, environment: [String: String] = ["K3S_TOKEN": "K10abc::server:secret"],
        token: String = ""
    ) throws -> JoinClusterOptions {
        try JoinClusterOptions(words, environment: environment, machine: machine, readToken: { _ in token })
    }

    static func usageError(_ words: JoinClusterOptions.Words, mentioning text: String) -> Bool {
        do {
            _ = try options(words)
            return false
        } catch let error as HelpError {
            return error.code == .usage && (error.message + " " + (error.hint ?? "")).contains(text)
        } catch {
            return false
        }
    }

    @Test func anAgentTakesTheTokenFromTheEnvironment() throws {
        let options = try Self.options(Self.words())
        #expect(options.role == .agent && options.server?.url == "https://100.64.0.1:6443")
        #expect(options.token?.reveal() == "K10abc::server:secret")
        #expect(options.reservation == ResourceReservation.defaults(for: Self.machine))
        #expect(options.gpu == .auto)
    }

    @Test func aTokenFileWinsAndIsTrimmed() throws {
        var words = Self.words()
        words.tokenFile = "/t"
        #expect(try Self.options(words, token: "  filetoken\n").token?.reveal() == "filetoken")
    }

    @Test func joiningWithoutATokenIsAUsageError() {
        #expect(throws: HelpError.self) { try Self.options(Self.words(), environment: [:]) }
    }

    @Test func theFirstServerNeedsNoTokenNorServer() throws {
        var words = Self.words("server", server: nil)
        words.clusterInit = true
        let options = try Self.options(words, environment: [:])
        #expect(options.clusterInit && options.token == nil && options.server == nil)
    }

    @Test func everyBadValueIsNamed() {
        var words = Self.words()
        words.role = "master"
        #expect(Self.usageError(words, mentioning: "\"master\""))
        #expect(Self.usageError(Self.words(server: nil), mentioning: "--server"))
        #expect(Self.usageError(Self.words(server: "http://x:6443"), mentioning: "http://x:6443"))
        words = Self.words()
        words.clusterInit = true
        #expect(Self.usageError(words, mentioning: "--cluster-init"))
        words = Self.words()
        words.labels = ["ok=1", "node-role.kubernetes.io/worker=true"]
        #expect(Self.usageError(words, mentioning: "node-role.kubernetes.io/worker"))
        words = Self.words()
        words.taints = ["x=y:Sometimes"]
        #expect(Self.usageError(words, mentioning: "Sometimes"))
        words = Self.words()
        words.reserve = "cpu=lots"
        #expect(Self.usageError(words, mentioning: "cpu=lots"))
        words = Self.words()
        words.timeSlicing = "1"
        #expect(Self.usageError(words, mentioning: "\"1\""))
        words = Self.words()
        words.gpu = "maybe"
        #expect(Self.usageError(words, mentioning: "maybe"))
        words = Self.words()
        words.gpu = "off"
        words.timeSlicing = "4"
        #expect(Self.usageError(words, mentioning: "--gpu off"))
        words = Self.words()
        words.k3sVersion = "1.31.4"
        #expect(Self.usageError(words, mentioning: "1.31.4"))
        words = Self.words()
        words.mirror = "ftp://m"
        #expect(Self.usageError(words, mentioning: "ftp://m"))
        words = Self.words()
        words.gitopsURL = "https://git.example/fleet"
        #expect(Self.usageError(words, mentioning: "--gitops-path"))
    }

    @Test func versionsFollowK3sReleaseNames() throws {
        var words = Self.words()
        for good in ["v1.31.4+k3s1", "v1.32.0-rc1+k3s2"] {
            words.k3sVersion = good
            #expect(try Self.options(words).k3sVersion == good)
        }
        for bad in ["v1.31+k3s1", "v1.31.4", "v1.31.4+k3s", "1.31.4+k3s1", "v1.31.4-beta+k3s1"] {
            words.k3sVersion = bad
            #expect(throws: HelpError.self) { try Self.options(words) }
        }
    }

    @Test func aTokenWithSpacesIsRefusedWithoutShowingIt() {
        do {
            _ = try Self.options(Self.words(), environment: ["K3S_TOKEN": "two words"])
            Issue.record("accepted a token with a space")
        } catch let error as HelpError {
            #expect(!error.message.contains("two words") && error.code == .usage)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
