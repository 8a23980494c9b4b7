/// A small Kustomize repository holding the workload kinds beyond Deployment and StatefulSet: a
/// DaemonSet, a Job (with an init container), a CronJob and an Argo Rollout (with a native sidecar),
/// all in one base, and a production overlay that patches the DaemonSet (strategic merge) and the
/// Rollout (JSON 6902).
public enum WorkloadKindsFixture {
    /// The one deployable folder; the base is only reached through it.
    public static let overlay = "ops/overlays/prod"

    /// Usage in cluster `prod` of the DaemonSet's and the Rollout's main containers, chosen so the
    /// recommender's proposals are round numbers (as in `GitOpsFixture.usage`).
    public static let usage: [GitOpsFixture.Usage] = [
        GitOpsFixture.Usage("ops", "DaemonSet", "node-agent", "agent", cpu: 0.06, memory: 200_000_000),
        GitOpsFixture.Usage("ops", "Rollout", "checkout", "checkout", cpu: 0.4, memory: 400_000_000),
    ]

    /// Path → text of every file of the repository.
    public static let files: [String: String] = [
        "policies/steward.yaml": """
        apiVersion: steward.dev/v1
        kind: Policy
        metadata:
          name: workload-kinds
        spec:
          rules:
            - name: everything
              actions: [rightsize]
              fields:
                - path: spec.template.spec.containers[*].resources.requests.cpu
                - path: spec.template.spec.containers[*].resources.requests.memory
                - path: spec.template.spec.containers[*].resources.limits.memory

        """,
        "ops/base/kustomization.yaml": """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - node-agent.yaml
          - migrate.yaml
          - report.yaml
          - checkout.yaml

        """,
        "ops/base/node-agent.yaml": """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: node-agent
        spec:
          selector:
            matchLabels: {app: node-agent}
          template:
            metadata:
              labels: {app: node-agent}
            spec:
              containers:
                - name: agent
                  image: ghcr.io/example/node-agent:3.2.0
                  resources:
                    requests:
                      cpu: 100m
                      memory: 128Mi
                    limits:
                      memory: 256Mi

        """,
        "ops/base/migrate.yaml": """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: db-migrate
        spec:
          backoffLimit: 2
          template:
            spec:
              restartPolicy: Never
              initContainers:
                - name: wait-db
                  image: busybox:1.36
                  resources:
                    requests: {cpu: 10m, memory: 16Mi}
              containers:
                - name: migrate
                  image: ghcr.io/example/migrate:5.0.1
                  resources:
                    requests:
                      cpu: 250m
                      memory: 256Mi
                    limits:
                      memory: 512Mi

        """,
        "ops/base/report.yaml": """
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: nightly-report
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: report
                      image: ghcr.io/example/report:1.4.0
                      resources:
                        requests:
                          cpu: 500m
                          memory: 1Gi

        """,
        "ops/base/checkout.yaml": """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: checkout
        spec:
          replicas: 3
          strategy:
            canary:
              steps:
                - setWeight: 20
                - pause: {duration: 10m}
          selector:
            matchLabels: {app: checkout}
          template:
            metadata:
              labels: {app: checkout}
            spec:
              initContainers:
                - name: mesh-proxy
                  image: envoyproxy/envoy:v1.31.0
                  restartPolicy: Always
                  resources:
                    requests: {cpu: 50m, memory: 64Mi}
              containers:
                - name: checkout
                  image: ghcr.io/example/checkout:2.8.0
                  resources:
                    requests:
                      cpu: 300m
                      memory: 512Mi
                    limits:
                      cpu: "1"
                      memory: 1Gi

        """,
        "ops/overlays/prod/kustomization.yaml": """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        namespace: ops
        resources:
          - ../../base
        patches:
          - path: node-agent-memory.yaml
          - path: checkout-cpu-limit.yaml
            target:
              kind: Rollout
              name: checkout

        """,
        "ops/overlays/prod/node-agent-memory.yaml": """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: node-agent
        spec:
          template:
            spec:
              containers:
                - name: agent
                  resources:
                    limits:
                      memory: 384Mi

        """,
        "ops/overlays/prod/checkout-cpu-limit.yaml": """
        - op: replace
          path: /spec/template/spec/containers/0/resources/limits/cpu
          value: "2"

        """,
    ]

    /// A profiles file of `usage` in cluster `prod`.
    public static func profilesJSON() -> String {
        GitOpsFixture.profilesJSON(cluster: "prod", usage: usage)
    }
}
