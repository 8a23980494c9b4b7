import YAMLSyntax

/// What a strategic-merge patch without a `target` names: its kind, API version, name and
/// namespace, read once per patch document.
struct PatchIdentity {
    var kind: String?
    var name: String?
    var apiVersion: String?
    var namespace: String?

    init(_ root: YAMLNode) {
        kind = root["kind"]?.scalar
        apiVersion = root["apiVersion"]?.scalar
        let metadata = root["metadata"]
        name = metadata?["name"]?.scalar
        namespace = metadata?["namespace"]?.scalar
    }

    /// Whether the patch names `resource`: same kind and API version, one of its names, the same
    /// namespace (none is `default`), as kustomize matches patches to resources.
    func names(_ resource: RenderedResource) -> Bool {
        guard let kind, kind == resource.kind, let name, resource.hasName(name) else { return false }
        if let apiVersion, apiVersion != resource.apiVersion { return false }
        return RenderedResource.effectiveNamespace(namespace)
            == RenderedResource.effectiveNamespace(resource.namespace)
    }
}
