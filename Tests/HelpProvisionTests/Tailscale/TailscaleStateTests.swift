import HelpSystem
import Testing

@testable import HelpProvision

@Suite struct TailscaleStateTests {
    @Test func statusGivesTheIPv4TheTUNAndTheMagicDNSNameWithoutItsFinalDot() throws {
        let state = try Tailscale.parseState(
            #"{"BackendState": "Running", "TUN": true, "CurrentTailnet": {"Name": "team.ts.net"}, "#
                + #""Self": {"TailscaleIPs": ["fd7a::1", "100.64.0.7"], "DNSName": "box.team.ts.net."}}"#)
        #expect(
            state
                == Tailscale.State(
                    backend: "Running", tailnet: "team.ts.net", ipv4: "100.64.0.7", hasTUN: true,
                    dnsName: "box.team.ts.net"))
        #expect(state.isUp)
    }

    @Test func anEmptyOrMissingDNSNameIsNone() throws {
        let empty = try Tailscale.parseState(#"{"BackendState": "NeedsLogin", "Self": {"DNSName": ""}}"#)
        #expect(empty.dnsName == nil)
        #expect(!empty.isUp)
        #expect(try Tailscale.parseState(#"{"BackendState": "Running"}"#).dnsName == nil)
    }

    @Test func malformedStatusIsBadData() {
        #expect(throws: HelpError.self) { try Tailscale.parseState("not json") }
    }
}
