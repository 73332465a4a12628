import HelpProvision
import HelpSystem
import Testing

@Suite("Node labels and taints")
struct NodeLabelTests {
    @Test func validLabelsParse() throws {
        #expect(try NodeLabel(parsing: "gpu-kind=a100") == NodeLabel(key: "gpu-kind", value: "a100"))
        #expect(try NodeLabel(parsing: "example.com/team=ml") == NodeLabel(key: "example.com/team", value: "ml"))
        #expect(try NodeLabel(parsing: "empty=").value == "")
        #expect(
            try NodeLabel(parsing: "node.kubernetes.io/instance-type=big").key == "node.kubernetes.io/instance-type")
        #expect(try NodeLabel(parsing: "topology.kubernetes.io/zone=home").value == "home")
    }

    @Test(arguments: [
        "novalue", "=v", "-bad=v", "bad-=v", "a/b/c=v", "Upper.Case/x=v", "sp ace=v", "k=with space",
        "k=-lead", String(repeating: "a", count: 64) + "=v", "k=" + String(repeating: "v", count: 64), "/x=v",
    ])
    func invalidLabelsAreUsageErrorsNamingThem(_ text: String) {
        #expect {
            try NodeLabel(parsing: text)
        } throws: { error in
            guard let error = error as? HelpError else { return false }
            let named = error.message.contains(String(text.split(separator: "=").first ?? "")) || text.hasPrefix("=")
            return error.code == .usage && named && error.hint != nil
        }
    }

    @Test func nodeRoleLabelsAreRefusedWithTheReason() {
        #expect {
            try NodeLabel(parsing: "node-role.kubernetes.io/worker=true")
        } throws: { error in
            let error = error as? HelpError
            return error?.code == .usage && error?.message.contains("kubelet refuses") == true
                && error?.hint?.contains("kubectl label node") == true
        }
    }

    @Test func otherKubernetesNamespacesAreRefused() {
        #expect(throws: HelpError.self) { try NodeLabel(parsing: "kubernetes.io/role=x") }
        #expect(throws: HelpError.self) { try NodeLabel(parsing: "foo.k8s.io/x=y") }
        #expect(throws: Never.self) { try NodeLabel(parsing: "kubelet.kubernetes.io/x=y") }
    }

    @Test func taintsParseWithAndWithoutValue() throws {
        let taint = try NodeTaint(parsing: "dedicated=gpu:NoSchedule")
        #expect(taint.key == "dedicated" && taint.value == "gpu" && taint.effect == .noSchedule)
        #expect(try NodeTaint(parsing: "busy:PreferNoSchedule").description == "busy:PreferNoSchedule")
        #expect(try NodeTaint(parsing: "example.com/x=y:NoExecute").description == "example.com/x=y:NoExecute")
    }

    @Test(arguments: ["dedicated=gpu", "dedicated=gpu:NoSchedul", "dedicated=gpu:noschedule", "=v:NoSchedule"])
    func badTaintsAreUsageErrors(_ text: String) {
        #expect {
            try NodeTaint(parsing: text)
        } throws: { error in
            (error as? HelpError)?.code == .usage
        }
    }

    @Test func aWrongEffectIsNamedWithTheChoices() {
        #expect {
            try NodeTaint(parsing: "a=b:Never")
        } throws: { error in
            let message = (error as? HelpError)?.message ?? ""
            return message.contains("\"Never\"") && message.contains("NoSchedule, PreferNoSchedule, NoExecute")
        }
    }
}
