extension GitOpsFixture {
    /// The fixture with broken targets added next to the healthy ones: a kustomization naming a
    /// missing file, two kustomizations including each other, an Application whose path does not
    /// exist, a remote base, a manifest that does not parse, and an ApplicationSet generator
    /// Steward does not expand.
    public static let brokenFiles: [String: String] = files.merging(broken) { $1 }

    static let broken: [String: String] = [
        "apps/broken/missing/kustomization.yaml": """
        resources:
          - deployment.yaml
          - service.yaml

        """,
        "apps/broken/missing/deployment.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: lonely
        spec:
          template:
            spec:
              containers:
                - name: lonely
                  image: busybox:1.36

        """,
        "apps/broken/cycle-a/kustomization.yaml": """
        resources:
          - ../cycle-b

        """,
        "apps/broken/cycle-b/kustomization.yaml": """
        resources:
          - ../cycle-a

        """,
        "apps/broken/remote/kustomization.yaml": """
        resources:
          - github.com/example/platform//base?ref=v1.2.0
          - ../missing/deployment.yaml

        """,
        "apps/broken/unparsable/deployment.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: "half

        """,
        "argocd/broken.yaml": """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: broken-missing
        spec:
          source:
            path: apps/broken/missing
          destination:
            namespace: broken
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: broken-cycle
        spec:
          source:
            path: apps/broken/cycle-a
          destination:
            namespace: broken
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: broken-path
        spec:
          source:
            path: apps/does-not-exist
          destination:
            namespace: broken
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: broken-remote
        spec:
          source:
            path: apps/broken/remote
          destination:
            namespace: broken
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: broken-unparsable
        spec:
          source:
            path: apps/broken/unparsable
          destination:
            namespace: broken

        """,
        "argocd/matrix.yaml": """
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: everywhere
        spec:
          generators:
            - matrix:
                generators:
                  - clusters: {}
                  - list:
                      elements: [{app: web}]
          template:
            metadata:
              name: '{{name}}-{{app}}'
            spec:
              source:
                path: apps/{{app}}
              destination:
                server: '{{server}}'

        """,
    ]
}
