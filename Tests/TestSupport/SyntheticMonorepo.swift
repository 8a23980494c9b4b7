/// A synthetic GitOps monorepo for the inventory benchmark: `apps` applications, each a
/// Kustomize base with three overlays (dev, staging, prod) deployed by one ApplicationSet over
/// `apps/*/overlays/*`, and `charts` Helm charts as `helm create` writes them, each with a
/// production values file and an Argo CD Application. Comments everywhere, as people write them.
public enum SyntheticMonorepo {
    /// The repository's files, by path.
    public static func files(apps: Int = 2000, charts: Int = 20) -> [String: [UInt8]] {
        var files: [String: String] = [:]
        for index in 0..<apps {
            let name = "app-\(index)"
            let base = "apps/\(name)/base"
            files["\(base)/kustomization.yaml"] = """
                # Base of \(name): what every environment deploys.
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                # Labels every resource carries.
                labels:
                  - pairs:
                      app.kubernetes.io/part-of: \(name)   # grouping in dashboards
                resources:
                  - deployment.yaml   # the workload
                  - service.yaml      # its cluster IP

                """
            files["\(base)/deployment.yaml"] = deployment(name, index: index)
            files["\(base)/service.yaml"] = """
                # Cluster-internal endpoint of \(name).
                apiVersion: v1
                kind: Service
                metadata:
                  name: \(name)   # same name as the Deployment
                spec:
                  selector:
                    app: \(name)
                  ports:
                    - port: 80          # HTTP
                      targetPort: 8080  # the container's port

                """
            for overlay in ["dev", "staging", "prod"] {
                let directory = "apps/\(name)/overlays/\(overlay)"
                var kustomization = """
                    # \(overlay) environment of \(name).
                    apiVersion: kustomize.config.k8s.io/v1beta1
                    kind: Kustomization
                    namespace: \(name)-\(overlay)   # one namespace per app and environment
                    resources:
                      - ../../base   # shared by every environment

                    """
                if overlay != "dev" {
                    kustomization += """
                        # Sizing for \(overlay).
                        patches:
                          - path: resources.yaml

                        """
                    files["\(directory)/resources.yaml"] = """
                        # \(overlay) needs more than the base.
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: \(name)
                        spec:
                          replicas: \(overlay == "prod" ? 3 : 1)   # \(overlay == "prod" ? "spread over zones" : "one is enough")
                          template:
                            spec:
                              containers:
                                - name: app
                                  resources:
                                    requests:
                                      cpu: \(overlay == "prod" ? 400 : 200)m   # from last quarter's p95
                                    limits:
                                      memory: \(overlay == "prod" ? "1Gi" : "512Mi")   # OOM margin

                        """
                }
                files["\(directory)/kustomization.yaml"] = kustomization
            }
        }
        files["argocd/apps.yaml"] = """
            # Every environment of every app, one Application each.
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: apps
              namespace: argocd
            spec:
              generators:
                - git:
                    repoURL: https://git.example.com/platform/gitops.git
                    revision: main
                    directories:
                      - path: apps/*/overlays/*   # app/env folders
              template:
                metadata:
                  name: '{{path[1]}}-{{path.basename}}'
                spec:
                  project: default
                  source:
                    repoURL: https://git.example.com/platform/gitops.git
                    targetRevision: main
                    path: '{{path}}'
                  destination:
                    server: https://kubernetes.default.svc
                    namespace: '{{path[1]}}-{{path.basename}}'

            """
        for index in 0..<charts {
            files.merge(chart("service-\(index)")) { $1 }
        }
        return files.mapValues { Array($0.utf8) }
    }

