extension ExternalTool {
    /// `kubectl`, whose `kustomize` subcommand is the reference renderer for Steward's own.
    /// These machines ship kubectl 1.32 with kustomize v5.5.0; Debian's `kubernetes-client` is an
    /// older kubectl whose kustomize lacks some fields.
    public static let kubectl = ExternalTool(
        name: "kubectl", install: "apt-get install -y --no-install-recommends kubernetes-client")
}
