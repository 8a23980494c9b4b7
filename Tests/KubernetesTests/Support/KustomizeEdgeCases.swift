/// Kustomize shapes beyond the main fixture, each a top-level kustomization (so a target of a
/// repository without a deployment tool): nested overlays, prefixes and suffixes with an
/// autoscaler, `$patch: delete` and `replace`, JSON 6902 operations at indexes, inline patches,
/// label selectors, image digests.
enum KustomizeEdgeCases {
    static let directories = ["nested/top", "directives", "json", "inline", "images"]

    static let files: [String: String] = [
        "base/kustomization.yaml": """
        resources: [deployment.yaml, hpa.yaml]

        """,
        "base/deployment.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          labels: {tier: backend}
        spec:
          replicas: 3
          template:
            spec:
              initContainers:
                - name: migrate
                  image: ghcr.io/example/migrate:1
                  resources:
                    requests: {cpu: 100m, memory: 64Mi}
              containers:
                - name: api
                  image: ghcr.io/example/api:1.0
                  resources:
                    requests: {cpu: 250m, memory: 256Mi}
                    limits: {cpu: "1", memory: 512Mi}
                - name: proxy
                  image: envoyproxy/envoy:v1.31.0
                  resources:
                    requests: {cpu: 50m, memory: 32Mi}

        """,
        "base/hpa.yaml": """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: api
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
          minReplicas: 3
          maxReplicas: 12

        """,
        "nested/middle/kustomization.yaml": """
        resources: [../../base]
        namePrefix: mid-
        namespace: middle
        patches:
          - path: more-memory.yaml

        """,
        "nested/middle/more-memory.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          template:
            spec:
              containers:
                - name: api
                  resources:
                    limits:
                      memory: 1Gi

        """,
        "nested/top/kustomization.yaml": """
        resources: [../middle]
        nameSuffix: -v2
        namespace: top
        patches:
          - path: cpu.yaml
        replicas:
          - name: mid-api
            count: 5

        """,
        "nested/top/cpu.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: mid-api
          namespace: middle
        spec:
          template:
            spec:
              containers:
                - name: api
                  resources:
                    requests:
                      cpu: 400m

        """,
        "directives/kustomization.yaml": """
        resources: [../base]
        patchesStrategicMerge:
          - drop-proxy.yaml
          - replace-resources.yaml

        """,
        "directives/drop-proxy.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          template:
            spec:
              containers:
                - name: proxy
                  $patch: delete

        """,
        "directives/replace-resources.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          template:
            spec:
              containers:
                - name: api
                  resources:
                    $patch: replace
                    requests:
                      memory: 300Mi
              initContainers:
                - name: migrate
                  resources:
                    requests:
                      cpu: null

        """,
        "json/kustomization.yaml": """
        resources: [../base]
        patches:
          - path: ops.yaml
            target:
              kind: Deployment
              labelSelector: tier=backend

        """,
        "json/ops.yaml": """
        - op: replace
          path: /spec/template/spec/containers/1/resources
          value:
            requests: {cpu: 75m}
            limits: {memory: 64Mi}
        - op: add
          path: /spec/template/spec/containers/0
          value:
            name: first
            image: busybox:1.36
            resources:
              limits: {memory: 16Mi}
        - op: remove
          path: /spec/template/spec/containers/1/resources/limits/cpu
        - op: add
          path: /spec/template/spec/initContainers/-
          value:
            name: sidecar
            image: ghcr.io/example/sidecar:2
            restartPolicy: Always
        - op: replace
          path: /spec/replicas
          value: 6

        """,
        "inline/kustomization.yaml": """
        resources: [../base]
        namePrefix: in-
        patches:
          - patch: |-
              apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: api
              spec:
                template:
                  spec:
                    containers:
                      - name: api
                        resources:
                          requests:
                            memory: 1Gi
          - target:
              kind: Deployment
              name: api
            patch: |-
              - op: add
                path: /spec/template/spec/containers/1/resources/limits
                value: {cpu: 200m}

        """,
        "images/kustomization.yaml": """
        resources: [../base]
        images:
          - name: ghcr.io/example/api
            newName: registry.example.com/api
            digest: sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3
          - name: envoyproxy/envoy
            newTag: v1.32.0

        """,
    ]
}
