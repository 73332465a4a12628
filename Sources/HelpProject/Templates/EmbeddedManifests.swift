/// The Kubernetes manifests shipped in `Templates/k8s/`, compiled in so a lone binary still has
/// them. Kept by hand; a test checks that each equals its file in `Templates/k8s/`.
enum EmbeddedManifests {
    /// The names, without `.yaml`.
    static let names = ["nvidia-device-plugin", "nvidia-time-slicing"]

    /// The text of the manifest `name`, or nil when none is built in.
    static func text(named name: String) -> String? {
        switch name {
        case "nvidia-device-plugin": return nvidiaDevicePlugin
        case "nvidia-time-slicing": return nvidiaTimeSlicing
        default: return nil
        }
    }

    static let nvidiaDevicePlugin = #"""
        # NVIDIA device plugin for `help join-cluster --gpu`: applied on a server with `k3s kubectl apply`.
        # It runs only on nodes labelled nvidia.com/gpu.present=true (help sets that label when it finds a
        # GPU) under the `nvidia` runtime K3s configures when nvidia-container-runtime is installed, and
        # reads its settings (time-slicing) from the ConfigMap in nvidia-time-slicing.yaml.
        # A project replaces this file with its own Templates/k8s/nvidia-device-plugin.yaml.
        apiVersion: node.k8s.io/v1
        kind: RuntimeClass
        metadata:
          name: nvidia
        handler: nvidia
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: nvidia-device-plugin-daemonset
          namespace: kube-system
        spec:
          selector:
            matchLabels:
              name: nvidia-device-plugin-ds
          updateStrategy:
            type: RollingUpdate
          template:
            metadata:
              labels:
                name: nvidia-device-plugin-ds
            spec:
              runtimeClassName: nvidia
              nodeSelector:
                nvidia.com/gpu.present: "true"
              tolerations:
                - key: nvidia.com/gpu
                  operator: Exists
                  effect: NoSchedule
              priorityClassName: system-node-critical
              containers:
                - name: nvidia-device-plugin-ctr
                  image: nvcr.io/nvidia/k8s-device-plugin:v0.17.0
                  env:
                    - name: FAIL_ON_INIT_ERROR
                      value: "false"
                    - name: CONFIG_FILE
                      value: /etc/nvidia-device-plugin/config.yaml
                  securityContext:
                    allowPrivilegeEscalation: false
                    capabilities:
                      drop: ["ALL"]
                  volumeMounts:
                    - name: device-plugin
                      mountPath: /var/lib/kubelet/device-plugins
                    - name: config
                      mountPath: /etc/nvidia-device-plugin
              volumes:
                - name: device-plugin
                  hostPath:
                    path: /var/lib/kubelet/device-plugins
                - name: config
                  configMap:
                    name: nvidia-device-plugin-config
        """#

    static let nvidiaTimeSlicing = #"""
        # Settings of the NVIDIA device plugin for `help join-cluster --gpu`: with `--time-slicing N`,
        # each GPU is offered as N `nvidia.com/gpu` so N pods can share it (no memory isolation between
        # them); without it, the replicas below are 1 and each GPU goes to one pod.
        # A project replaces this file with its own Templates/k8s/nvidia-time-slicing.yaml.
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: nvidia-device-plugin-config
          namespace: kube-system
        data:
          config.yaml: |
            version: v1
            flags:
              migStrategy: none
            sharing:
              timeSlicing:
                resources:
                  - name: nvidia.com/gpu
                    replicas: {{replicas}}
        """#
}