    private static func deployment(_ name: String, index: Int) -> String {
        """
        # \(name): generated workload \(index) of the benchmark monorepo.
        # Owned by team-\(index % 17); paged through #team-\(index % 17)-oncall.
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: \(name)
          labels:
            app: \(name)   # selector label
        spec:
          replicas: 2   # overridden per environment
          selector:
            matchLabels:
              app: \(name)
          template:
            metadata:
              labels:
                app: \(name)
              annotations:
                prometheus.io/scrape: "true"   # metrics on :9090
            spec:
              initContainers:
                # Native sidecar: forwards logs for the whole life of the pod.
                - name: log-forwarder
                  image: fluent/fluent-bit:3.1.9
                  restartPolicy: Always
                  resources:
                    requests:
                      cpu: 20m       # mostly idle
                      memory: 32Mi
                    limits:
                      memory: 64Mi   # bounded buffer
              containers:
                - name: app
                  image: registry.example.com/\(name):1.\(index % 40).0
                  ports:
                    - containerPort: 8080   # HTTP
                  env:
                    - name: JAVA_TOOL_OPTIONS
                      value: "-XX:MaxRAMPercentage=75"   # leave room for off-heap
                  resources:
                    requests:
                      cpu: \(100 + index % 400)m     # sized at launch
                      memory: \(128 + index % 512)Mi
                    limits:
                      memory: \(256 + index % 512)Mi   # 2x request, reviewed yearly
                  readinessProbe:
                    httpGet:
                      path: /healthz   # cheap check
                      port: 8080

        """
    }

    private static func chart(_ name: String) -> [String: String] {
        let directory = "charts/\(name)"
        return [
            "\(directory)/Chart.yaml": """
            apiVersion: v2
            name: \(name)
            description: A Helm chart for \(name)   # generated by helm create
            version: 0.1.0
            appVersion: "1.16.0"

            """,
            "\(directory)/values.yaml": """
            # Default values for \(name).
            replicaCount: 1   # overridden in prod
            image:
              repository: registry.example.com/\(name)
              tag: ""   # defaults to the chart appVersion
            nameOverride: ""
            fullnameOverride: ""
            # Requests and limits of the main container.
            resources:
              requests:
                cpu: 100m
                memory: 128Mi
              limits:
                memory: 256Mi
            # The queue worker.
            worker:
              enabled: true
              resources:
                requests:
                  cpu: 50m
                  memory: 64Mi
            autoscaling:
              enabled: false
              minReplicas: 1
              maxReplicas: 10
              targetCPUUtilizationPercentage: 80

            """,
            "\(directory)/values-prod.yaml": """
            # Production values for \(name).
            replicaCount: 3
            resources:
              requests:
                cpu: 300m   # measured
            autoscaling:
              enabled: true   # scale on CPU

            """,
            "\(directory)/templates/_helpers.tpl": """
            {{- define "\(name).name" -}}
            {{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
            {{- end }}

            \(HelmCreateHelpers.fullname(name))

            """,
            "\(directory)/templates/deployment.yaml": """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ include "\(name).fullname" . }}
            spec:
              {{- if not .Values.autoscaling.enabled }}
              replicas: {{ .Values.replicaCount }}
              {{- end }}
              template:
                spec:
                  containers:
                    - name: {{ .Chart.Name }}
                      image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
                      resources:
                        {{- toYaml .Values.resources | nindent 12 }}

            """,
            "\(directory)/templates/worker.yaml": """
            {{- if .Values.worker.enabled }}
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ include "\(name).fullname" . }}-worker
            spec:
              template:
                spec:
                  containers:
                    - name: worker
                      image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
                      {{- with .Values.worker.resources }}
                      resources:
                        {{- toYaml . | nindent 12 }}
                      {{- end }}
            {{- end }}

            """,
            "argocd/\(name).yaml": """
            # \(name) in production.
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: \(name)-prod
              namespace: argocd
            spec:
              project: default
              source:
                repoURL: https://git.example.com/platform/gitops.git
                targetRevision: main
                path: \(directory)
                helm:
                  valueFiles:
                    - values-prod.yaml   # on top of the chart's values.yaml
              destination:
                server: https://kubernetes.default.svc
                namespace: \(name)

            """,
        ]
    }
}
