import Foundation

/// A GitOps repository with every shape the inventory reads, as users write them (comments,
/// mixed quoting, legacy fields):
///
/// - `apps/shop`: a Kustomize base (Deployment `web` with a native sidecar, an HPA) with a
///   `staging` overlay (prefix, namespace, replicas) and a `prod` overlay (a component adding a
///   tracing container, a strategic-merge patch on a memory limit, a JSON 6902 patch adding a
///   CPU limit, an image tag).
/// - `apps/orders`: a base with overlays `eu` (no patches yet) and `us` (legacy
///   `patchesStrategicMerge`).
/// - `apps/cart`: plain manifests (a StatefulSet) deployed as an Argo CD directory source.
/// - `charts/catalog`: a chart as `helm create` writes it, with `values.yaml`,
///   `values-prod.yaml` and `values-staging.yaml` used by two Argo CD Applications; its worker
///   template has a container whose resources come from no values.
/// - `charts/podinfo` with a Flux `HelmRelease` carrying inline values.
/// - `tools/*`: an ApplicationSet over directories (plain manifests and a kustomization with a
///   CronJob).
public enum GitOpsFixture {
    /// Writes the repository into `directory`.
    public static func write(to directory: URL, files: [String: String] = GitOpsFixture.files) throws {
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// The Kustomize folders of the repository, which `kubectl kustomize` renders.
    public static let kustomizations = [
        "apps/shop/overlays/staging", "apps/shop/overlays/prod", "apps/orders/overlays/eu",
        "apps/orders/overlays/us", "tools/janitor",
    ]

    /// Every file, by path.
    public static let files: [String: String] = shop.merging(orders) { $1 }.merging(catalog) { $1 }
        .merging(podinfo) { $1 }.merging(tools) { $1 }.merging(argo) { $1 }.merging(cart) { $1 }
        .merging(policy) { $1 }

    /// A policy that lets the bot right-size requests and memory limits of every container,
    /// init container and CronJob container.
    static let policy: [String: String] = [
        "policies/steward.yaml": """
        apiVersion: steward.dev/v1
        kind: Policy
        metadata:
          name: fixture
        spec:
          rules:
            - name: everything
              actions: [rightsize]
              fields:
        \(fields)

        """
    ]

    private static let fields = [
        "spec.template.spec.containers", "spec.template.spec.initContainers",
        "spec.jobTemplate.spec.template.spec.containers",
    ].flatMap { list in
        ["requests.cpu", "requests.memory", "limits.memory"].map {
            "        - path: \(list)[*].resources.\($0)"
        }
    }.joined(separator: "\n")

    static let shop: [String: String] = [
        "apps/shop/base/kustomization.yaml": """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        # The storefront, shared by every environment.
        resources:
          - web.yaml
          - hpa.yaml

        """,
        "apps/shop/base/web.yaml": """
        # Storefront web tier. Owned by team storefront (#storefront-oncall).
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              initContainers:
                # Native sidecar: ships logs for the whole life of the pod.
                - name: log-shipper
                  image: fluent/fluent-bit:3.1.9
                  restartPolicy: Always
                  resources:
                    requests:
                      cpu: 50m
                      memory: 64Mi
                    limits:
                      memory: 128Mi
              containers:
                - name: app
                  image: ghcr.io/example/shop-web:2.14.1
                  ports:
                    - containerPort: 8080
                  resources:
                    requests:
                      cpu: 500m      # sized for launch day
                      memory: 1Gi
                    limits:
                      memory: 1Gi

        """,
        "apps/shop/base/hpa.yaml": """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: web
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: web
          minReplicas: 2
          maxReplicas: 10
          metrics:
            - type: Resource
              resource:
                name: cpu
                target:
                  type: Utilization
                  averageUtilization: 70

        """,
        "apps/shop/components/tracing/kustomization.yaml": """
        apiVersion: kustomize.config.k8s.io/v1alpha1
        kind: Component
        # Adds the OpenTelemetry agent next to the app.
        patches:
          - path: agent.yaml

        """,
        "apps/shop/components/tracing/agent.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: otel-agent
                  image: otel/opentelemetry-collector:0.110.0
                  resources:
                    requests:
                      cpu: 20m
                      memory: 100Mi
                    limits:
                      memory: 100Mi

        """,
        "apps/shop/overlays/staging/kustomization.yaml": """
        # Staging: one replica, its own namespace.
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        namespace: shop-staging
        namePrefix: staging-
        resources:
          - ../../base
        replicas:
          - name: web
            count: 1

        """,
        "apps/shop/overlays/prod/kustomization.yaml": """
        # Production: tracing, more memory, a CPU ceiling.
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        namespace: shop
        resources:
          - ../../base
        components:
          - ../../components/tracing
        patches:
          - path: memory.yaml
          - path: cpu-limit.yaml
            target:
              group: apps
              version: v1
              kind: Deployment
              name: web
        images:
          - name: ghcr.io/example/shop-web
            newTag: 2.15.0

        """,
        "apps/shop/overlays/prod/memory.yaml": """
        # Prod traffic needs more headroom (INC-2291).
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: app
                  resources:
                    limits:
                      memory: 2Gi

        """,
        "apps/shop/overlays/prod/cpu-limit.yaml": """
        # A hard CPU ceiling in prod.
        - op: add
          path: /spec/template/spec/containers/0/resources/limits/cpu
          value: "2"

        """,
    ]

    static let orders: [String: String] = [
        "apps/orders/base/kustomization.yaml": """
        resources:
        - deployment.yaml

        """,
        "apps/orders/base/deployment.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: orders
        spec:
          template:
            spec:
              containers:
              - name: orders
                image: ghcr.io/example/orders:7.1.0
                resources:
                  requests: {cpu: 300m, memory: 512Mi}
                  limits: {memory: 512Mi}

        """,
        "apps/orders/overlays/eu/kustomization.yaml": """
        namespace: orders-eu
        resources:
        - ../../base

        """,
        "apps/orders/overlays/us/kustomization.yaml": """
        namespace: orders-us
        resources:
        - ../../base
        patchesStrategicMerge:
        - replicas.yaml

        """,
        "apps/orders/overlays/us/replicas.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: orders
        spec:
          replicas: 4

        """,
    ]

    static let cart: [String: String] = [
        "apps/cart/redis.yaml": """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: cart-redis
          namespace: cart
        spec:
          replicas: 1
          template:
            spec:
              containers:
                - name: redis
                  image: redis:7.4
                  resources:
                    requests:
                      cpu: "0.5"
                      memory: 1G
                    limits:
                      memory: 1G

        """
    ]

    static let catalog: [String: String] = [
        "charts/catalog/Chart.yaml": """
        apiVersion: v2
        name: catalog
        description: The product catalog.
        version: 0.3.0
        appVersion: "1.4.2"

        """,
        "charts/catalog/values.yaml": """
        # Default values for catalog.
        replicaCount: 1

        image:
          repository: ghcr.io/example/catalog
          pullPolicy: IfNotPresent
          tag: ""

        nameOverride: ""
        fullnameOverride: ""

        resources:
          requests:
            cpu: 100m
            memory: 128Mi
          limits:
            memory: 256Mi

        worker:
          enabled: true
          resources:
            requests:
              cpu: 50m
              memory: 64Mi

        autoscaling:
          enabled: false
          minReplicas: 1
          maxReplicas: 5
          targetCPUUtilizationPercentage: 80

        """,
        "charts/catalog/values-prod.yaml": """
        # Production overrides for catalog.
        replicaCount: 3

        resources:
          requests:
            cpu: 250m     # measured in March

        autoscaling:
          enabled: true

        """,
        "charts/catalog/values-staging.yaml": """
        # Staging runs the defaults, without the worker.
        worker:
          enabled: false

        """,
        "charts/catalog/templates/_helpers.tpl": """
        {{/*
        Expand the name of the chart.
        */}}
        {{- define "catalog.name" -}}
        {{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
        {{- end }}

        {{/*
        Create a default fully qualified app name.
        */}}
        \(HelmCreateHelpers.fullname("catalog"))

        {{- define "catalog.labels" -}}
        app.kubernetes.io/name: {{ include "catalog.name" . }}
        app.kubernetes.io/instance: {{ .Release.Name }}
        {{- end }}

        """,
        "charts/catalog/templates/deployment.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ include "catalog.fullname" . }}
          labels:
            {{- include "catalog.labels" . | nindent 4 }}
        spec:
          {{- if not .Values.autoscaling.enabled }}
          replicas: {{ .Values.replicaCount }}
          {{- end }}
          selector:
            matchLabels:
              {{- include "catalog.labels" . | nindent 6 }}
          template:
            metadata:
              labels:
                {{- include "catalog.labels" . | nindent 8 }}
            spec:
              containers:
                - name: {{ .Chart.Name }}
                  image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
                  imagePullPolicy: {{ .Values.image.pullPolicy }}
                  ports:
                    - name: http
                      containerPort: 8080
                  resources:
                    {{- toYaml .Values.resources | nindent 12 }}

        """,
        "charts/catalog/templates/worker.yaml": """
        {{- if .Values.worker.enabled }}
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ include "catalog.fullname" . }}-worker
        spec:
          template:
            spec:
              containers:
                - name: worker
                  image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
                  args: ["worker"]
                  {{- with .Values.worker.resources }}
                  resources:
                    {{- toYaml . | nindent 12 }}
                  {{- end }}
                - name: metrics
                  image: prom/statsd-exporter:v0.27.1
        {{- end }}

        """,
        "charts/catalog/templates/hpa.yaml": """
        {{- if .Values.autoscaling.enabled }}
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: {{ include "catalog.fullname" . }}
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: {{ include "catalog.fullname" . }}
          minReplicas: {{ .Values.autoscaling.minReplicas }}
          maxReplicas: {{ .Values.autoscaling.maxReplicas }}
          metrics:
            - type: Resource
              resource:
                name: cpu
                target:
                  type: Utilization
                  averageUtilization: {{ .Values.autoscaling.targetCPUUtilizationPercentage }}
        {{- end }}

        """,
    ]

    static let podinfo: [String: String] = [
        "charts/podinfo/Chart.yaml": """
        apiVersion: v2
        name: podinfo
        version: 6.7.0

        """,
        "charts/podinfo/values.yaml": """
        replicaCount: 1
        resources:
          requests:
            cpu: 1m
            memory: 16Mi

        """,
        "charts/podinfo/templates/_helpers.tpl": """
        \(HelmCreateHelpers.fullname("podinfo"))

        """,
        "charts/podinfo/templates/deployment.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ template "podinfo.fullname" . }}
        spec:
          replicas: {{ .Values.replicaCount }}
          template:
            spec:
              containers:
                - name: podinfod
                  image: ghcr.io/stefanprodan/podinfo:6.7.0
                  resources:
        {{ toYaml .Values.resources | indent 12 }}

        """,
        "flux/podinfo.yaml": """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: podinfo
          namespace: apps
        spec:
          interval: 10m
          chart:
            spec:
              chart: ./charts/podinfo
              sourceRef:
                kind: GitRepository
                name: flux-system
                namespace: flux-system
          values:
            replicaCount: 2
            resources:
              requests:
                cpu: 100m   # podinfo idles
                memory: 64Mi

        """,
    ]

    static let tools: [String: String] = [
        "tools/exporter/deployment.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: exporter
        spec:
          template:
            spec:
              containers:
                - name: exporter
                  image: prom/node-exporter:v1.8.2
                  resources:
                    requests:
                      cpu: 100m
                      memory: 64Mi

        """,
        "tools/janitor/kustomization.yaml": """
        resources:
          - cronjob.yaml

        """,
        "tools/janitor/cronjob.yaml": """
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: janitor
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: janitor
                      image: ghcr.io/example/janitor:1.0
                      resources:
                        requests:
                          cpu: 200m
                          memory: 256Mi

        """,
    ]

    static let argo: [String: String] = [
        "argocd/shop.yaml": """
        # The storefront in both environments.
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: shop-staging
          namespace: argocd
        spec:
          project: default
          source:
            repoURL: https://github.com/example/gitops.git
            targetRevision: main
            path: apps/shop/overlays/staging
          destination:
            server: https://kubernetes.default.svc
            namespace: shop-staging
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: shop-prod
          namespace: argocd
        spec:
          project: default
          source:
            repoURL: https://github.com/example/gitops.git
            targetRevision: main
            path: apps/shop/overlays/prod
          destination:
            server: https://kubernetes.default.svc
            namespace: shop

        """,
        "argocd/orders.yaml": """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: orders-eu
        spec:
          source:
            repoURL: https://github.com/example/gitops.git
            path: apps/orders/overlays/eu
          destination:
            name: in-cluster
            namespace: orders-eu
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: orders-us
        spec:
          source:
            repoURL: https://github.com/example/gitops.git
            path: apps/orders/overlays/us
          destination:
            name: in-cluster
            namespace: orders-us

        """,
        "argocd/cart.yaml": """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: cart
        spec:
          source:
            repoURL: https://github.com/example/gitops.git
            path: apps/cart
            directory:
              recurse: true
          destination:
            server: https://kubernetes.default.svc
            namespace: cart

        """,
        "argocd/catalog.yaml": """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: catalog-prod
        spec:
          source:
            repoURL: https://github.com/example/gitops.git
            path: charts/catalog
            helm:
              valueFiles:
                - values-prod.yaml
          destination:
            server: https://kubernetes.default.svc
            namespace: catalog
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: catalog-staging
        spec:
          source:
            repoURL: https://github.com/example/gitops.git
            path: charts/catalog
            helm:
              releaseName: catalog
              valueFiles:
                - values-staging.yaml
          destination:
            server: https://kubernetes.default.svc
            namespace: catalog-staging

        """,
        "argocd/tools.yaml": """
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: tools
        spec:
          generators:
            - git:
                repoURL: https://github.com/example/gitops.git
                revision: main
                directories:
                  - path: tools/*
          template:
            metadata:
              name: 'tools-{{path.basename}}'
            spec:
              project: default
              source:
                repoURL: https://github.com/example/gitops.git
                targetRevision: main
                path: '{{path}}'
              destination:
                server: https://kubernetes.default.svc
                namespace: tools

        """,
    ]
}
