import HelpSystem

/// What `help cluster status` shows: every node (role, Ready, CPU, memory, address, GPUs), the
/// pods that are not running, and the latest warning events.
public struct ClusterStatus: Sendable, Equatable {
    /// A pod that is neither running nor finished, and why.
    public struct Pod: Sendable, Equatable {
        public var namespace: String
        public var name: String
        public var phase: String
        public var reason: String
    }

    /// A warning event, newest last.
    public struct Event: Sendable, Equatable {
        public var time: String
        public var object: String
        public var reason: String
        public var message: String
    }

    public var nodes: [ClusterNode]
    public var pods: [Pod]
    public var events: [Event]

    /// How many warning events are kept.
    public static let eventLimit = 10

    /// Asks the cluster through `kubectl`.
    public static func gather(_ kubectl: Kubectl, runner: any ProcessRunner) throws -> ClusterStatus {
        let nodes = try kubectl.nodes(runner: runner)
        let pods = try parsePods(kubectl.output(["get", "pods", "--all-namespaces", "-o", "json"], runner: runner))
        let events = try parseEvents(
            kubectl.output(
                ["get", "events", "--all-namespaces", "--field-selector", "type=Warning", "-o", "json"],
                runner: runner))
        return ClusterStatus(nodes: nodes, pods: pods, events: events)
    }

    /// Pods of a PodList whose phase is not Running or Succeeded, or that run with a container
    /// that is not ready (CrashLoopBackOff shows here).
    public static func parsePods(_ text: String) throws -> [Pod] {
        let list = try JSONValue.parse(text, source: "kubectl get pods")
        return (list["items"]?.array ?? []).compactMap { item in
            let phase = item["status"]?["phase"]?.string ?? "Unknown"
            let waiting = (item["status"]?["containerStatuses"]?.array ?? []).compactMap {
                $0["state"]?["waiting"]?["reason"]?.string
            }
            guard phase != "Succeeded", phase != "Running" || !waiting.isEmpty else { return nil }
            return Pod(
                namespace: item["metadata"]?["namespace"]?.string ?? "", name: item["metadata"]?["name"]?.string ?? "?",
                phase: phase, reason: waiting.first ?? item["status"]?["reason"]?.string ?? "")
        }
    }

    /// The newest warning events of an EventList, oldest first.
    public static func parseEvents(_ text: String) throws -> [Event] {
        let list = try JSONValue.parse(text, source: "kubectl get events")
        let events = (list["items"]?.array ?? []).map { item in
            let involved = item["involvedObject"]
            return Event(
                time: item["lastTimestamp"]?.string ?? item["eventTime"]?.string ?? "",
                object: (involved?["kind"]?.string ?? "") + "/" + (involved?["name"]?.string ?? ""),
                reason: item["reason"]?.string ?? "", message: item["message"]?.string ?? "")
        }
        return Array(events.sorted { $0.time < $1.time }.suffix(eventLimit))
    }

    /// The document for `--json`.
    public var json: JSONValue {
        [
            "nodes": .array(nodes.map(\.json)),
            "pods_not_running": .array(
                pods.map {
                    [
                        "namespace": .string($0.namespace), "name": .string($0.name), "phase": .string($0.phase),
                        "reason": .string($0.reason),
                    ]
                }),
            "warnings": .array(
                events.map {
                    [
                        "time": .string($0.time), "object": .string($0.object), "reason": .string($0.reason),
                        "message": .string($0.message),
                    ]
                }),
        ]
    }
}
