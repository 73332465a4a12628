import HelpProvision
import Testing

@Suite("Provisioning state folder")
struct ProvisionStateFolderTests {
    @Test func xdgStateHomeWinsWhenAbsolute() {
        let folder = ProvisionStateFolder(name: "node", environment: ["XDG_STATE_HOME": "/s/", "HOME": "/h"])
        #expect(folder?.path == "/s/help/node")
        #expect(folder?.file("state.json") == "/s/help/node/state.json")
    }

    @Test func relativeXdgStateHomeFallsBackToHome() {
        let folder = ProvisionStateFolder(name: "cluster", environment: ["XDG_STATE_HOME": "rel", "HOME": "/home/ana"])
        #expect(folder?.path == "/home/ana/.local/state/help/cluster")
    }

    @Test func noHomeAndNoStateHomeIsNil() {
        #expect(ProvisionStateFolder(name: "node", environment: ["HOME": "relative"]) == nil)
        #expect(ProvisionStateFolder(name: "node", environment: [:]) == nil)
    }

    @Test func rootHomeDoesNotDoubleTheSlash() {
        #expect(ProvisionStateFolder(name: "node", environment: ["HOME": "/"])?.path == "/.local/state/help/node")
    }
}
