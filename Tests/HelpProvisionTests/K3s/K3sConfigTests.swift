import HelpProvision
import HelpSystem
import Testing

@Suite("K3s config.yaml")
struct K3sConfigTests {
    @Test func aFirstServerAdvertisesItsTailscaleIP() throws {
        var words = JoinClusterOptionsTests.words("server", server: nil)
        words.clusterInit = true
        words.labels = ["example.com/team=ml"]
        words.taints = ["dedicated=ml:NoSchedule"]
        words.reserve = "cpu=1,memory=2Gi"
        let options = try JoinClusterOptionsTests.options(words, environment: [:])
        let config = K3sConfig(options: options, nodeIP: "100.64.0.1", dnsName: "box.tail1.ts.net", gpu: true)
        #expect(
            config.yaml == """
                \(K3sConfig.header)
                node-ip: "100.64.0.1"
                advertise-address: "100.64.0.1"
                tls-san:
                  - "100.64.0.1"
                  - "box.tail1.ts.net"
                flannel-iface: "tailscale0"
                cluster-init: true
                node-label:
                  - "example.com/team=ml"
                  - "nvidia.com/gpu.present=true"
                node-taint:
                  - "dedicated=ml:NoSchedule"
                kubelet-arg:
                  - "system-reserved=cpu=500m,memory=1Gi"
                  - "kube-reserved=cpu=500m,memory=1Gi"

                """)
    }

    @Test func anAgentFileHoldsNoServerNoTokenAndNoServerOnlyKeys() throws {
        let options = try JoinClusterOptionsTests.options(JoinClusterOptionsTests.words())
        let yaml = K3sConfig(options: options, nodeIP: "100.64.0.2", gpu: false).yaml
        #expect(yaml.contains("node-ip: \"100.64.0.2\"") && yaml.contains("flannel-iface: \"tailscale0\""))
        for absent in ["server", "token", "K10abc", "advertise-address", "tls-san", "cluster-init", "nvidia"] {
            #expect(!yaml.contains(absent), "config.yaml of an agent holds \(absent)")
        }
    }
}
