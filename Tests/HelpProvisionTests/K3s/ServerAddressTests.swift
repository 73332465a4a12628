import HelpProvision
import HelpSystem
import Testing

@Suite("K3s server address")
struct ServerAddressTests {
    @Test func ipv4WithPort() throws {
        let address = try ServerAddress(parsing: "https://100.64.0.1:6443")
        #expect(address.host == "100.64.0.1" && address.port == 6443 && address.url == "https://100.64.0.1:6443")
    }

    @Test func portDefaultsTo6443AndATrailingSlashIsDropped() throws {
        #expect(
            try ServerAddress(parsing: "https://node-1.tailnet.ts.net/").url == "https://node-1.tailnet.ts.net:6443")
    }

    @Test func ipv6InBrackets() throws {
        let address = try ServerAddress(parsing: "https://[fd7a:115c:a1e0::1]:7443")
        #expect(address.host == "fd7a:115c:a1e0::1" && address.port == 7443)
        #expect(address.url == "https://[fd7a:115c:a1e0::1]:7443")
    }

    @Test(arguments: [
        "http://100.64.0.1:6443", "100.64.0.1:6443", "https://", "https://100.64.0.1:0", "https://100.64.0.1:99999",
        "https://100.64.0.1:64a", "https://100.64.0.1:6443/path", "https://[zz::1]:6443", "https://a b:6443",
    ])
    func badURLsAreUsageErrorsNamingThem(_ text: String) {
        #expect {
            try ServerAddress(parsing: text)
        } throws: { error in
            let error = error as? HelpError
            return error?.code == .usage && error?.message.contains(JSONValue.quoted(text)) == true
        }
    }
}
